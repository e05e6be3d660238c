package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Brings a connection's subscriptions in line with the {@link SubscriptionRegistry},
 * which is the truth: what the registry wants and the connection lacks is subscribed,
 * what the connection holds and nobody wants any more is unsubscribed, each in as few
 * packets as {@link TopicBatches} allows. A topic the broker refused is retried on a
 * back-off of its own for as long as the connection lives, rather than only on the next
 * connection. The service's subscription error topic is always subscribed.
 * <p>
 * Runs on the connection's thread only.
 *
 * @author settrade-mqtt
 */
final class SubscriptionReconciler {

	private static final Log logger = LogFactory.getLog(SubscriptionReconciler.class);

	private final SubscriptionRegistry registry;

	private final ExponentialBackoff retryBackoff;

	private final LongSupplier nanoClock;

	private final Map<String, Refused> refused = new HashMap<>();

	SubscriptionReconciler(SubscriptionRegistry registry, ExponentialBackoff retryBackoff, LongSupplier nanoClock) {
		this.registry = registry;
		this.retryBackoff = retryBackoff;
		this.nanoClock = nanoClock;
	}

	/**
	 * Return every topic a new connection subscribes: the wanted ones and the error
	 * topic.
	 * @return the topics
	 */
	List<String> allTopics() {
		List<String> topics = new ArrayList<>(this.registry.topics());
		topics.add(SubscriptionErrors.TOPIC);
		return topics;
	}

	/**
	 * Forget the refusals of an earlier connection: a new one tries every topic again.
	 */
	void reset() {
		this.refused.clear();
	}

	/**
	 * Record what a new connection's SUBSCRIBEs got, before it delivers.
	 * @param outcomes the broker's answers
	 */
	void record(List<SubscribeOutcome> outcomes) {
		long now = this.nanoClock.getAsLong();
		for (SubscribeOutcome outcome : outcomes) {
			this.registry.record(outcome);
			if (outcome.granted()) {
				this.refused.remove(outcome.topic());
			}
			else {
				Refused refused = this.refused.computeIfAbsent(outcome.topic(), (topic) -> new Refused());
				Duration delay = this.retryBackoff.delay(refused.attempts++);
				refused.retryAtNanos = now + delay.toNanos();
				if (refused.attempts == 1) {
					logger.warn("Settrade MQTT subscription to '" + outcome.topic() + "' failed: " + outcome.reason()
							+ "; retrying in " + delay.toMillis() + " ms");
				}
			}
		}
	}

	/**
	 * Subscribe and unsubscribe on an open connection until it matches the registry.
	 * @param session the connection
	 * @return how long until the next refused topic is due again, or {@code null} when
	 * none was refused
	 */
	@Nullable Duration reconcile(MqttSession session) {
		Set<String> wanted = new LinkedHashSet<>(allTopics());
		this.refused.keySet().retainAll(wanted);
		List<String> unwanted = session.subscribed().stream().filter((topic) -> !wanted.contains(topic)).toList();
		if (!unwanted.isEmpty()) {
			session.unsubscribe(unwanted);
		}
		long now = this.nanoClock.getAsLong();
		List<String> missing = new ArrayList<>();
		for (String topic : wanted) {
			Refused refused = this.refused.get(topic);
			if (!session.subscribed().contains(topic) && (refused == null || refused.retryAtNanos - now <= 0)) {
				missing.add(topic);
			}
		}
		if (!missing.isEmpty()) {
			record(session.subscribe(missing));
		}
		return nextRetry();
	}

	/**
	 * Subscribe a topic again on the same connection: unsubscribe, then subscribe.
	 * @param session the connection
	 * @param topic the topic
	 */
	void resubscribe(MqttSession session, String topic) {
		if (session.subscribed().contains(topic)) {
			session.unsubscribe(List.of(topic));
		}
		if (this.registry.contains(topic)) {
			record(session.subscribe(List.of(topic)));
		}
	}

	private @Nullable Duration nextRetry() {
		long now = this.nanoClock.getAsLong();
		return this.refused.values()
			.stream()
			.map((refused) -> Duration.ofNanos(Math.max(0, refused.retryAtNanos - now)))
			.min(Duration::compareTo)
			.orElse(null);
	}

	private static final class Refused {

		private int attempts;

		private long retryAtNanos;

	}

}
