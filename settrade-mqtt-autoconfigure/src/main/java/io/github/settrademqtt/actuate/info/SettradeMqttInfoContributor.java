package io.github.settrademqtt.actuate.info;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.util.Assert;

/**
 * {@link InfoContributor} that says which starter is talking to which Settrade broker:
 * <pre class="code">
 * "settrade": { "starterVersion": "0.1.0", "brokerId": "063", "environment": "production" }
 * </pre> The version comes from the build, whether the classes are in the starter's jar
 * or in {@code target/classes}. The environment is a {@link SettradeTarget}:
 * {@code production}, {@code sandbox}, {@code simulator} or {@code custom}. No secret is
 * ever shown.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttInfoContributor implements InfoContributor {

	private final Map<String, Object> details;

	/**
	 * Create a contributor.
	 * @param brokerId the broker id as sent on the wire
	 * @param target what the starter talks to
	 */
	public SettradeMqttInfoContributor(String brokerId, SettradeTarget target) {
		this(StarterVersion.get(), brokerId, target);
	}

	SettradeMqttInfoContributor(String starterVersion, String brokerId, SettradeTarget target) {
		Assert.hasText(starterVersion, "'starterVersion' must not be empty");
		Assert.hasText(brokerId, "'brokerId' must not be empty");
		Assert.notNull(target, "'target' must not be null");
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("starterVersion", starterVersion);
		details.put("brokerId", brokerId);
		details.put("environment", target.infoName());
		this.details = Collections.unmodifiableMap(details);
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("settrade", this.details);
	}

}
