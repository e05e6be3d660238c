package io.github.settrademqtt.autoconfigure.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingLockRegistryException}: cluster mode is on, and there is
 * neither a {@code LockRegistry} bean nor what the JDBC one is auto-configured from.
 *
 * @author settrade-mqtt
 */
class MissingLockRegistryFailureAnalyzer extends AbstractFailureAnalyzer<MissingLockRegistryException> {

	private static final String OWN_REGISTRY = "define a LockRegistry bean of your own (such as Spring Integration's "
			+ "RedisLockRegistry or ZookeeperLockRegistry)";

	private static final String OFF = "or set settrade.mqtt.cluster.enabled=false to connect from every replica.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingLockRegistryException cause) {
		String description = "Settrade MQTT cluster mode (settrade.mqtt.cluster.enabled=true) elects the replica that "
				+ "holds the Settrade connection through a lock in a LockRegistry shared by the replicas. There is no "
				+ "LockRegistry bean, and none could be auto-configured: " + cause.getReason().description() + ".";
		return new FailureAnalysis(description, action(cause.getReason()), cause);
	}

	private static String action(MissingLockRegistryException.Reason reason) {
		return switch (reason) {
			case NO_SPRING_INTEGRATION_JDBC -> "Add the cluster starter, "
					+ "io.github.settrademqtt:settrade-mqtt-spring-boot-cluster-starter (it brings "
					+ "spring-integration-jdbc), and a DataSource on a database all replicas share (spring.datasource.*); "
					+ "or " + OWN_REGISTRY + "; " + OFF;
			case NO_DATA_SOURCE -> "Configure a DataSource on a database all replicas share (spring.datasource.url, "
					+ "with spring-boot-starter-jdbc, which the cluster starter brings); its INT_LOCK table is created by "
					+ "spring.integration.jdbc.initialize-schema=always (see docs/cluster.md); or " + OWN_REGISTRY
					+ "; " + OFF;
			case SEVERAL_DATA_SOURCES ->
				"Mark the DataSource all replicas share @Primary; or " + OWN_REGISTRY + "; " + OFF;
		};
	}

}
