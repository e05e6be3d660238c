package io.github.settrademqtt.autoconfigure.health;

import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.actuate.health.SettradeClusterHealthIndicator;
import io.github.settrademqtt.actuate.health.SettradeMqttHealthIndicator;
import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException;
import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.autoconfigure.SettradeMqttProperties;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.SessionTradingCalendar;
import io.github.settrademqtt.feed.liveness.TradingCalendar;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link SettradeMqttHealthIndicator}, shown as
 * {@code settrade} by the health endpoint.
 * {@code management.health.settrade.enabled=false} switches it off;
 * {@code management.health.settrade.connect-grace-period} (30 s by default; the
 * deprecated {@code settrade.mqtt.health.connect-grace-period} still works, the new key
 * winning when both are set) sets how long the connection may be down, or the feed
 * deliver nothing while the market is open, before it is reported {@code DOWN}; the
 * {@link TradingCalendar} bean says when the market is open. In cluster mode the
 * {@link UpstreamCandidate} says whether this replica leads.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = { SettradeMqttAutoConfiguration.class, SettradeMqttClusterAutoConfiguration.class })
@ConditionalOnClass({ AbstractHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ SettradeMqttConnection.class, SubscriptionRegistry.class, FeedLiveness.class })
@ConditionalOnEnabledHealthIndicator("settrade")
@EnableConfigurationProperties(SettradeMqttHealthProperties.class)
public final class SettradeMqttHealthContributorAutoConfiguration {

	/**
	 * The property that sets how long the connection may be down before it is reported
	 * {@code DOWN}.
	 */
	static final String CONNECT_GRACE_PERIOD = "management.health.settrade.connect-grace-period";

	/**
	 * Its deprecated key.
	 */
	static final String DEPRECATED_CONNECT_GRACE_PERIOD = "settrade.mqtt.health.connect-grace-period";

	@Bean
	@ConditionalOnMissingBean(name = "settradeHealthIndicator")
	SettradeMqttHealthIndicator settradeHealthIndicator(SettradeMqttConnection connection,
			SubscriptionRegistry registry, FeedLiveness liveness, SettradeMqttHealthProperties healthProperties,
			SettradeMqttProperties properties, ObjectProvider<TradingCalendar> calendar,
			ObjectProvider<UpstreamCandidate> candidate) {
		UpstreamCandidate upstreamCandidate = candidate.getIfAvailable();
		return new SettradeMqttHealthIndicator(connection, registry, liveness,
				connectGracePeriod(healthProperties, properties),
				calendar.getIfAvailable(SessionTradingCalendar::setAndTfex),
				(upstreamCandidate != null) ? upstreamCandidate::getClusterRole : () -> ClusterRole.STANDALONE);
	}

	/**
	 * In cluster mode, the health of the replica's feed from Kafka.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.kafka.core.ConsumerFactory")
	@ConditionalOnBean({ FeedFollower.class, UpstreamCandidate.class, ClusterSubscriptions.class })
	static class ClusterHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "settradeClusterHealthIndicator")
		SettradeClusterHealthIndicator settradeClusterHealthIndicator(FeedFollower follower,
				UpstreamCandidate candidate, ClusterSubscriptions subscriptions) {
			return new SettradeClusterHealthIndicator(follower, candidate::getClusterRole, subscriptions::getPeerCount);
		}

	}

	/**
	 * Return the grace period from its key, else from its deprecated key, else the
	 * default.
	 */
	@SuppressWarnings("deprecation")
	private static Duration connectGracePeriod(SettradeMqttHealthProperties healthProperties,
			SettradeMqttProperties properties) {
		Duration gracePeriod = healthProperties.getConnectGracePeriod();
		String key = CONNECT_GRACE_PERIOD;
		if (gracePeriod == null) {
			gracePeriod = properties.getHealth().getConnectGracePeriod();
			key = DEPRECATED_CONNECT_GRACE_PERIOD;
		}
		if (gracePeriod == null) {
			return SettradeMqttHealthProperties.DEFAULT_CONNECT_GRACE_PERIOD;
		}
		if (gracePeriod.isNegative()) {
			throw new InvalidSettradePropertiesException(List.of(new Problem(key, gracePeriod + " is negative",
					"Set " + key + " to 0s (DOWN as soon as not connected) or a longer duration, such as 30s")));
		}
		return gracePeriod;
	}

}
