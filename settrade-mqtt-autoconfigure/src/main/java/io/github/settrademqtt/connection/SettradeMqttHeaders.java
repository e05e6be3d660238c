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

	/**
	 * When the message arrived, as an {@link java.time.Instant} on the wall clock.
	 */
	public static final String RECEIVED_AT = "settrade_receivedAt";

	/**
	 * When the message arrived, as a {@code long} on the monotonic clock
	 * ({@link System#nanoTime()}), for measuring ages and latencies.
	 */
	public static final String RECEIVED_NANOS = "settrade_receivedNanos";

	/**
	 * The kind of a decoded event, as its tag such as {@code bid-offer}
	 * ({@link TopicKind#tag()}).
	 */
	public static final String KIND = "settrade_kind";

	/**
	 * The symbol, market or account a decoded event is about.
	 */
	public static final String KEY = "settrade_key";

	private SettradeMqttHeaders() {
	}

}
