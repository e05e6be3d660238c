package io.github.settrademqtt.test;

import java.util.Objects;

/**
 * Credentials of an application registered with a {@link SettradeSimulator}, in the form
 * the Settrade developer console hands them out.
 *
 * @param appId the application id, sent as {@code apiKey} on login
 * @param appSecret the private key: base64 (standard alphabet, padded) of the P-256
 * private scalar as {@link java.math.BigInteger#toByteArray()} gives it (32 bytes, or 33
 * with a leading {@code 0x00})
 * @param appCode the application code used in the login path
 * @param brokerId the broker id the application is registered under
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record SimulatedApp(String appId, String appSecret, String appCode, String brokerId) {

	/**
	 * Creates a new instance.
	 * @param appId the application id
	 * @param appSecret the base64 private scalar
	 * @param appCode the application code
	 * @param brokerId the broker id
	 */
	public SimulatedApp {
		Objects.requireNonNull(appId, "'appId' must not be null");
		Objects.requireNonNull(appSecret, "'appSecret' must not be null");
		Objects.requireNonNull(appCode, "'appCode' must not be null");
		Objects.requireNonNull(brokerId, "'brokerId' must not be null");
	}

	/**
	 * Returns a description with the secret masked, so that the credentials can appear in
	 * test names and failure messages.
	 * @return a description without the secret
	 */
	@Override
	public String toString() {
		return "SimulatedApp[appId=" + this.appId + ", appSecret=******, appCode=" + this.appCode + ", brokerId="
				+ this.brokerId + "]";
	}

}
