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
 * When each subscribed topic last heard from the market, and when what it heard last
 * reached the application. Arrivals are stamped when messages arrive (before decoding or
 * delivery), so a slow consumer never makes a live feed look silent; deliveries once the
 * channel and the listeners have had the event, so a stuck consumer makes its topics
 * {@link LivenessState#STALLED}. The health indicator reads it.
 * <p>
 * Stamping is meant for every message: {@link #received} and {@link #delivered} look the
 * topic up once and allocate nothing. The readers walk every topic.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class FeedLiveness implements SubscriptionRegistry.Listener {

	private final Map<String, Topic> topics = new ConcurrentHashMap<>();

	private final Duration silenceThreshold;

	private final LongSupplier nanoClock;

	private final Stamp lastArrival = new Stamp();

	private final Stamp lastDelivery = new Stamp();

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
			entry.received(receivedNanos, receivedAt);
			this.lastArrival.set(receivedNanos, receivedAt);
		}
	}

	/**
	 * Record that an event was handed to the application: the channel and the listeners
	 * have had it, whether or not they threw. Not called for messages that were skipped,
	 * dropped or could not be decoded.
	 * @param topic the topic its message arrived on
	 * @param deliveredNanos when, on the monotonic clock of {@link #received}
	 * @param deliveredAt when, on the wall clock
	 * @since 0.1.0
	 */
	public void delivered(String topic, long deliveredNanos, Instant deliveredAt) {
		Topic entry = this.topics.get(topic);
		if (entry != null) {
			entry.delivered.set(deliveredNanos, deliveredAt);
			this.lastDelivery.set(deliveredNanos, deliveredAt);
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
	 * Return the topics that heard nothing since they were subscribed, longer than the
	 * silence threshold ago: unlike {@link #getNeverReceivedTopics()}, a topic subscribed
	 * a moment ago, which has not had the chance to hear anything yet, is not one.
	 * @return the topics, sorted
	 * @since 0.1.0
	 */
	public List<String> getUnheardTopics() {
		return getTopics().stream()
			.filter((topic) -> topic.state() == LivenessState.NEVER_RECEIVED
					&& topic.subscribedFor().compareTo(this.silenceThreshold) > 0)
			.map(TopicLiveness::topic)
			.toList();
	}

	/**
	 * Return the topics that hear from the market but whose messages have not reached the
	 * application for longer than the silence threshold.
	 * @return the stalled topics, sorted
	 * @since 0.1.0
	 * @see LivenessState#STALLED
	 */
	public List<String> getStalledTopics() {
		return topicsIn(LivenessState.STALLED);
	}

	/**
	 * Return how long ago the most recent message on any subscribed topic arrived.
	 * @return the age, or empty if nothing arrived yet
	 * @see #getLastArrivalAge()
	 */
	public Optional<Duration> getLastMessageAge() {
		long now = this.nanoClock.getAsLong();
		return this.topics.values()
			.stream()
			.map((entry) -> entry.received.age(now))
			.filter((age) -> age != null)
			.min(Duration::compareTo);
	}

	/**
	 * Return how long ago the most recent message arrived, without walking the topics:
	 * unlike {@link #getLastMessageAge()} it also counts topics that were subscribed when
	 * their message arrived and have been released since.
	 * @return the age, or empty if nothing arrived yet
	 * @since 0.1.0
	 */
	public Optional<Duration> getLastArrivalAge() {
		return Optional.ofNullable(this.lastArrival.age(this.nanoClock.getAsLong()));
	}

	/**
	 * Return how long ago an event of any topic was last handed to the application,
	 * counting, like {@link #getLastArrivalAge()}, topics released since.
	 * @return the age, or empty if nothing was delivered yet
	 * @since 0.1.0
	 */
	public Optional<Duration> getLastDeliveryAge() {
		return Optional.ofNullable(this.lastDelivery.age(this.nanoClock.getAsLong()));
	}

	private List<String> topicsIn(LivenessState state) {
		return getTopics().stream().filter((topic) -> topic.state() == state).map(TopicLiveness::topic).toList();
	}

	/**
	 * A moment on both clocks. Written by one thread at a time per topic; the feed-wide
	 * ones by several, where the latest write wins even if it is a few microseconds older
	 * than another: not worth a compare-and-set on every message.
	 */
	private static final class Stamp {

		private volatile long nanos;

		private volatile @Nullable Instant at;

		void set(long nanos, Instant at) {
			// nanos first: a reader that sees 'at' sees its nanos or later ones
			this.nanos = nanos;
			this.at = at;
		}

		boolean isSet() {
			return this.at != null;
		}

		@Nullable Duration age(long now) {
			return isSet() ? Duration.ofNanos(now - this.nanos) : null;
		}

	}

	private final class Topic {

		private final long subscribedNanos;

		private final Stamp received = new Stamp();

		private final Stamp delivered = new Stamp();

		/**
		 * When the first message after the last delivery arrived: the wait for delivery
		 * runs from then, or from the last delivery if that is later.
		 */
		private volatile long waitingSinceNanos;

		Topic(long subscribedNanos) {
			this.subscribedNanos = subscribedNanos;
		}

		void received(long receivedNanos, Instant receivedAt) {
			if (!isWaiting()) {
				// before the arrival is stamped, so that a reader that sees the arrival
				// sees when its wait began
				this.waitingSinceNanos = receivedNanos;
			}
			this.received.set(receivedNanos, receivedAt);
		}

		/**
		 * Return whether the last message arrived after the last delivery.
		 */
		private boolean isWaiting() {
			return this.received.isSet() && (!this.delivered.isSet() || this.received.nanos - this.delivered.nanos > 0);
		}

		TopicLiveness liveness(String topic, long now) {
			Duration subscribedFor = Duration.ofNanos(now - this.subscribedNanos);
			Instant deliveredAt = this.delivered.at;
			Duration deliveryAge = this.delivered.age(now);
			Instant receivedAt = this.received.at;
			if (receivedAt == null) {
				return new TopicLiveness(topic, LivenessState.NEVER_RECEIVED, subscribedFor, null, null, deliveredAt,
						deliveryAge);
			}
			Duration age = Duration.ofNanos(now - this.received.nanos);
			LivenessState state = LivenessState.LIVE;
			if (age.compareTo(FeedLiveness.this.silenceThreshold) > 0) {
				state = LivenessState.SILENT;
			}
			else if (isStalled(now)) {
				state = LivenessState.STALLED;
			}
			return new TopicLiveness(topic, state, subscribedFor, receivedAt, age, deliveredAt, deliveryAge);
		}

		private boolean isStalled(long now) {
			if (!isWaiting()) {
				return false;
			}
			long since = this.waitingSinceNanos;
			if (this.delivered.isSet() && this.delivered.nanos - since > 0) {
				// a delivery raced the arrival that began the wait
				since = this.delivered.nanos;
			}
			return Duration.ofNanos(now - since).compareTo(FeedLiveness.this.silenceThreshold) > 0;
		}

	}

}
