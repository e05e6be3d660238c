package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.autoconfigure.health.SettradeMqttHealthContributorAutoConfiguration;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;

/**
 * Replicas in cluster mode against the embedded simulator, the class's embedded Kafka
 * ({@code @EmbeddedKafka}) and an in-memory H2 database for the lock registry.
 */
final class ClusterContexts {

	private static final AtomicInteger feeds = new AtomicInteger();

	private ClusterContexts() {
	}

	/**
	 * A runner for the replicas of one cluster: on the given database, and on a Kafka
	 * topic of their own that no other test shares.
	 */
	static ApplicationContextRunner replicas(SettradeSimulator simulator, SimulatedApp app, String database,
			Duration heartbeat) {
		return SimulatorContexts
			.runner(simulator, app, "settrade.mqtt.cluster.enabled=true",
					"settrade.mqtt.cluster.heartbeat=" + heartbeat.toMillis() + "ms",
					"settrade.mqtt.cluster.jdbc.time-to-live=2s",
					"settrade.mqtt.cluster.kafka.topic=settrade-feed-" + feeds.incrementAndGet(),
					"settrade.mqtt.cluster.kafka.catch-up-timeout=20s",
					"spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
					"spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class,
					SettradeMqttClusterAutoConfiguration.class, SettradeMqttHealthContributorAutoConfiguration.class));
	}

}
