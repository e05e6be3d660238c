package io.github.settrademqtt.actuate.info;

import java.net.URI;
import java.util.Locale;

import io.github.settrademqtt.login.SettradeEnvironment;
import io.github.settrademqtt.support.BaseUrls;
import org.jspecify.annotations.Nullable;

/**
 * What the starter talks to, as {@code /actuator/info} says it: told from the base URL in
 * effect, never from the broker id alone (an explicit base URL wins over it).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum SettradeTarget {

	/**
	 * Settrade's production service.
	 */
	PRODUCTION,

	/**
	 * Settrade's sandbox (UAT).
	 */
	SANDBOX,

	/**
	 * The embedded Settrade simulator of {@code settrade-mqtt-test}.
	 */
	SIMULATOR,

	/**
	 * Any other base URL, such as a proxy.
	 */
	CUSTOM;

	/**
	 * Return what a base URL addresses.
	 * @param baseUrl the base URL in effect
	 * @param simulatorBaseUrl the base URL the embedded simulator announced, if one runs
	 * @return {@link #SIMULATOR} for the simulator's URL, {@link #PRODUCTION} or
	 * {@link #SANDBOX} for Settrade's, {@link #CUSTOM} for any other
	 */
	public static SettradeTarget of(URI baseUrl, @Nullable URI simulatorBaseUrl) {
		if (simulatorBaseUrl != null && BaseUrls.sameService(baseUrl, simulatorBaseUrl)) {
			return SIMULATOR;
		}
		return SettradeEnvironment.forBaseUrl(baseUrl)
			.map((environment) -> (environment == SettradeEnvironment.SANDBOX) ? SANDBOX : PRODUCTION)
			.orElse(CUSTOM);
	}

	/**
	 * Return the name shown in {@code /actuator/info}.
	 * @return the name in lower case, such as {@code sandbox}
	 */
	public String infoName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
