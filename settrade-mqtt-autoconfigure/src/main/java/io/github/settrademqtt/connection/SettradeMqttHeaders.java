package io.github.settrademqtt.connection;

import org.springframework.integration.mqtt.support.MqttHeaders;

/**
 * Headers of the messages the connection delivers.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SettradeMqttHeaders {

	/**
	 * The topic the message arrived on (Spring Integration's own header).
	 */
	public static final String TOPIC = MqttHeaders.RECEIVED_TOPIC;

	/**
	 * The {@link SessionFacts} of the connection that delivered the message.
	 */
	public static final String SESSION = "settrade_session";

	/**
	 * The epoch of the connection that delivered the message, as a {@code long}.
	 */
	public static final String EPOCH = "settrade_epoch";

	private SettradeMqttHeaders() {
	}

}
