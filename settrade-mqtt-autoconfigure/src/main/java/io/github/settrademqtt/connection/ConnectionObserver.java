package io.github.settrademqtt.connection;

/**
 * Told what the connection does, for metrics. Called on the connection's and Paho's
 * threads: implementations must be quick and should not throw; the connection contains
 * and logs what one throws.
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

	/**
	 * A rotation could not replace the connection; the current one keeps delivering and
	 * the rotation is tried again later.
	 * @param reason why
	 */
	default void rotationFailed(String reason) {
	}

	/**
	 * The service reported a subscription as an error (an unknown symbol, say).
	 * @param topic the topic
	 */
	default void subscriptionRejected(String topic) {
	}

	/**
	 * The connection acted on a silent feed.
	 * @param action {@code resubscribe} (one silent topic) or {@code replace} (every busy
	 * topic silent: a second connection was opened)
	 */
	default void healed(String action) {
	}

}
