package io.github.settrademqtt.connection;

/**
 * The steps the connection's thread runs. Each is contained: whatever one throws, what it
 * opened is closed, the failure is said once and counted, and the next attempt follows on
 * the usual back-off.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeMqttConnection#setStepHook(StepHook)
 */
public enum ConnectionStep {

	/**
	 * Obtaining a dispatcher ticket.
	 */
	TICKET,

	/**
	 * Opening an MQTT connection with it.
	 */
	OPEN,

	/**
	 * Subscribing the wanted topics on it.
	 */
	SUBSCRIBE,

	/**
	 * Making it the connection that delivers.
	 */
	INSTALL,

	/**
	 * Publishing one of the connection's application events; what a listener throws is
	 * logged and passed over.
	 */
	PUBLISH_EVENT,

	/**
	 * Starting a rotation.
	 */
	ROTATE,

	/**
	 * Waiting, on a rotation, for the new connection's streams to line up with the old
	 * one's: every SUBSCRIBE of the new connection has been answered.
	 */
	ALIGN,

	/**
	 * Handing delivery over from the old connection to the new one.
	 */
	HAND_OVER

}
