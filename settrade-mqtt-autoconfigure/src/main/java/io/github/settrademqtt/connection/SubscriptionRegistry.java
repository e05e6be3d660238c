package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The topics the application wants, reference counted so that one consumer's unsubscribe
 * never cuts another's feed, with the broker's answer for each on the current connection.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SubscriptionRegistry {

	private final Map<String, Entry> topics = new LinkedHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	/**
	 * Claim a topic; the first claim subscribes it on the current connection and every
	 * later one.
	 * @param topic the topic, from {@link SettradeTopics}
	 * @return the handle that releases the claim
	 */
	public SubscriptionHandle subscribe(String topic) {
		Assert.hasText(topic, "'topic' must not be empty");
		boolean first;
		synchronized (this.topics) {
			Entry entry = this.topics.computeIfAbsent(topic, (key) -> new Entry());
			first = entry.claims++ == 0;
		}
		if (first) {
			this.listeners.forEach((listener) -> listener.topicAdded(topic));
		}
		return new Handle(topic);
	}

	private void release(String topic) {
		boolean last;
		synchronized (this.topics) {
			Entry entry = this.topics.get(topic);
			last = entry != null && --entry.claims == 0;
			if (last) {
				this.topics.remove(topic);
			}
		}
		if (last) {
			this.listeners.forEach((listener) -> listener.topicRemoved(topic));
		}
	}

	/**
	 * Return the topics with at least one claim, in the order first claimed.
	 * @return the topics
	 */
	public List<String> topics() {
		synchronized (this.topics) {
			return new ArrayList<>(this.topics.keySet());
		}
	}

	/**
	 * Return each wanted topic's state on the current connection.
	 * @return the states, in the order first claimed
	 */
	public Map<String, SubscriptionState> states() {
		synchronized (this.topics) {
			Map<String, SubscriptionState> states = new LinkedHashMap<>();
			this.topics.forEach((topic, entry) -> states.put(topic, entry.state));
			return Collections.unmodifiableMap(states);
		}
	}

	/**
	 * Return why the broker refused a topic.
	 * @param topic the topic
	 * @return the reason, or {@code null} when it was not refused
	 */
	public @Nullable String failureReason(String topic) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(topic);
			return (entry != null) ? entry.reason : null;
		}
	}

	void record(SubscribeOutcome outcome) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(outcome.topic());
			if (entry != null) {
				entry.state = outcome.granted() ? SubscriptionState.ACTIVE : SubscriptionState.FAILED;
				entry.reason = outcome.reason();
			}
		}
	}

	void markAllPending() {
		synchronized (this.topics) {
			this.topics.values().forEach((entry) -> {
				entry.state = SubscriptionState.PENDING;
				entry.reason = null;
			});
		}
	}

	/**
	 * Add a listener told when a topic gains its first claim or loses its last.
	 * @param listener the listener
	 */
	public void addListener(Listener listener) {
		this.listeners.add(listener);
		topics().forEach(listener::topicAdded);
	}

	/**
	 * Told when a topic gains its first claim or loses its last, on the thread that
	 * claimed or released it. Implementations must be quick.
	 */
	public interface Listener {

		/**
		 * A topic gained its first claim.
		 * @param topic the topic
		 */
		void topicAdded(String topic);

		/**
		 * A topic lost its last claim.
		 * @param topic the topic
		 */
		void topicRemoved(String topic);

	}

	private static final class Entry {

		private int claims;

		private SubscriptionState state = SubscriptionState.PENDING;

		private @Nullable String reason;

	}

	private final class Handle implements SubscriptionHandle {

		private final String topic;

		private final AtomicBoolean released = new AtomicBoolean();

		Handle(String topic) {
			this.topic = topic;
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void close() {
			if (this.released.compareAndSet(false, true)) {
				release(this.topic);
			}
		}

		@Override
		public String toString() {
			return "SubscriptionHandle[" + this.topic + (this.released.get() ? ", released" : "") + "]";
		}

	}

}
