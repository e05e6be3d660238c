package io.github.settrademqtt.cluster.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.support.RateLimitedLog;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.util.Assert;

/**
 * The leader's end of the fan-out: sends every raw message its upstream delivers to the
 * feed topic, keyed by the Settrade topic, so that Kafka keeps each Settrade topic's
 * messages in order on one partition.
 * <p>
 * Part of the upstream, it runs on the leader only. Starting, it claims a new term: it
 * writes a term claim to partition 0, whose offset is the term (Kafka orders the claims,
 * so a later leader's term is always larger), then a term start to every other partition,
 * and waits until Kafka has them all. Every message it sends carries the term, and a
 * {@link FeedFollower} delivers no message of an earlier term that comes after a later
 * term's start on its partition: a deposed leader that still sends is fenced out.
 * <p>
 * Sending does not wait for Kafka: a message Kafka refuses is logged (at most once a
 * minute after the first few) and lost for every replica alike.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class FeedPublisher implements MessageHandler, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(FeedPublisher.class);

	private final ProducerFactory<String, byte[]> producerFactory;

	private final String feedTopic;

	private final Duration claimTimeout;

	private final RateLimitedLog sendFailures = new RateLimitedLog(logger,
			"Messages the Settrade MQTT feed publisher could not send to Kafka", 3, Duration.ofMinutes(1));

	private final LongAdder published = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Producer<String, byte[]> producer;

	private volatile long term = -1;

	/**
	 * Create a publisher.
	 * @param producerFactory makes the producer, with {@code String} keys and
	 * {@code byte[]} values; reset when the publisher stops
	 * @param feedTopic the Kafka topic
	 * @param claimTimeout how long claiming a term may take before starting fails
	 */
	public FeedPublisher(ProducerFactory<String, byte[]> producerFactory, String feedTopic, Duration claimTimeout) {
		Assert.notNull(producerFactory, "'producerFactory' must not be null");
		Assert.hasText(feedTopic, "'feedTopic' must not be empty");
		Assert.notNull(claimTimeout, "'claimTimeout' must not be null");
		this.producerFactory = producerFactory;
		this.feedTopic = feedTopic;
		this.claimTimeout = claimTimeout;
	}

	/**
	 * Return the term this publisher claimed when it last started.
	 * @return the term, or {@code -1} before the first start
	 */
	public long getTerm() {
		return this.term;
	}

	/**
	 * Return how many messages Kafka took from this publisher since it was created.
	 * @return the count
	 */
	public long getPublishedCount() {
		return this.published.sum();
	}

	/**
	 * Return how many messages this publisher could not send to Kafka since it was
	 * created.
	 * @return the count
	 */
	public long getFailedCount() {
		return this.failed.sum();
	}

	/**
	 * Claim a new term, then publish.
	 * @throws IllegalStateException if the term could not be claimed in time
	 */
	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.producer != null) {
				return;
			}
			Producer<String, byte[]> producer = this.producerFactory.createProducer();
			try {
				this.term = claimTerm(producer);
			}
			catch (RuntimeException ex) {
				this.producerFactory.reset();
				throw ex;
			}
			this.producer = producer;
			logger
				.info("Publishing the Settrade MQTT feed to Kafka topic '" + this.feedTopic + "' in term " + this.term);
		}
	}

	private long claimTerm(Producer<String, byte[]> producer) {
		long term = await(producer.send(FeedRecords.termClaim(this.feedTopic))).offset();
		List<Future<RecordMetadata>> starts = new ArrayList<>();
		for (PartitionInfo partition : producer.partitionsFor(this.feedTopic)) {
			if (partition.partition() != 0) {
				starts.add(producer.send(FeedRecords.termStart(this.feedTopic, partition.partition(), term)));
			}
		}
		producer.flush();
		starts.forEach(this::await);
		return term;
	}

	private RecordMetadata await(Future<RecordMetadata> sent) {
		try {
			return sent.get(this.claimTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while claiming a term on Kafka topic '" + this.feedTopic + "'",
					ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
			throw new IllegalStateException(
					"Could not claim a term on Kafka topic '" + this.feedTopic + "' within " + this.claimTimeout,
					cause);
		}
	}

	/**
	 * Send a raw message of the upstream on; dropped when not running.
	 * @param message the message, with the headers of {@link SettradeMqttHeaders}
	 */
	@Override
	public void handleMessage(Message<?> message) {
		Producer<String, byte[]> producer = this.producer;
		if (producer == null) {
			return;
		}
		MessageHeaders headers = message.getHeaders();
		String topic = headers.get(SettradeMqttHeaders.TOPIC, String.class);
		SessionFacts session = headers.get(SettradeMqttHeaders.SESSION, SessionFacts.class);
		Instant receivedAt = headers.get(SettradeMqttHeaders.RECEIVED_AT, Instant.class);
		if (topic == null || session == null || !(message.getPayload() instanceof byte[] payload)) {
			this.sendFailures.log(() -> "A message without a topic, session or byte[] payload was not published");
			return;
		}
		try {
			producer.send(FeedRecords.message(this.feedTopic, this.term, topic, payload, session,
					(receivedAt != null) ? receivedAt : Instant.now()), (metadata, ex) -> {
						if (ex != null) {
							failed(topic, ex);
						}
						else {
							this.published.increment();
						}
					});
		}
		catch (RuntimeException ex) {
			// a stop may close the producer under this send
			if (isRunning()) {
				failed(topic, ex);
			}
		}
	}

	private void failed(String topic, Exception ex) {
		this.failed.increment();
		this.sendFailures.log(() -> "A message from '" + topic + "' was not published: " + ex);
	}

	/**
	 * Send what is buffered, then close the producer: a message handed over after this
	 * returns is dropped.
	 */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			Producer<String, byte[]> producer = this.producer;
			if (producer == null) {
				return;
			}
			this.producer = null;
			try {
				producer.flush();
			}
			finally {
				this.producerFactory.reset();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.producer != null;
	}

	@Override
	public boolean isAutoStartup() {
		// part of the upstream: the leader's election starts it
		return false;
	}

	@Override
	public int getPhase() {
		return SettradeMqttPhases.FEED_PUBLISHER;
	}

	@Override
	public String toString() {
		return "FeedPublisher [topic=" + this.feedTopic + ", term=" + this.term + ", running=" + isRunning() + "]";
	}

}
