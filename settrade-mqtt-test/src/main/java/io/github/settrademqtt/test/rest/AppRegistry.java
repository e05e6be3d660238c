package io.github.settrademqtt.test.rest;

import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The applications known to the simulator, by app id, with the public key their login
 * signatures are checked against.
 *
 * @author settrade-mqtt
 */
public final class AppRegistry {

	private final Map<String, RegisteredApp> apps = new ConcurrentHashMap<>();

	/**
	 * Registers an application, replacing any earlier registration of the same app id
	 * (which is how a test simulates a rotated key).
	 * @param app the application
	 */
	public void register(RegisteredApp app) {
		this.apps.put(app.appId(), app);
	}

	/**
	 * Finds the application a request names. All three identifiers must match, as a
	 * request for the right app under the wrong broker or app code must be refused.
	 * @param appId the app id ({@code apiKey})
	 * @param appCode the app code from the path
	 * @param brokerId the broker id from the path
	 * @return the application, or empty when unknown
	 */
	Optional<RegisteredApp> find(String appId, String appCode, String brokerId) {
		return Optional.ofNullable(this.apps.get(appId))
			.filter((app) -> app.appCode().equals(appCode) && app.brokerId().equals(brokerId));
	}

	/**
	 * An application registered with the simulator.
	 *
	 * @param appId the app id
	 * @param appCode the app code
	 * @param brokerId the broker id
	 * @param publicKey the P-256 public key matching the app secret
	 */
	public record RegisteredApp(String appId, String appCode, String brokerId, ECPublicKey publicKey) {

		public RegisteredApp {
			Objects.requireNonNull(appId, "'appId' must not be null");
			Objects.requireNonNull(appCode, "'appCode' must not be null");
			Objects.requireNonNull(brokerId, "'brokerId' must not be null");
			Objects.requireNonNull(publicKey, "'publicKey' must not be null");
		}

	}

}
