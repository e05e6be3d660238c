package io.github.settrademqtt.autoconfigure.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link MissingKafkaException}: cluster mode is on, and there is no Kafka to
 * fan the leader's feed out over.
 *
 * @author settrade-mqtt
 */
class MissingKafkaFailureAnalyzer extends AbstractFailureAnalyzer<MissingKafkaException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingKafkaException cause) {
		String description = "Settrade MQTT cluster mode (settrade.mqtt.cluster.enabled=true) holds one Settrade "
				+ "connection per cluster, on the leader, which publishes the feed to a Kafka topic every replica "
				+ "reads. It cannot: " + cause.getReason().description() + ".";
		String action = "Add the cluster starter, io.github.settrademqtt:settrade-mqtt-spring-boot-cluster-starter "
				+ "(it brings spring-kafka and Spring Boot's Kafka auto-configuration), and point "
				+ "spring.kafka.bootstrap-servers at the Kafka all replicas share (see docs/cluster.md); or set "
				+ "settrade.mqtt.cluster.enabled=false to connect from every replica.";
		return new FailureAnalysis(description, action, cause);
	}

}
