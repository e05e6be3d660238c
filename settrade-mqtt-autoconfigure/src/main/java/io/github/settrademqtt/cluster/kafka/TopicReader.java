package io.github.settrademqtt.cluster.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads every partition of one Kafka topic on a thread of its own, with a consumer in no
 * consumer group that commits nothing: every replica reads all of the topic, from its
 * beginning. A failure closes the consumer and, after a pause, a new one reads again;
 * {@link #stop()} wakes the consumer up rather than interrupting it, which would make its
 * close fail.
 *
 * @author settrade-mqtt
 */
abstract class TopicReader implements Runnable {

	private static final Duration RETRY = Duration.ofSeconds(1);

	final Thread thread;

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final String topic;

	private final RateLimitedLog failures;

	private final Object pauses = new Object();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private volatile boolean running = true;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	TopicReader(String threadName, ConsumerFactory<String, byte[]> consumerFactory, String topic,
			RateLimitedLog failures) {
		this.thread = new Thread(this, threadName);
		this.consumerFactory = consumerFactory;
		this.topic = topic;
		this.failures = failures;
	}

	/**
	 * Wait until the reader has caught up or the timeout passed.
	 * @param timeout how long to wait at most
	 * @return whether it caught up in time
	 */
	boolean awaitCatchUp(Duration timeout) {
		try {
			return this.caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Say that the reader has read what the topic held when it started.
	 */
	void caughtUp() {
		this.caughtUp.countDown();
	}

	/**
	 * Return whether the reader has caught up.
	 * @return whether it has
	 */
	boolean hasCaughtUp() {
		return this.caughtUp.getCount() == 0;
	}

	/**
	 * Read with a consumer until stopped or until it fails.
	 * @param consumer the consumer, assigned nothing yet
	 */
	abstract void read(Consumer<String, byte[]> consumer);

	/**
	 * Called after a failure, before the pause and the next read.
	 */
	void failed() {
	}

	@Override
	public final void run() {
		while (this.running) {
			try (Consumer<String, byte[]> consumer = createConsumer()) {
				this.consumer = consumer;
				if (this.running) {
					read(consumer);
				}
			}
			catch (WakeupException ex) {
				// stopping
			}
			catch (RuntimeException ex) {
				if (this.running) {
					this.failures.log(() -> "Reading Kafka topic '" + this.topic + "' failed; reading again", ex);
					failed();
					pause();
				}
			}
		}
	}

	private Consumer<String, byte[]> createConsumer() {
		Properties overrides = new Properties();
		// nothing is committed: a replica reads the topic from its beginning
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return this.consumerFactory.createConsumer(null, this.thread.getName(), null, overrides);
	}

	/**
	 * Return whether the reader goes on reading: until {@link #stop()}.
	 * @return whether it reads
	 */
	boolean isReading() {
		return this.running;
	}

	/**
	 * Return the topic's partitions, waiting while it has none (not created yet).
	 * @param consumer the consumer
	 * @return the partitions
	 */
	List<TopicPartition> partitions(Consumer<String, byte[]> consumer) {
		while (this.running) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (!partitions.isEmpty()) {
				return partitions;
			}
			pause();
		}
		throw new WakeupException();
	}

	/**
	 * Return whether the consumer has read every partition up to the given offsets.
	 * @param consumer the consumer
	 * @param ends the offsets
	 * @return whether it read that far
	 */
	static boolean reached(Consumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
			if (consumer.position(end.getKey()) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Wait before reading again, or until stopped.
	 */
	private void pause() {
		synchronized (this.pauses) {
			if (!this.running) {
				return;
			}
			try {
				this.pauses.wait(RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	/**
	 * Stop reading and wait for the thread to end: a consumer is woken up, a pause ends
	 * at once.
	 */
	void stop() {
		this.running = false;
		Consumer<String, byte[]> consumer = this.consumer;
		if (consumer != null) {
			consumer.wakeup();
		}
		synchronized (this.pauses) {
			this.pauses.notifyAll();
		}
		try {
			this.thread.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
