package io.github.settrademqtt.feed;

import java.time.Instant;

import io.github.settrademqtt.connection.SessionFacts;

import org.springframework.util.Assert;

/**
 * When and on which connection a market data message arrived.
 *
 * @param topic the topic the message arrived on
 * @param receivedAt the wall-clock time of arrival
 * @param receivedNanos {@link System#nanoTime()} at arrival, for measuring latency within
 * this JVM
 * @param session the connection that delivered the message
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record EventReceipt(String topic, Instant receivedAt, long receivedNanos, SessionFacts session) {

	/**
	 * Create a receipt.
	 * @param topic the topic the message arrived on
	 * @param receivedAt the wall-clock time of arrival
	 * @param receivedNanos {@link System#nanoTime()} at arrival
	 * @param session the connection that delivered the message
	 */
	public EventReceipt {
		Assert.notNull(topic, "'topic' must not be null");
		Assert.notNull(receivedAt, "'receivedAt' must not be null");
		Assert.notNull(session, "'session' must not be null");
	}

}
