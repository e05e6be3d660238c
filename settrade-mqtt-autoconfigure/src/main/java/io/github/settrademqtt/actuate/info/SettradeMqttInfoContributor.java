package io.github.settrademqtt.actuate.info;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.settrademqtt.login.SettradeEnvironment;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * {@link InfoContributor} that says which starter is talking to which Settrade broker:
 * <pre class="code">
 * "settrade": { "starterVersion": "0.1.0", "brokerId": "063", "environment": "production" }
 * </pre> The version is the starter jar's {@code Implementation-Version}, or
 * {@code unknown} when the classes do not come from the jar (as in an IDE).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttInfoContributor implements InfoContributor {

	static final String UNKNOWN_VERSION = "unknown";

	private final Map<String, Object> details;

	/**
	 * Create a contributor.
	 * @param brokerId the broker id as sent on the wire
	 * @param environment the environment the broker id points at
	 */
	public SettradeMqttInfoContributor(String brokerId, SettradeEnvironment environment) {
		this(versionOf(SettradeMqttInfoContributor.class), brokerId, environment);
	}

	SettradeMqttInfoContributor(String starterVersion, String brokerId, SettradeEnvironment environment) {
		Assert.hasText(starterVersion, "'starterVersion' must not be empty");
		Assert.hasText(brokerId, "'brokerId' must not be empty");
		Assert.notNull(environment, "'environment' must not be null");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("starterVersion", starterVersion);
		details.put("brokerId", brokerId);
		details.put("environment", environment.name().toLowerCase(Locale.ROOT));
		this.details = Collections.unmodifiableMap(details);
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("settrade", this.details);
	}

	/**
	 * Return the {@code Implementation-Version} of the jar a class was loaded from.
	 * @param type the class
	 * @return the version, or {@code unknown} when its manifest does not say
	 */
	static String versionOf(Class<?> type) {
		String version = type.getPackage().getImplementationVersion();
		return StringUtils.hasText(version) ? version : UNKNOWN_VERSION;
	}

}
