package io.github.settrademqtt.autoconfigure.cluster;

/**
 * Thrown at start-up when cluster mode is on but the leader's feed cannot be fanned out
 * over Kafka; {@link MissingKafkaFailureAnalyzer} says what to add.
 *
 * @author settrade-mqtt
 */
class MissingKafkaException extends RuntimeException {

	private final Reason reason;

	MissingKafkaException(Reason reason) {
		super("settrade.mqtt.cluster.enabled=true fans the leader's feed out over Kafka, but " + reason.description);
		this.reason = reason;
	}

	Reason getReason() {
		return this.reason;
	}

	/**
	 * What is missing.
	 */
	enum Reason {

		/**
		 * spring-kafka is not on the classpath.
		 */
		NO_SPRING_KAFKA("spring-kafka is not on the classpath"),

		/**
		 * There is no {@code ProducerFactory} or {@code ConsumerFactory} bean, which
		 * Spring Boot's Kafka auto-configuration would define.
		 */
		NO_KAFKA_FACTORIES("there is no Kafka ProducerFactory or ConsumerFactory bean (Spring Boot's Kafka "
				+ "auto-configuration, in spring-boot-kafka, defines them)");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
