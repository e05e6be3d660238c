package io.github.settrademqtt.login;

/**
 * Thrown when an app secret cannot be used as a Settrade signing key. The message says
 * what is wrong with the secret and never contains any part of it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class InvalidAppSecretException extends IllegalArgumentException {

	InvalidAppSecretException(String reason) {
		super(reason);
	}

}
