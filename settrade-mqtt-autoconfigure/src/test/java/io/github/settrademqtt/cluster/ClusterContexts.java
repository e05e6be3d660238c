package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.util.UUID;

import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.autoconfigure.health.SettradeMqttHealthContributorAutoConfiguration;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Replicas in cluster mode against the embedded simulator, and the Kafka and database of
 * the {@link ClusterInfrastructure}: in-process ones by default.
 */
final class ClusterContexts {

	private ClusterContexts() {
	}

	/**
	 * A runner for the replicas of one cluster: on the given database, with a lock role
	 * and a Kafka topic of their own that no other test shares.
	 */
	static ApplicationContextRunner replicas(SettradeSimulator simulator, SimulatedApp app, String database,
			Duration heartbeat) {
		// a topic and a lock of their own: an external Kafka and database outlive the
		// test
		String cluster = "settrade-" + database + "-" + UUID.randomUUID();
		return SimulatorContexts
			.runner(simulator, app, "settrade.mqtt.cluster.enabled=true",
					"settrade.mqtt.cluster.heartbeat=" + heartbeat.toMillis() + "ms",
					"settrade.mqtt.cluster.jdbc.time-to-live=2s", "settrade.mqtt.cluster.role=" + cluster,
					"settrade.mqtt.cluster.kafka.topic=" + cluster, "settrade.mqtt.cluster.kafka.catch-up-timeout=20s",
					"spring.kafka.bootstrap-servers=" + ClusterInfrastructure.bootstrapServers())
			.withPropertyValues(ClusterInfrastructure.database(database))
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class,
					SettradeMqttClusterAutoConfiguration.class, SettradeMqttHealthContributorAutoConfiguration.class));
	}

}
