package io.github.settrademqtt.connection;

/**
 * Told what the connection does, for metrics. Called on the connection's and Paho's
 * threads: implementations must be quick and must not throw.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface ConnectionObserver {

	/**
	 * An observer that ignores everything.
	 */
	ConnectionObserver NONE = new ConnectionObserver() {
	};

	/**
	 * A message was delivered to the application.
	 * @param kind the kind of its topic, or {@code null} for a topic of no known kind
	 */
	default void messageDelivered(TopicKind kind) {
	}

	/**
	 * A connection attempt ended.
	 * @param outcome {@code success}, {@code failure} or {@code auth-failure}
	 */
	default void connectionAttempted(String outcome) {
	}

	/**
	 * A new connection took over from an earlier one.
	 * @param change why: {@link SessionChange#ROTATION} or {@link SessionChange#RECOVERY}
	 */
	default void reconnected(SessionChange change) {
	}

	/**
	 * A rotation finished.
	 * @param outcome how it went
	 */
	default void rotated(RotationOutcome outcome) {
	}

}
