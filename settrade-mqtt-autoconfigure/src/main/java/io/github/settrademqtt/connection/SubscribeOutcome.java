package io.github.settrademqtt.connection;

import org.jspecify.annotations.Nullable;

/**
 * What the broker answered to one topic of a SUBSCRIBE.
 *
 * @param topic the topic
 * @param granted whether the broker granted it
 * @param answered whether the broker answered at all: {@code false} when the SUBSCRIBE
 * could not be sent or its SUBACK did not arrive in time
 * @param reason why not, when it was not granted
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record SubscribeOutcome(String topic, boolean granted, boolean answered, @Nullable String reason) {

	/**
	 * Return the outcome of a granted topic.
	 * @param topic the topic
	 * @return the outcome
	 */
	public static SubscribeOutcome granted(String topic) {
		return new SubscribeOutcome(topic, true, true, null);
	}

	/**
	 * Return the outcome of a topic the broker refused in its SUBACK.
	 * @param topic the topic
	 * @param reason why
	 * @return the outcome
	 */
	public static SubscribeOutcome refused(String topic, String reason) {
		return new SubscribeOutcome(topic, false, true, reason);
	}

	/**
	 * Return the outcome of a topic the broker did not answer.
	 * @param topic the topic
	 * @param reason why
	 * @return the outcome
	 */
	public static SubscribeOutcome unanswered(String topic, String reason) {
		return new SubscribeOutcome(topic, false, false, reason);
	}

}
