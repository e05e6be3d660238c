package io.github.settrademqtt.connection;

import org.springframework.integration.mqtt.support.MqttHeaders;

/**
 * Headers of the messages the connection delivers: raw payloads with the facts of the
 * connection they arrived on. Decoded events carry these and
 * {@link io.github.settrademqtt.feed.MarketDataHeaders}.
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

	/**
	 * When the message arrived, as an {@link java.time.Instant} on the wall clock.
	 */
	public static final String RECEIVED_AT = "settrade_receivedAt";

	/**
	 * When the message arrived, as a {@code long} on the monotonic clock
	 * ({@link System#nanoTime()}), for measuring ages and latencies.
	 */
	public static final String RECEIVED_NANOS = "settrade_receivedNanos";

	private SettradeMqttHeaders() {
	}

}
