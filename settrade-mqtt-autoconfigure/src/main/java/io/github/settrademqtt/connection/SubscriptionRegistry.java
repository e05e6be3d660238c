package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The topics the application wants, reference counted so that one consumer's unsubscribe
 * never cuts another's feed, with the broker's answer for each on the current connection.
 * <p>
 * The registry is the truth: the connection reconciles the broker's side against it
 * whenever it changes, so a claim and a release racing on two threads end as the registry
 * says. Listeners are told of first claims and last releases in the order they happened,
 * under the registry's lock.
 * <p>
 * In cluster mode the leader's registry also holds the claims of the other replicas
 * ({@link #subscribeForPeer(String)}): its connection subscribes them like any other, but
 * they are not this application's own ({@link #ownTopics()}), which is what the replica
 * announces to the others and delivers to its listeners.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SubscriptionRegistry {

	private static final Log logger = LogFactory.getLog(SubscriptionRegistry.class);

	private final Map<String, Entry> topics = new LinkedHashMap<>();

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final List<Listener> ownListeners = new CopyOnWriteArrayList<>();

	/**
	 * Claim a topic; the first claim subscribes it on the current connection and every
	 * later one.
	 * @param topic the topic, from {@link SettradeTopics}
	 * @return the handle that releases the claim
	 */
	public SubscriptionHandle subscribe(String topic) {
		return claim(topic, true);
	}

	/**
	 * Claim a topic for another replica of a cluster, which this replica's connection
	 * serves as the leader: subscribed like any claim, but not one of this application's
	 * {@linkplain #ownTopics() own}.
	 * @param topic the topic
	 * @return the handle that releases the claim
	 * @since 0.1.0
	 */
	public SubscriptionHandle subscribeForPeer(String topic) {
		return claim(topic, false);
	}

	private SubscriptionHandle claim(String topic, boolean own) {
		Assert.hasText(topic, "'topic' must not be empty");
		synchronized (this.topics) {
			Entry entry = this.topics.computeIfAbsent(topic, (key) -> new Entry());
			if (entry.claims++ == 0) {
				notifyListeners(this.listeners, (listener) -> listener.topicAdded(topic));
			}
			if (own && entry.ownClaims++ == 0) {
				notifyListeners(this.ownListeners, (listener) -> listener.topicAdded(topic));
			}
		}
		return new Handle(topic, own);
	}

	private void release(String topic, boolean own) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(topic);
			if (entry == null) {
				return;
			}
			if (own && --entry.ownClaims == 0) {
				notifyListeners(this.ownListeners, (listener) -> listener.topicRemoved(topic));
			}
			if (--entry.claims == 0) {
				this.topics.remove(topic);
				notifyListeners(this.listeners, (listener) -> listener.topicRemoved(topic));
			}
		}
	}

	/**
	 * Tell every listener, each in isolation: one that throws must neither stop the
	 * others nor leave a claim half made.
	 */
	private static void notifyListeners(List<Listener> listeners, Consumer<Listener> call) {
		for (Listener listener : listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("A Settrade subscription listener failed: " + ex, ex);
			}
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
	 * Return the topics this application claimed itself, in the order first claimed:
	 * {@link #topics()} less the topics only other replicas of a cluster claimed.
	 * @return the topics
	 * @since 0.1.0
	 */
	public List<String> ownTopics() {
		synchronized (this.topics) {
			List<String> own = new ArrayList<>();
			this.topics.forEach((topic, entry) -> {
				if (entry.ownClaims > 0) {
					own.add(topic);
				}
			});
			return own;
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
	 * Return each refused topic with the broker's or the service's reason.
	 * @return the reasons, in the order first claimed
	 * @since 0.1.0
	 */
	public Map<String, String> failures() {
		synchronized (this.topics) {
			Map<String, String> failures = new LinkedHashMap<>();
			this.topics.forEach((topic, entry) -> {
				if (entry.state == SubscriptionState.FAILED) {
					failures.put(topic, (entry.reason != null) ? entry.reason : "refused");
				}
			});
			return Collections.unmodifiableMap(failures);
		}
	}

	/**
	 * Record the broker's answer to a topic's SUBSCRIBE. A grant leaves a topic failed
	 * when the service reported it since it was last sent: the report can overtake the
	 * grant on its way to us.
	 * @param outcome the answer
	 */
	void record(SubscribeOutcome outcome) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(outcome.topic());
			if (entry != null && !(outcome.granted() && entry.refusedByService)) {
				entry.state = outcome.granted() ? SubscriptionState.ACTIVE : SubscriptionState.FAILED;
				entry.reason = outcome.reason();
				entry.refusedByService = false;
			}
		}
	}

	/**
	 * Forget the service's refusals of topics about to be sent again: the service answers
	 * each SUBSCRIBE anew.
	 * @param topics the topics
	 */
	void sending(Collection<String> topics) {
		synchronized (this.topics) {
			for (String topic : topics) {
				Entry entry = this.topics.get(topic);
				if (entry != null) {
					entry.refusedByService = false;
				}
			}
		}
	}

	/**
	 * Mark a topic failed with the service's words, for a subscription the broker granted
	 * but the service reported as an error.
	 * @param topic the topic
	 * @param reason what the service said
	 * @return whether this changed the topic's state or reason
	 */
	boolean fail(String topic, String reason) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(topic);
			if (entry == null || (entry.state == SubscriptionState.FAILED && reason.equals(entry.reason))) {
				return false;
			}
			entry.state = SubscriptionState.FAILED;
			entry.reason = reason;
			entry.refusedByService = true;
			return true;
		}
	}

	/**
	 * Record the answer another replica's connection had for a topic: in cluster mode a
	 * follower holds no connection, and records its leader's answers for its own topics.
	 * A topic this registry does not hold is left alone.
	 * @param topic the topic
	 * @param state the state the leader's connection reported
	 * @param reason the broker's or the service's reason, for {@code FAILED}
	 * @return whether this changed the topic's state or reason
	 * @since 0.1.0
	 */
	public boolean recordPeerAnswer(String topic, SubscriptionState state, @Nullable String reason) {
		synchronized (this.topics) {
			Entry entry = this.topics.get(topic);
			String kept = (state == SubscriptionState.FAILED) ? reason : null;
			if (entry == null || (entry.state == state && Objects.equals(entry.reason, kept))) {
				return false;
			}
			entry.state = state;
			entry.reason = kept;
			return true;
		}
	}

	void markAllPending() {
		synchronized (this.topics) {
			this.topics.values().forEach((entry) -> {
				entry.state = SubscriptionState.PENDING;
				entry.reason = null;
				entry.refusedByService = false;
			});
		}
	}

	/**
	 * Add a listener told when a topic gains its first claim or loses its last.
	 * @param listener the listener
	 */
	public void addListener(Listener listener) {
		synchronized (this.topics) {
			this.listeners.add(listener);
			this.topics.keySet().forEach(listener::topicAdded);
		}
	}

	/**
	 * Add a listener told when one of this application's {@linkplain #ownTopics() own}
	 * topics gains its first own claim or loses its last, with the same guarantees as
	 * {@link #addListener(Listener)}.
	 * @param listener the listener
	 * @since 0.1.0
	 */
	public void addOwnTopicsListener(Listener listener) {
		synchronized (this.topics) {
			this.ownListeners.add(listener);
			ownTopics().forEach(listener::topicAdded);
		}
	}

	/**
	 * Told when a topic gains its first claim or loses its last, on the thread that
	 * claimed or released it while it holds the registry's lock, so that every listener
	 * sees the changes in the order they happened. Implementations must be quick and must
	 * not call back into the registry from another thread while the caller waits.
	 * <p>
	 * Named as Spring names such callbacks (a {@code Listener} nested in what it listens
	 * to); the market data listener beans are the top-level {@code *Listener} types of
	 * {@code feed.listener}, which never meet this one.
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

		/**
		 * The claims of this application, not of other replicas: at most {@link #claims}.
		 */
		private int ownClaims;

		private SubscriptionState state = SubscriptionState.PENDING;

		private @Nullable String reason;

		/**
		 * Whether the service reported the topic since it was last sent.
		 */
		private boolean refusedByService;

	}

	private final class Handle implements SubscriptionHandle {

		private final String topic;

		private final boolean own;

		private final AtomicBoolean released = new AtomicBoolean();

		Handle(String topic, boolean own) {
			this.topic = topic;
			this.own = own;
		}

		@Override
		public String topic() {
			return this.topic;
		}

		@Override
		public void close() {
			if (this.released.compareAndSet(false, true)) {
				release(this.topic, this.own);
			}
		}

		@Override
		public String toString() {
			return "SubscriptionHandle[" + this.topic + (this.own ? "" : ", for a peer")
					+ (this.released.get() ? ", released" : "") + "]";
		}

	}

}
