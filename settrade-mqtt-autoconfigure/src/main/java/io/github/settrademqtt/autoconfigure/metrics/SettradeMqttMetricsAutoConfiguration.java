package io.github.settrademqtt.autoconfigure.metrics;

import io.github.settrademqtt.actuate.metrics.SettradeClusterMeters;
import io.github.settrademqtt.actuate.metrics.SettradeMqttGauges;
import io.github.settrademqtt.actuate.metrics.SettradeMqttMetrics;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the Settrade feed's Micrometer meters, when Micrometer is on
 * the class path. The meters are bound to every {@link MeterRegistry} by Boot's metrics
 * support.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = { SettradeMqttAutoConfiguration.class, SettradeMqttClusterAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "settrade.mqtt.enabled", matchIfMissing = true)
public final class SettradeMqttMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SettradeMqttMetrics settradeMqttMetrics(ObjectProvider<MarketDataKinds> kinds) {
		return new SettradeMqttMetrics(kinds.getIfAvailable(MarketDataKinds::standard));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ SettradeMqttConnection.class, SubscriptionRegistry.class })
	SettradeMqttGauges settradeMqttGauges(SettradeMqttConnection connection, SubscriptionRegistry registry) {
		return new SettradeMqttGauges(connection, registry);
	}

	/**
	 * In cluster mode, the meters of the fan-out over Kafka.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.kafka.core.ConsumerFactory")
	@ConditionalOnBean({ FeedPublisher.class, FeedFollower.class, ClusterSubscriptions.class })
	static class ClusterMetersConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SettradeClusterMeters settradeClusterMeters(FeedPublisher publisher, FeedFollower follower,
				ClusterSubscriptions subscriptions) {
			return new SettradeClusterMeters(publisher, follower, subscriptions);
		}

	}

}
