package io.github.settrademqtt.autoconfigure;

import java.net.URI;

import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.SettradeEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for connecting to the Settrade Open API. Declare a bean of this type to point
 * the starter elsewhere without touching {@code settrade.mqtt.*}, as tests and secret
 * stores may.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface SettradeConnectionDetails extends ConnectionDetails {

	/**
	 * Return the Open API base URL.
	 * @return the base URL
	 */
	URI getBaseUrl();

	/**
	 * Return the broker id as sent on the wire ('098' for the sandbox).
	 * @return the broker id
	 */
	String getBrokerId();

	/**
	 * Return the environment the broker id points at.
	 * @return the environment
	 */
	SettradeEnvironment getEnvironment();

	/**
	 * Return the app id (API key).
	 * @return the app id
	 */
	String getAppId();

	/**
	 * Return the app code.
	 * @return the app code
	 */
	String getAppCode();

	/**
	 * Return the app secret.
	 * @return the secret, or {@code null} when signing is left to a user-defined
	 * {@link io.github.settrademqtt.login.SettradeSigner}
	 */
	@Nullable AppSecret getAppSecret();

}
