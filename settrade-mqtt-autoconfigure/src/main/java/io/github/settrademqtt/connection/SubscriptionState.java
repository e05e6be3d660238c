package io.github.settrademqtt.connection;

/**
 * The state of one subscribed topic on the current connection.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum SubscriptionState {

	/**
	 * Wanted, but not yet acknowledged by the broker (not connected, or SUBSCRIBE in
	 * flight).
	 */
	PENDING,

	/**
	 * Acknowledged by the broker.
	 */
	ACTIVE,

	/**
	 * Refused by the broker; retried on the next connection.
	 */
	FAILED

}
