package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Brings a connection's subscriptions in line with the {@link SubscriptionRegistry},
 * which is the truth: what the registry wants and the connection lacks is subscribed,
 * what the connection holds and nobody wants any more is unsubscribed, each in as few
 * packets as {@link SubscribePackets} allows. A topic the broker refused is retried on a
 * back-off of its own for as long as the connection lives, rather than only on the next
 * connection. The service's subscription error topic is always subscribed.
 * <p>
 * Passes never wait for the broker: a connection that stops answering must not hold up
 * the connection's thread, which would be the one to replace it. Runs on that thread
 * only.
 *
 * @author settrade-mqtt
 */
final class SubscriptionReconciler {

	private static final Log logger = LogFactory.getLog(SubscriptionReconciler.class);

	private final SubscriptionRegistry registry;

	private final ExponentialBackoff retryBackoff;

	private final LongSupplier nanoClock;

	private final BiConsumer<String, String> refusedListener;

	private final Map<String, Refused> refused = new HashMap<>();

	/**
	 * The topics of requests sent and not answered yet.
	 */
	private final Set<String> inFlight = new HashSet<>();

	/**
	 * Create a reconciler.
	 * @param registry the wanted topics
	 * @param retryBackoff the pace refused topics are subscribed again on
	 * @param nanoClock the monotonic clock
	 * @param refusedListener told of a topic the broker refused, with the reason, the
	 * first time on each connection
	 */
	SubscriptionReconciler(SubscriptionRegistry registry, ExponentialBackoff retryBackoff, LongSupplier nanoClock,
			BiConsumer<String, String> refusedListener) {
		this.registry = registry;
		this.retryBackoff = retryBackoff;
		this.nanoClock = nanoClock;
		this.refusedListener = refusedListener;
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
	 * Return every topic a new connection subscribes, about to be sent.
	 * @return the topics
	 * @see SubscriptionRegistry#sending
	 */
	List<String> topicsToSend() {
		List<String> topics = allTopics();
		this.registry.sending(topics);
		return topics;
	}

	/**
	 * Forget what an earlier connection was refused and was waiting for: a new one tries
	 * every topic again.
	 */
	void reset() {
		this.refused.clear();
		this.inFlight.clear();
	}

	/**
	 * Record what a connection's SUBSCRIBEs got. A topic the broker refused is retried on
	 * its back-off; one it did not answer is simply still missing, and goes out with the
	 * next pass.
	 * @param outcomes the broker's answers
	 * @return how many topics were not answered
	 */
	int record(List<SubscribeOutcome> outcomes) {
		long now = this.nanoClock.getAsLong();
		int unanswered = 0;
		for (SubscribeOutcome outcome : outcomes) {
			this.registry.record(outcome);
			if (outcome.granted()) {
				this.refused.remove(outcome.topic());
			}
			else if (!outcome.answered()) {
				unanswered++;
			}
			else {
				Refused refused = this.refused.computeIfAbsent(outcome.topic(), (topic) -> new Refused());
				Duration delay = this.retryBackoff.delay(refused.attempts++);
				refused.retryAtNanos = now + delay.toNanos();
				if (refused.attempts == 1) {
					logger.warn("Settrade MQTT subscription to '" + outcome.topic() + "' failed: " + outcome.reason()
							+ "; retrying in " + delay.toMillis() + " ms");
					this.refusedListener.accept(outcome.topic(), String.valueOf(outcome.reason()));
				}
			}
		}
		return unanswered;
	}

	/**
	 * Start a pass that brings an open connection in line with the registry: unsubscribe
	 * what nobody wants, and send one request for every topic that is missing, neither
	 * awaiting an answer nor refused and not yet due again. Refused topics due within the
	 * back-off's initial delay of each other go out together. Nothing waits for the
	 * broker: its answers go to {@link #answered}.
	 * @param session the connection
	 * @param whenAnswered told once the request is answered, see
	 * {@link TicketConnection#send}
	 * @return the request sent, or {@code null} when nothing was missing
	 */
	@Nullable SubscribeRequest reconcile(TicketConnection session, Consumer<SubscribeRequest> whenAnswered) {
		Set<String> wanted = new LinkedHashSet<>(allTopics());
		this.refused.keySet().retainAll(wanted);
		List<String> unwanted = session.subscribed().stream().filter((topic) -> !wanted.contains(topic)).toList();
		if (!unwanted.isEmpty()) {
			session.unsubscribe(unwanted);
		}
		long now = this.nanoClock.getAsLong();
		boolean retryDue = this.refused.values().stream().anyMatch((refused) -> refused.retryAtNanos - now <= 0);
		long retryHorizon = now + (retryDue ? this.retryBackoff.initial().toNanos() : 0);
		List<String> missing = new ArrayList<>();
		for (String topic : wanted) {
			Refused refused = this.refused.get(topic);
			if (!session.subscribed().contains(topic) && !this.inFlight.contains(topic)
					&& (refused == null || refused.retryAtNanos - retryHorizon <= 0)) {
				missing.add(topic);
			}
		}
		if (missing.isEmpty()) {
			return null;
		}
		this.inFlight.addAll(missing);
		this.registry.sending(missing);
		return session.send(missing, whenAnswered);
	}

	/**
	 * Take the answers to a request of {@link #reconcile}, whether complete or not.
	 * @param session the connection it was sent on
	 * @param request the request
	 * @return how many of its topics were not answered
	 */
	int answered(TicketConnection session, SubscribeRequest request) {
		this.inFlight.removeAll(request.topics());
		return record(session.answers(request));
	}

	/**
	 * Unsubscribe a topic on the connection, so that the next pass subscribes it again.
	 * @param session the connection
	 * @param topic the topic
	 */
	void unsubscribe(TicketConnection session, String topic) {
		if (session.subscribed().contains(topic)) {
			session.unsubscribe(List.of(topic));
		}
	}

	/**
	 * Return how long until the next refused topic is due again.
	 * @return the delay, or {@code null} when none was refused
	 */
	@Nullable Duration nextRetry() {
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
