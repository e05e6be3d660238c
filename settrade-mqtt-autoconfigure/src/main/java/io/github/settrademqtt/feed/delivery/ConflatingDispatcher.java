package io.github.settrademqtt.feed.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.settrademqtt.connection.TopicKind;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Hands snapshots (books, prices, candles, exchange information) to a consumer so that a
 * consumer that falls behind gets the newest snapshot of each topic rather than a growing
 * backlog. Each topic has one slot holding its newest message and at most one delivery in
 * flight, so per-topic order is kept; a busy topic hands its thread back after each
 * message so that it cannot starve the others.
 *
 * @author settrade-mqtt
 */
final class ConflatingDispatcher {

	private final Map<String, Slot> slots = new ConcurrentHashMap<>();

	private final Executor executor;

	private final Sink sink;

	private final FeedObserver observer;

	ConflatingDispatcher(Executor executor, Sink sink, FeedObserver observer) {
		this.executor = executor;
		this.sink = sink;
		this.observer = observer;
	}

	/**
	 * Offer the newest message of a topic; called on the MQTT client's thread, never
	 * blocks.
	 * @param topic the topic
	 * @param kind its kind
	 * @param message the message
	 */
	void offer(String topic, TopicKind kind, Message<?> message) {
		Slot slot = this.slots.computeIfAbsent(topic, (key) -> new Slot(kind));
		if (slot.latest.getAndSet(message) != null) {
			this.observer.conflated(kind);
		}
		schedule(slot);
	}

	private void schedule(Slot slot) {
		if (slot.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(() -> drain(slot));
			}
			catch (RejectedExecutionException ex) {
				// stopping: what is left is not delivered
				slot.scheduled.set(false);
			}
		}
	}

	private void drain(Slot slot) {
		Message<?> message = slot.latest.getAndSet(null);
		if (message != null) {
			this.sink.accept(message, slot.kind);
		}
		slot.scheduled.set(false);
		// a newer message that arrived meanwhile is scheduled again, behind other topics
		if (slot.latest.get() != null) {
			schedule(slot);
		}
	}

	/**
	 * Where messages go: must not throw.
	 */
	@FunctionalInterface
	interface Sink {

		void accept(Message<?> message, TopicKind kind);

	}

	private static final class Slot {

		private final TopicKind kind;

		private final AtomicReference<@Nullable Message<?>> latest = new AtomicReference<>();

		private final AtomicBoolean scheduled = new AtomicBoolean();

		Slot(TopicKind kind) {
			this.kind = kind;
		}

	}

}
