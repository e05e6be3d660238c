package io.github.settrademqtt.autoconfigure.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Settrade health indicator, under {@code management.health.settrade}
 * like those of Boot's own indicators ({@code management.health.settrade.enabled}
 * switches it off).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.settrade")
public class SettradeMqttHealthProperties {

	/**
	 * The connect grace period when neither this key nor the deprecated
	 * {@code settrade.mqtt.health.connect-grace-period} is set.
	 */
	static final Duration DEFAULT_CONNECT_GRACE_PERIOD = Duration.ofSeconds(30);

	/**
	 * How long the connection may be down (connecting or reconnecting), or the feed
	 * deliver nothing while the market is open, before the health indicator reports DOWN.
	 * Defaults to 30s.
	 */
	private @Nullable Duration connectGracePeriod;

	public @Nullable Duration getConnectGracePeriod() {
		return this.connectGracePeriod;
	}

	public void setConnectGracePeriod(@Nullable Duration connectGracePeriod) {
		this.connectGracePeriod = connectGracePeriod;
	}

}
