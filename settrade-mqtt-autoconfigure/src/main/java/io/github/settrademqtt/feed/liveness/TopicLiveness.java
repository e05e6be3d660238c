package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The liveness of one subscribed topic.
 *
 * @param topic the topic
 * @param state whether it is live
 * @param subscribedFor how long it has been subscribed
 * @param lastReceivedAt when its last message arrived, or {@code null} if none did
 * @param lastMessageAge how long ago that was, or {@code null} if none did
 * @param lastDeliveredAt when a message of it was last handed to the application, or
 * {@code null} if none was
 * @param lastDeliveryAge how long ago that was, or {@code null} if none was
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record TopicLiveness(String topic, LivenessState state, Duration subscribedFor, @Nullable Instant lastReceivedAt,
		@Nullable Duration lastMessageAge, @Nullable Instant lastDeliveredAt, @Nullable Duration lastDeliveryAge) {

	/**
	 * Create the liveness of a topic on which nothing was delivered.
	 * @param topic the topic
	 * @param state whether it is live
	 * @param subscribedFor how long it has been subscribed
	 * @param lastReceivedAt when its last message arrived, or {@code null} if none did
	 * @param lastMessageAge how long ago that was, or {@code null} if none did
	 */
	public TopicLiveness(String topic, LivenessState state, Duration subscribedFor, @Nullable Instant lastReceivedAt,
			@Nullable Duration lastMessageAge) {
		this(topic, state, subscribedFor, lastReceivedAt, lastMessageAge, null, null);
	}

}
