package io.github.settrademqtt.connection;

/**
 * How an MQTT connection presents its dispatcher ticket.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum CredentialMode {

	/**
	 * In the WebSocket upgrade's {@code Authorization} header, as the live service
	 * expects.
	 */
	HEADER,

	/**
	 * As the MQTT password, with the app code as user name (the seed client's way).
	 */
	PASSWORD

}
