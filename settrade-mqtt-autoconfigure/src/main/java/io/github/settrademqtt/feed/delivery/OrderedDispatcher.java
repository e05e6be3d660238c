package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import io.github.settrademqtt.connection.TopicKind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

/**
 * Hands order updates to a consumer in arrival order, never conflated: they wait in a
 * bounded queue. When a consumer is so slow that the queue fills, further updates are
 * dropped, counted and reported, never silently.
 *
 * @author settrade-mqtt
 */
final class OrderedDispatcher {

	private static final Log logger = LogFactory.getLog(OrderedDispatcher.class);

	/**
	 * Updates delivered per turn on a delivery thread, before it serves other topics.
	 */
	private static final int BATCH = 64;

	private final BlockingQueue<Pending> queue;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final LongAdder dropped = new LongAdder();

	private final Executor executor;

	private final ConflatingDispatcher.Sink sink;

	private final FeedObserver observer;

	private final RateLimitedLog drops = new RateLimitedLog(logger, "Settrade order updates dropped", 5,
			Duration.ofMinutes(1), System::nanoTime);

	OrderedDispatcher(int capacity, Executor executor, ConflatingDispatcher.Sink sink, FeedObserver observer) {
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.executor = executor;
		this.sink = sink;
		this.observer = observer;
	}

	/**
	 * Queue an order update; called on the MQTT client's thread, never blocks.
	 * @param kind its kind
	 * @param message the message
	 */
	void offer(TopicKind kind, Message<?> message) {
		if (!this.queue.offer(new Pending(message, kind))) {
			this.dropped.increment();
			this.observer.dropped(kind);
			this.drops.log(
					"The order update queue is full (" + (this.queue.size() + this.queue.remainingCapacity())
							+ " updates, settrade.mqtt.delivery.order-queue-capacity): an order listener is too slow; "
							+ "dropped an update from '" + message.getHeaders().get("mqtt_receivedTopic") + "'",
					new IllegalStateException("order update queue full"));
			return;
		}
		schedule();
	}

	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				this.scheduled.set(false);
			}
		}
	}

	private void drain() {
		for (int i = 0; i < BATCH; i++) {
			Pending pending = this.queue.poll();
			if (pending == null) {
				break;
			}
			this.sink.accept(pending.message, pending.kind);
		}
		this.scheduled.set(false);
		if (!this.queue.isEmpty()) {
			schedule();
		}
	}

	long droppedCount() {
		return this.dropped.sum();
	}

	private record Pending(Message<?> message, TopicKind kind) {

	}

}
