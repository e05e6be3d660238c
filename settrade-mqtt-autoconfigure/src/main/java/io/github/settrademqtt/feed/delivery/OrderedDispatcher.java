package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

/**
 * Hands order updates to a consumer in arrival order, never conflated: they wait in a
 * bounded queue. When a consumer is so slow that the queue fills, further updates are
 * dropped, counted and reported, never silently.
 * <p>
 * The queue is a {@link SerialDrain}, drained by one task at a time, and {@link #clear()}
 * replaces it whole, mark included, so that a drain discarded by a stopping executor
 * cannot leave it marked scheduled.
 *
 * @author settrade-mqtt
 */
final class OrderedDispatcher {

	private static final Log logger = LogFactory.getLog(OrderedDispatcher.class);

	/**
	 * Updates delivered per turn on a delivery thread, before it serves other topics.
	 */
	private static final int BATCH = 64;

	private final int capacity;

	private volatile Lane lane;

	private final Executor executor;

	private final ConflatingDispatcher.Sink sink;

	private final FeedObserver observer;

	private final RateLimitedLog drops = new RateLimitedLog(logger, "Settrade order updates dropped", 5,
			Duration.ofMinutes(1));

	OrderedDispatcher(int capacity, Executor executor, ConflatingDispatcher.Sink sink, FeedObserver observer) {
		this.capacity = capacity;
		this.executor = executor;
		this.sink = new GuardedSink(sink, observer);
		this.observer = observer;
		this.lane = new Lane(capacity);
	}

	/**
	 * Queue an order update; called on the MQTT client's thread, never blocks.
	 */
	void offer(MarketDataKind<?, ?> kind, Message<?> message) {
		Lane lane = this.lane;
		if (!lane.queue.offer(new Pending(message, kind))) {
			this.observer.dropped(kind);
			// expected of a slow listener: what to do about it, without a stack trace
			this.drops.log(() -> "The order update queue is full (" + this.capacity
					+ " updates, settrade.mqtt.delivery.order-queue-capacity): an order listener is too slow; "
					+ "dropped an update from '" + message.getHeaders().get(SettradeMqttHeaders.TOPIC) + "'");
			return;
		}
		lane.schedule();
	}

	/**
	 * Start afresh with an empty queue, once the executor has stopped. Returns how many
	 * updates were waiting, now never delivered.
	 */
	int clear() {
		Lane previous = this.lane;
		this.lane = new Lane(this.capacity);
		int discarded = 0;
		// a drain still running on it, if its consumer ignored the interrupt, then finds
		// nothing to schedule again
		for (Pending pending = previous.queue.poll(); pending != null; pending = previous.queue.poll()) {
			this.observer.discarded(pending.kind);
			discarded++;
		}
		return discarded;
	}

	private record Pending(Message<?> message, MarketDataKind<?, ?> kind) {

	}

	private final class Lane extends SerialDrain {

		private final BlockingQueue<Pending> queue;

		Lane(int capacity) {
			super(OrderedDispatcher.this.executor);
			this.queue = new ArrayBlockingQueue<>(capacity);
		}

		@Override
		void drain() {
			for (int i = 0; i < BATCH; i++) {
				Pending pending = this.queue.poll();
				if (pending == null) {
					break;
				}
				OrderedDispatcher.this.sink.accept(pending.message, pending.kind);
			}
		}

		@Override
		boolean hasMore() {
			return !this.queue.isEmpty();
		}

	}

}
