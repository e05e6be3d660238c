package io.github.settrademqtt.autoconfigure.cluster;

/**
 * Thrown at start-up when cluster mode is on but there is no {@code LockRegistry} for the
 * leader election and none could be auto-configured;
 * {@link MissingLockRegistryFailureAnalyzer} says what to add.
 *
 * @author settrade-mqtt
 */
class MissingLockRegistryException extends RuntimeException {

	private final Reason reason;

	MissingLockRegistryException(Reason reason) {
		super("settrade.mqtt.cluster.enabled=true needs a LockRegistry bean for the leader election, and none could "
				+ "be auto-configured: " + reason.description);
		this.reason = reason;
	}

	Reason getReason() {
		return this.reason;
	}

	/**
	 * Why the JDBC lock registry was not auto-configured.
	 */
	enum Reason {

		/**
		 * spring-integration-jdbc is not on the classpath.
		 */
		NO_SPRING_INTEGRATION_JDBC("spring-integration-jdbc is not on the classpath"),

		/**
		 * There is no {@code DataSource} bean.
		 */
		NO_DATA_SOURCE("there is no DataSource bean"),

		/**
		 * There are several {@code DataSource} beans and none is primary.
		 */
		SEVERAL_DATA_SOURCES("there are several DataSource beans and none is primary");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		String description() {
			return this.description;
		}

	}

}
