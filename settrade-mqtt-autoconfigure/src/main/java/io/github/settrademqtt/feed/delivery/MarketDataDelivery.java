package io.github.settrademqtt.feed.delivery;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.MarketDataDecoders;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Takes the raw feed off the MQTT client's thread and delivers decoded events to the
 * market data channel and the listener beans on threads of its own, so that no user code
 * can hold up the connection.
 * <p>
 * On the MQTT thread it only stamps liveness and queues: snapshot kinds into a per-topic
 * slot where the newest wins (what is skipped is counted), order updates into a bounded
 * queue in arrival order (what does not fit is counted and reported). Decoding happens on
 * the delivery threads, so a skipped snapshot is never decoded at all.
 * <p>
 * Registered with the {@link SubscriptionRegistry}, it forgets the slot of a topic once
 * the topic is released. Stopping discards what still waits for delivery, so that a
 * restart begins clean.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class MarketDataDelivery implements MessageHandler, SmartLifecycle, SubscriptionRegistry.Listener {

	private static final Log logger = LogFactory.getLog(MarketDataDelivery.class);

	private final SubscribableChannel source;

	private final FeedLiveness liveness;

	private final MarketDataKinds kinds;

	private final FeedObserver observer;

	private final int threads;

	private final EventPublisher publisher;

	private final ConflatingDispatcher snapshots;

	private final OrderedDispatcher orders;

	private final DeliveryExecutor executor = new DeliveryExecutor();

	private volatile boolean running;

	private boolean autoStartup = true;

	/**
	 * Create the delivery.
	 * @param source the raw feed, subscribed to while running
	 * @param channel the channel events are sent to
	 * @param listeners the listener beans
	 * @param liveness where arrivals and deliveries are stamped
	 * @param observer told what happens, for metrics
	 * @param threads the number of delivery threads; 0 delivers on the thread that hands
	 * the message over (the MQTT client's)
	 * @param orderQueueCapacity how many order updates may wait for a slow consumer
	 */
	public MarketDataDelivery(SubscribableChannel source, MessageChannel channel, MarketDataListeners listeners,
			FeedLiveness liveness, FeedObserver observer, int threads, int orderQueueCapacity) {
		this(source, channel, listeners, liveness, observer, threads, orderQueueCapacity, System::nanoTime);
	}

	MarketDataDelivery(SubscribableChannel source, MessageChannel channel, MarketDataListeners listeners,
			FeedLiveness liveness, FeedObserver observer, int threads, int orderQueueCapacity, LongSupplier nanoClock) {
		Assert.isTrue(threads >= 0, "'threads' must not be negative");
		Assert.isTrue(orderQueueCapacity > 0, "'orderQueueCapacity' must be positive");
		this.source = source;
		this.liveness = liveness;
		this.threads = threads;
		this.kinds = listeners.kinds();
		this.observer = observer;
		this.publisher = new EventPublisher(new MarketDataDecoders(this.kinds, new DecodeLog(observer)), channel,
				listeners, observer, liveness, nanoClock);
		this.snapshots = new ConflatingDispatcher(this.executor, this.publisher, observer);
		this.orders = new OrderedDispatcher(orderQueueCapacity, this.executor, this.publisher, observer);
	}

	@Override
	public void handleMessage(Message<?> message) {
		String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
		if (topic == null || !(message.getPayload() instanceof byte[])) {
			return;
		}
		Long nanos = message.getHeaders().get(SettradeMqttHeaders.RECEIVED_NANOS, Long.class);
		Instant at = message.getHeaders().get(SettradeMqttHeaders.RECEIVED_AT, Instant.class);
		if (nanos != null && at != null) {
			this.liveness.received(topic, nanos, at);
		}
		// the kind is found once, here, and travels with the message from now on
		MarketDataKind<?, ?> kind = this.kinds.of(topic);
		if (kind == null) {
			return;
		}
		this.observer.received(kind);
		if (!this.running) {
			return;
		}
		if (kind.delivery() == MarketDataKind.Delivery.EVERY) {
			this.orders.offer(kind, message);
		}
		else {
			this.snapshots.offer(topic, kind, message);
		}
	}

	@Override
	public void start() {
		if (this.running) {
			return;
		}
		this.executor.start(this.threads);
		this.running = true;
		this.source.subscribe(this);
	}

	@Override
	public void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.source.unsubscribe(this);
		this.executor.stop();
		// drains the stopped pool discarded would otherwise leave their topics marked
		// scheduled, never to be delivered after a restart
		int discarded = this.snapshots.clear() + this.orders.clear();
		if (discarded > 0) {
			logger.info("Stopped Settrade market data delivery with " + discarded
					+ " messages waiting: they were discarded");
		}
	}

	/**
	 * Nothing to do: a slot is made when the topic's first message arrives.
	 * @param topic the topic
	 */
	@Override
	public void topicAdded(String topic) {
	}

	/**
	 * Forget the topic's slot, once any delivery in flight on it has ended.
	 * @param topic the topic
	 */
	@Override
	public void topicRemoved(String topic) {
		this.snapshots.remove(topic);
	}

	/**
	 * Set whether to start with the application context.
	 * @param autoStartup whether to start automatically
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return SettradeMqttPhases.MARKET_DATA_DELIVERY;
	}

	/**
	 * The delivery threads, created on start and released on stop; or, with no threads,
	 * the caller's own thread.
	 */
	private static final class DeliveryExecutor implements Executor {

		private volatile @Nullable Executor delegate;

		void start(int threads) {
			// with no threads a dispatcher drains its slot or queue right away, on the
			// caller's thread: nothing waits, so nothing is conflated or queued
			this.delegate = (threads == 0) ? Runnable::run
					: new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
							new CustomizableThreadFactory("settrade-mqtt-delivery-"));
		}

		void stop() {
			Executor delegate = this.delegate;
			this.delegate = null;
			if (delegate instanceof ThreadPoolExecutor pool) {
				pool.shutdownNow();
				try {
					pool.awaitTermination(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

		@Override
		public void execute(Runnable task) {
			Executor delegate = this.delegate;
			if (delegate == null) {
				throw new RejectedExecutionException("Delivery is stopped");
			}
			delegate.execute(task);
		}

	}

}
