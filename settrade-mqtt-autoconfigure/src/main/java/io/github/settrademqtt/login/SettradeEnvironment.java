package io.github.settrademqtt.login;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

import io.github.settrademqtt.support.BaseUrls;

/**
 * The Settrade Open API environments and what a broker id implies for them.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum SettradeEnvironment {

	/**
	 * The production service.
	 */
	PRODUCTION(URI.create("https://open-api.settrade.com")),

	/**
	 * The sandbox (UAT) service, chosen with the broker id 'SANDBOX' and addressed on the
	 * wire as broker '098'.
	 */
	SANDBOX(URI.create("https://open-api-test.settrade.com"));

	/**
	 * The broker id users configure for the sandbox, in any case.
	 */
	public static final String SANDBOX_BROKER_ID = "SANDBOX";

	/**
	 * The broker id the sandbox expects on the wire.
	 */
	public static final String SANDBOX_WIRE_BROKER_ID = "098";

	private final URI baseUrl;

	SettradeEnvironment(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Return the Open API base URL of this environment.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Return the environment a configured broker id points at.
	 * @param brokerId the configured broker id
	 * @return {@link #SANDBOX} for 'SANDBOX' in any case, {@link #PRODUCTION} otherwise
	 */
	public static SettradeEnvironment forBrokerId(String brokerId) {
		return SANDBOX_BROKER_ID.equalsIgnoreCase(brokerId.strip()) ? SANDBOX : PRODUCTION;
	}

	/**
	 * Return the environment a base URL addresses.
	 * @param baseUrl the base URL
	 * @return the environment whose base URL it is (case, a trailing '/' and port 443
	 * spelt out aside), or empty for any other URL
	 */
	public static Optional<SettradeEnvironment> forBaseUrl(URI baseUrl) {
		return Arrays.stream(values())
			.filter((environment) -> BaseUrls.sameService(environment.baseUrl, baseUrl))
			.findFirst();
	}

	/**
	 * Return the broker id to send on the wire for a configured one.
	 * @param brokerId the configured broker id
	 * @return '098' for 'SANDBOX' in any case, the configured id otherwise
	 */
	public static String wireBrokerId(String brokerId) {
		return (forBrokerId(brokerId) == SANDBOX) ? SANDBOX_WIRE_BROKER_ID : brokerId.strip();
	}

}
