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
import java.util.function.BooleanSupplier;

import io.github.settrademqtt.cluster.UpstreamHandOver;
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

	/**
	 * How often a hand-over looks at the follower's progress.
	 */
	private static final Duration HAND_OVER_POLL = Duration.ofMillis(10);

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

	private @Nullable FeedFollower follower;

	private Duration handOverTimeout = Duration.ofSeconds(10);

	private Duration pickUpTimeout = Duration.ofSeconds(2);

	private BooleanSupplier upstreamReady = () -> true;

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
	 * Set the replica's follower, which hands over: a publisher that starts while the
	 * leader before offers its upstream takes it over make-before-break, and one that
	 * stops offers its own. Without one, a new term fences the one before at once.
	 * @param follower the follower of the same replica
	 */
	public void setFollower(FeedFollower follower) {
		this.follower = follower;
	}

	/**
	 * Set what tells whether this replica's upstream receives all it subscribes to (its
	 * connection is connected and every subscription active): a hand-over to it ends no
	 * earlier.
	 * @param upstreamReady whether the upstream is ready
	 */
	public void setUpstreamReady(BooleanSupplier upstreamReady) {
		this.upstreamReady = upstreamReady;
	}

	/**
	 * Set how long a hand-over waits at most for the new leader's messages to meet the
	 * old one's before the new term fences the old; 10 s by default.
	 * @param handOverTimeout the time
	 */
	public void setHandOverTimeout(Duration handOverTimeout) {
		this.handOverTimeout = handOverTimeout;
	}

	/**
	 * Set how long a leader that offered its upstream waits at most for another replica
	 * to claim a term, before it stops anyway; 2 s by default.
	 * @param pickUpTimeout the time
	 */
	public void setPickUpTimeout(Duration pickUpTimeout) {
		this.pickUpTimeout = pickUpTimeout;
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
			long previous = offeredTerm();
			try {
				this.term = claimTerm(producer, previous);
			}
			catch (RuntimeException ex) {
				this.producerFactory.reset();
				throw ex;
			}
			this.producer = producer;
			if (previous < 0) {
				logger.info("Publishing the Settrade MQTT feed to Kafka topic '" + this.feedTopic + "' in term "
						+ this.term);
				return;
			}
			logger.info("Publishing the Settrade MQTT feed to Kafka topic '" + this.feedTopic + "' in term " + this.term
					+ ", taking it over from term " + previous);
			Thread completion = new Thread(() -> completeHandOver(producer, previous),
					"settrade-mqtt-hand-over-" + this.term);
			completion.setDaemon(true);
			completion.start();
		}
	}

	/**
	 * Return the term of the leader that offered its upstream, once the follower has read
	 * what is on the topic now; {@code -1} when none did.
	 */
	private long offeredTerm() {
		FeedFollower follower = this.follower;
		if (follower == null || !follower.readToEnd(this.claimTimeout)) {
			return -1;
		}
		return follower.getOfferedTerm();
	}

	private long claimTerm(Producer<String, byte[]> producer, long previous) {
		long term = await(producer.send(FeedRecords.termClaim(this.feedTopic, previous))).offset();
		startTerm(producer, term, previous, false);
		return term;
	}

	/**
	 * Write a start of {@code term} to every partition (but partition 0, whose claim is
	 * one, unless {@code everyPartition}), and wait until Kafka has them.
	 */
	private void startTerm(Producer<String, byte[]> producer, long term, long previous, boolean everyPartition) {
		List<Future<RecordMetadata>> starts = new ArrayList<>();
		for (PartitionInfo partition : producer.partitionsFor(this.feedTopic)) {
			if (everyPartition || partition.partition() != 0) {
				starts.add(producer.send(FeedRecords.termStart(this.feedTopic, partition.partition(), term, previous)));
			}
		}
		producer.flush();
		starts.forEach(this::await);
	}

	/**
	 * Wait until the new leader's messages met the old one's on every topic, or the
	 * hand-over timeout, then end the hand-over: from then on the old term is fenced.
	 */
	private void completeHandOver(Producer<String, byte[]> producer, long previous) {
		long term = this.term;
		FeedFollower follower = this.follower;
		long started = System.nanoTime();
		long deadline = started + this.handOverTimeout.toNanos();
		boolean aligned = false;
		while (this.producer == producer && System.nanoTime() < deadline) {
			if (this.upstreamReady.getAsBoolean() && follower != null && follower.isHandOverAligned(term)) {
				aligned = true;
				break;
			}
			if (!pause()) {
				return;
			}
		}
		if (this.producer != producer) {
			return;
		}
		try {
			startTerm(producer, term, -1, true);
			logger.info("Took the Settrade MQTT feed over from term " + previous + " in "
					+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms"
					+ (aligned ? "" : ", without meeting the old leader's messages on every topic within "
							+ this.handOverTimeout));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not end the hand-over from term " + previous + "; its messages are delivered until "
					+ "the next term starts", ex);
		}
	}

	private static boolean pause() {
		try {
			Thread.sleep(HAND_OVER_POLL.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Offer this leader's upstream to the next leader: write the offer, and return the
	 * wait for the take-over.
	 * @return the wait, or {@code null} when this publisher does not run or cannot hand
	 * over
	 */
	public UpstreamHandOver.@Nullable TakeOver offerHandOver() {
		Producer<String, byte[]> producer = this.producer;
		FeedFollower follower = this.follower;
		if (producer == null || follower == null || !follower.isRunning()) {
			return null;
		}
		long term = this.term;
		try {
			await(producer.send(FeedRecords.handOverOffer(this.feedTopic, term)));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not offer the Settrade MQTT upstream to the next leader; stopping it at once", ex);
			return null;
		}
		// the next leader may read the offer once this replica has
		follower.readToEnd(this.claimTimeout);
		return () -> awaitTakeOver(follower, term);
	}

	private void awaitTakeOver(FeedFollower follower, long term) throws InterruptedException {
		long started = System.nanoTime();
		long pickUpDeadline = started + this.pickUpTimeout.toNanos();
		while (follower.getTerm() <= term) {
			if (System.nanoTime() > pickUpDeadline) {
				logger.info("No replica took the Settrade MQTT upstream of term " + term + " over within "
						+ this.pickUpTimeout + "; stopping it");
				return;
			}
			Thread.sleep(HAND_OVER_POLL.toMillis());
		}
		long deadline = System.nanoTime() + this.handOverTimeout.toNanos() + this.claimTimeout.toNanos();
		while (!follower.isTakenOver(term)) {
			if (System.nanoTime() > deadline) {
				logger.warn("The next leader did not take the Settrade MQTT upstream of term " + term + " over within "
						+ this.handOverTimeout + "; stopping it");
				return;
			}
			Thread.sleep(HAND_OVER_POLL.toMillis());
		}
		logger.info("The Settrade MQTT upstream of term " + term + " was taken over in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms; stopping it");
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
