package io.github.settrademqtt.connection;

import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.endpoint.MessageProducerSupport;
import org.springframework.messaging.Message;

/**
 * The Spring Integration endpoint the Settrade feed arrives from: every message the
 * current connection receives, as {@code byte[]} with the topic and {@link SessionFacts}
 * in its headers ({@link SettradeMqttHeaders}).
 * <p>
 * Messages are sent on the MQTT client's thread: a subscriber that blocks holds up the
 * connection, so attach slow work through an executor channel.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttMessageProducer extends MessageProducerSupport {

	private static final Log logger = LogFactory.getLog(SettradeMqttMessageProducer.class);

	/**
	 * Create a producer.
	 */
	public SettradeMqttMessageProducer() {
		setPhase(SettradeMqttPhases.MESSAGE_PRODUCER);
	}

	/**
	 * Send a message on, never throwing: Paho drops a connection whose callback throws,
	 * so a subscriber that fails costs that message only.
	 */
	void deliver(Message<?> message) {
		if (!isRunning()) {
			return;
		}
		try {
			sendMessage(message);
		}
		catch (RuntimeException ex) {
			logger.warn("A subscriber of the Settrade MQTT feed failed on a message from '"
					+ message.getHeaders().get(SettradeMqttHeaders.TOPIC) + "': " + ex);
		}
	}

	@Override
	public String getComponentType() {
		return "settrade-mqtt:inbound-channel-adapter";
	}

}
