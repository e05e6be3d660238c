package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.github.settrademqtt.connection.SubscriptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * When each subscribed topic last heard from the market, measured when its messages
 * arrive (before decoding or delivery), so a slow consumer never makes a live feed look
 * silent. The health indicator reads it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class FeedLiveness implements SubscriptionRegistry.Listener {

	private final Map<String, Topic> topics = new ConcurrentHashMap<>();

	private final Duration silenceThreshold;

	private final LongSupplier nanoClock;

	/**
	 * Create a liveness tracker on the system's monotonic clock.
	 * @param silenceThreshold how long a topic may go without a message before it is
	 * silent
	 */
	public FeedLiveness(Duration silenceThreshold) {
		this(silenceThreshold, System::nanoTime);
	}

	FeedLiveness(Duration silenceThreshold, LongSupplier nanoClock) {
		Assert.isTrue(!silenceThreshold.isNegative() && !silenceThreshold.isZero(),
				"'silenceThreshold' must be positive");
		this.silenceThreshold = silenceThreshold;
		this.nanoClock = nanoClock;
	}

	/**
	 * Return the silence threshold.
	 * @return how long a topic may go without a message before it is silent
	 */
	public Duration getSilenceThreshold() {
		return this.silenceThreshold;
	}

	/**
	 * Record that a message arrived.
	 * @param topic the topic it arrived on
	 * @param receivedNanos when, on the monotonic clock
	 * @param receivedAt when, on the wall clock
	 */
	public void received(String topic, long receivedNanos, Instant receivedAt) {
		Topic entry = this.topics.get(topic);
		if (entry != null) {
			entry.lastAt = receivedAt;
			entry.lastNanos = receivedNanos;
		}
	}

	@Override
	public void topicAdded(String topic) {
		this.topics.putIfAbsent(topic, new Topic(this.nanoClock.getAsLong()));
	}

	@Override
	public void topicRemoved(String topic) {
		this.topics.remove(topic);
	}

	/**
	 * Return the liveness of every subscribed topic.
	 * @return one entry per topic, sorted by topic
	 */
	public List<TopicLiveness> getTopics() {
		long now = this.nanoClock.getAsLong();
		List<TopicLiveness> result = new ArrayList<>(this.topics.size());
		this.topics.forEach((topic, entry) -> result.add(entry.liveness(topic, now)));
		result.sort((a, b) -> a.topic().compareTo(b.topic()));
		return result;
	}

	/**
	 * Return the topics that heard from the market once but not within the silence
	 * threshold.
	 * @return the silent topics, sorted
	 */
	public List<String> getSilentTopics() {
		return topicsIn(LivenessState.SILENT);
	}

	/**
	 * Return the topics that heard nothing since they were subscribed, however recently
	 * that was: {@link TopicLiveness#subscribedFor()} tells for how long.
	 * @return the topics, sorted
	 */
	public List<String> getNeverReceivedTopics() {
		return topicsIn(LivenessState.NEVER_RECEIVED);
	}

	/**
	 * Return how long ago the most recent message on any topic arrived.
	 * @return the age, or empty if nothing arrived yet
	 */
	public Optional<Duration> getLastMessageAge() {
		long now = this.nanoClock.getAsLong();
		return this.topics.values()
			.stream()
			.filter(Topic::hasReceived)
			.map((entry) -> Duration.ofNanos(now - entry.lastNanos))
			.min(Duration::compareTo);
	}

	private List<String> topicsIn(LivenessState state) {
		return getTopics().stream().filter((topic) -> topic.state() == state).map(TopicLiveness::topic).toList();
	}

	private final class Topic {

		private final long subscribedNanos;

		private volatile @Nullable Instant lastAt;

		private volatile long lastNanos;

		Topic(long subscribedNanos) {
			this.subscribedNanos = subscribedNanos;
		}

		boolean hasReceived() {
			return this.lastAt != null;
		}

		TopicLiveness liveness(String topic, long now) {
			Duration subscribedFor = Duration.ofNanos(now - this.subscribedNanos);
			Instant lastAt = this.lastAt;
			if (lastAt == null) {
				return new TopicLiveness(topic, LivenessState.NEVER_RECEIVED, subscribedFor, null, null);
			}
			Duration age = Duration.ofNanos(now - this.lastNanos);
			LivenessState state = (age.compareTo(FeedLiveness.this.silenceThreshold) > 0) ? LivenessState.SILENT
					: LivenessState.LIVE;
			return new TopicLiveness(topic, state, subscribedFor, lastAt, age);
		}

	}

}
