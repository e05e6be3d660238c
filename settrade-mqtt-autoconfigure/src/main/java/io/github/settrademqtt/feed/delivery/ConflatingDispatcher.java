package io.github.settrademqtt.feed.delivery;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import io.github.settrademqtt.feed.MarketDataKind;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Hands snapshots (books, prices, candles, exchange information) to a consumer so that a
 * consumer that falls behind gets the newest snapshot of each topic rather than a growing
 * backlog. Each topic has one slot holding its newest message and at most one delivery in
 * flight, so per-topic order is kept; a busy topic hands its thread back after each
 * message so that it cannot starve the others.
 * <p>
 * Each slot is a {@link SerialDrain}: a consumer that throws costs one message, never its
 * topic.
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
		this.sink = new GuardedSink(sink, observer);
		this.observer = observer;
	}

	/**
	 * Offer the newest message of a topic; called on the MQTT client's thread, never
	 * blocks.
	 */
	void offer(String topic, MarketDataKind<?, ?> kind, Message<?> message) {
		Slot slot = this.slots.computeIfAbsent(topic, (key) -> new Slot(key, kind));
		if (slot.latest.getAndSet(message) != null) {
			this.observer.conflated(kind);
		}
		slot.schedule();
	}

	/**
	 * Forget a topic that is no longer subscribed. Its slot goes now if no drain is
	 * queued or running on it, else when that drain ends, so that a delivery in flight is
	 * never overtaken by a new slot of the same topic; a message waiting in it is still
	 * delivered. Quick and lock-free apart from the map's own bin lock.
	 * <p>
	 * A message that arrives after the release, before the broker has stopped sending,
	 * makes a new slot that stays until the topic's next release or the next stop: only
	 * the connection knows to drop such messages.
	 */
	void remove(String topic) {
		this.slots.computeIfPresent(topic, (key, slot) -> {
			slot.removed = true;
			// read after the mark: a drain that ends later sees the mark
			return slot.isScheduled() ? slot : null;
		});
	}

	/**
	 * Drop every slot, once the executor has stopped: a drain that was queued and never
	 * ran would otherwise leave its topic marked scheduled for ever. Returns how many
	 * slots still held a message, now never delivered.
	 */
	int clear() {
		int discarded = 0;
		for (Iterator<Slot> slots = this.slots.values().iterator(); slots.hasNext();) {
			Slot slot = slots.next();
			slots.remove();
			// a drain still running on it, if its consumer ignored the interrupt, then
			// finds nothing to schedule again
			if (slot.latest.getAndSet(null) != null) {
				this.observer.discarded(slot.kind);
				discarded++;
			}
		}
		return discarded;
	}

	int slotCount() {
		return this.slots.size();
	}

	/**
	 * Where messages go: should not throw, and what it throws all the same costs one
	 * message (see {@link GuardedSink}).
	 */
	@FunctionalInterface
	interface Sink {

		void accept(Message<?> message, MarketDataKind<?, ?> kind);

	}

	private final class Slot extends SerialDrain {

		private final String topic;

		private final MarketDataKind<?, ?> kind;

		private final AtomicReference<@Nullable Message<?>> latest = new AtomicReference<>();

		private volatile boolean removed;

		Slot(String topic, MarketDataKind<?, ?> kind) {
			super(ConflatingDispatcher.this.executor);
			this.topic = topic;
			this.kind = kind;
		}

		@Override
		void drain() {
			Message<?> message = this.latest.getAndSet(null);
			if (message != null) {
				ConflatingDispatcher.this.sink.accept(message, this.kind);
			}
		}

		@Override
		boolean hasMore() {
			return this.latest.get() != null;
		}

		@Override
		void drained() {
			if (this.removed) {
				// only if still this topic's slot: an offer may have made a new one
				ConflatingDispatcher.this.slots.remove(this.topic, this);
			}
		}

	}

}
