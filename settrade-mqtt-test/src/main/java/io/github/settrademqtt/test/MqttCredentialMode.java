package io.github.settrademqtt.test;

/**
 * Where the simulator's MQTT endpoint expects the dispatcher ticket of a new connection.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeSimulator.Builder#credentialMode(MqttCredentialMode)
 */
public enum MqttCredentialMode {

	/**
	 * In the WebSocket upgrade request, as {@code Authorization: Bearer <ticket>}, the
	 * way the live service and real clients work. An upgrade without a usable ticket is
	 * answered with {@code 401}; the MQTT user name and password are ignored.
	 */
	HEADER,

	/**
	 * In the MQTT {@code CONNECT} packet, user name = the app code the ticket was issued
	 * to and password = the ticket, the variant of the original design note. The upgrade
	 * needs no header; a {@code CONNECT} without usable credentials is refused with
	 * {@code CONNACK} "bad user name or password" and the connection closed.
	 */
	PASSWORD

}
