package io.github.settrademqtt.cluster.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.support.RateLimitedLog;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.GenericMessage;
import org.springframework.util.Assert;

/**
 * Every replica's end of the fan-out: reads the whole feed topic, every partition, and
 * sends each message into the replica's own delivery path as the MQTT connection would
 * have, with the same headers ({@link SettradeMqttHeaders}), so that listeners, channels
 * and meters work as in single-node mode.
 * <p>
 * It reads with a consumer of its own, assigned every partition and in no consumer group:
 * every replica must see every message, and nothing is committed, because a replica that
 * starts reads the topic from its beginning. That catch-up is conflated: of what the
 * topic held when the follower started, only the last message of each Settrade topic is
 * delivered (the topic is compacted, so Kafka keeps little more). Starting waits until
 * the catch-up is delivered, up to a timeout, so that a replica has the last book of
 * every topic before it reports ready; then the follower delivers live.
 * <p>
 * A message whose term is older than the last term start read on its partition is not
 * delivered: it comes from a deposed leader (see {@link FeedPublisher}).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class FeedFollower implements SmartLifecycle {

	/**
	 * Header of the messages the follower delivers: the leader term, as a {@code long}.
	 */
	public static final String TERM = "settrade_term";

	private static final Log logger = LogFactory.getLog(FeedFollower.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final String feedTopic;

	private final MessageChannel output;

	private final Duration catchUpTimeout;

	private final RateLimitedLog readFailures = new RateLimitedLog(logger,
			"Records of the Settrade MQTT feed topic that could not be read", 3, Duration.ofMinutes(1));

	private final LongAdder delivered = new LongAdder();

	private final LongAdder fenced = new LongAdder();

	private final LongAdder termChanges = new LongAdder();

	private final Object lifecycleMonitor = new Object();

	private volatile @Nullable Reader reader;

	private Predicate<String> delivers = (topic) -> true;

	private boolean autoStartup = true;

	/**
	 * Create a follower.
	 * @param consumerFactory makes the consumer, with {@code String} keys and
	 * {@code byte[]} values
	 * @param feedTopic the Kafka topic
	 * @param output where the messages go: the channel the delivery reads
	 * @param catchUpTimeout how long starting waits for the catch-up at most
	 */
	public FeedFollower(ConsumerFactory<String, byte[]> consumerFactory, String feedTopic, MessageChannel output,
			Duration catchUpTimeout) {
		Assert.notNull(consumerFactory, "'consumerFactory' must not be null");
		Assert.hasText(feedTopic, "'feedTopic' must not be empty");
		Assert.notNull(output, "'output' must not be null");
		Assert.notNull(catchUpTimeout, "'catchUpTimeout' must not be null");
		this.consumerFactory = consumerFactory;
		this.feedTopic = feedTopic;
		this.output = output;
		this.catchUpTimeout = catchUpTimeout;
	}

	/**
	 * Set which Settrade topics the follower delivers: the feed holds what every replica
	 * of the cluster claims, a replica delivers its own.
	 * @param delivers tells whether to deliver a topic; every topic by default
	 */
	public void setDelivers(Predicate<String> delivers) {
		Assert.notNull(delivers, "'delivers' must not be null");
		this.delivers = delivers;
	}

	/**
	 * Return whether the follower has delivered what the topic held when it started.
	 * @return whether it caught up
	 */
	public boolean isCaughtUp() {
		Reader reader = this.reader;
		return reader != null && reader.hasCaughtUp();
	}

	/**
	 * Return the latest term the follower read.
	 * @return the term, or {@code -1} before any
	 */
	public long getTerm() {
		Reader reader = this.reader;
		return (reader != null) ? reader.term : -1;
	}

	/**
	 * Wait until the follower has read the topic up to where it ends now: what was
	 * written to it before this call, it has read when this returns {@code true}.
	 * @param patience how long to wait at most
	 * @return whether it read that far in time; {@code false} when not running
	 */
	public boolean readToEnd(Duration patience) {
		Reader reader = this.reader;
		if (reader == null) {
			return false;
		}
		ReadToEnd request = new ReadToEnd();
		reader.readsToEnd.add(request);
		try {
			return request.done.await(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Return the term of the leader that offered its upstream to the next one, if it is
	 * the current term and no one has taken over yet.
	 * @return the term, or {@code -1}
	 */
	public long getOfferedTerm() {
		Reader reader = this.reader;
		return (reader != null) ? reader.offered : -1;
	}

	/**
	 * Return whether a hand-over to {@code term} is aligned: every topic the old leader
	 * delivered during it has met the new leader's stream.
	 * @param term the new leader's term
	 * @return whether it is aligned
	 */
	public boolean isHandOverAligned(long term) {
		Reader reader = this.reader;
		return reader != null && reader.alignedTerm == term;
	}

	/**
	 * Return whether a leader of {@code term} has been taken over: no partition delivers
	 * its messages any more.
	 * @param term the leader's term
	 * @return whether a later term has started on every partition
	 */
	public boolean isTakenOver(long term) {
		Reader reader = this.reader;
		return reader != null && reader.lowestDeliveredTerm > term;
	}

	/**
	 * Return how many records of the topic the follower has yet to read, as of its last
	 * poll.
	 * @return the lag, or {@code -1} when not known
	 */
	public long getLag() {
		Reader reader = this.reader;
		return (reader != null) ? reader.lag : -1;
	}

	/**
	 * Return how many messages the follower delivered since it was created.
	 * @return the count
	 */
	public long getDeliveredCount() {
		return this.delivered.sum();
	}

	/**
	 * Return how many messages of a deposed leader the follower did not deliver.
	 * @return the count
	 */
	public long getFencedCount() {
		return this.fenced.sum();
	}

	/**
	 * Return how many times the follower read a later term than the one before: each is a
	 * new leader taking over.
	 * @return the count
	 */
	public long getTermChangeCount() {
		return this.termChanges.sum();
	}

	/**
	 * Start reading, and wait until the catch-up is delivered or the timeout passed.
	 */
	@Override
	public void start() {
		Reader reader;
		synchronized (this.lifecycleMonitor) {
			if (this.reader != null) {
				return;
			}
			reader = new Reader();
			this.reader = reader;
			reader.thread.start();
		}
		if (!reader.awaitCatchUp(this.catchUpTimeout)) {
			logger.warn("The Settrade MQTT feed follower has not caught up with Kafka topic '" + this.feedTopic
					+ "' within " + this.catchUpTimeout + "; it goes on reading");
		}
	}

	@Override
	public void stop() {
		Reader reader;
		synchronized (this.lifecycleMonitor) {
			reader = this.reader;
			this.reader = null;
		}
		if (reader != null) {
			reader.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.reader != null;
	}

	/**
	 * Set whether the follower starts with the application context.
	 * @param autoStartup whether to start automatically; {@code true} by default
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return SettradeMqttPhases.FEED_FOLLOWER;
	}

	@Override
	public String toString() {
		return "FeedFollower [topic=" + this.feedTopic + ", term=" + getTerm() + ", caughtUp=" + isCaughtUp() + "]";
	}

	/**
	 * One run of reading, on a thread of its own, from the topic's beginning.
	 */
	private final class Reader extends TopicReader {

		private TermFences fences = newFences();

		/**
		 * Requests to read up to where the topic ends, each with the end offsets once
		 * asked for.
		 */
		private final Queue<ReadToEnd> readsToEnd = new ConcurrentLinkedQueue<>();

		/**
		 * The offset of the next record to read on each partition.
		 */
		private final Map<Integer, Long> next = new HashMap<>();

		private volatile long term = -1;

		private volatile long offered = -1;

		private volatile long alignedTerm = -1;

		private volatile long lowestDeliveredTerm = -1;

		private volatile long lag = -1;

		Reader() {
			super("settrade-mqtt-feed-follower", FeedFollower.this.consumerFactory, FeedFollower.this.feedTopic,
					FeedFollower.this.readFailures);
		}

		@Override
		void read(Consumer<String, byte[]> consumer) {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			if (!hasCaughtUp()) {
				consumer.seekToBeginning(partitions);
				this.fences = newFences();
				this.next.clear();
				catchUp(consumer, partitions);
			}
			else {
				// read again after a failure: on from where the last read ended
				partitions.forEach((partition) -> resume(consumer, partition));
			}
			while (isReading()) {
				ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
				for (ConsumerRecord<String, byte[]> record : records) {
					accept(record).forEach(this::send);
				}
				publishState();
				measureLag(consumer, partitions);
				answerReadsToEnd(consumer, partitions);
			}
		}

		/**
		 * Complete the requests to read to the end whose end this reader reached; ask
		 * Kafka where the topic ends for new ones.
		 */
		private void answerReadsToEnd(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
			for (ReadToEnd request : this.readsToEnd) {
				if (request.ends == null) {
					request.ends = consumer.endOffsets(partitions);
				}
				if (reached(consumer, request.ends)) {
					request.done.countDown();
					this.readsToEnd.remove(request);
				}
			}
		}

		private void publishState() {
			this.term = this.fences.term();
			this.offered = this.fences.offered();
			this.alignedTerm = this.fences.alignedTerm();
			this.lowestDeliveredTerm = this.fences.lowestDeliveredTerm();
		}

		private void resume(Consumer<String, byte[]> consumer, TopicPartition partition) {
			Long next = this.next.get(partition.partition());
			if (next != null) {
				consumer.seek(partition, next);
			}
			else {
				consumer.seekToBeginning(List.of(partition));
			}
		}

		/**
		 * Read up to where the topic ended at the start, keeping only the last message of
		 * each Settrade topic, then deliver those.
		 */
		private void catchUp(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Map<String, Message<byte[]>> last = new LinkedHashMap<>();
			while (isReading() && !reached(consumer, ends)) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					for (Message<byte[]> message : accept(record)) {
						String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
						last.remove(topic);
						last.put(topic, message);
					}
				}
			}
			last.values().forEach(this::send);
			publishState();
			measureLag(consumer, partitions);
			caughtUp();
			logger.info("The Settrade MQTT feed follower caught up with Kafka topic '" + FeedFollower.this.feedTopic
					+ "' (the last message of " + last.size() + " Settrade topics, term " + this.term
					+ "); following live");
		}

		/**
		 * Return the messages to deliver on reading a record: none for a term record, an
		 * unreadable one or a deposed leader's message; several when a hand-over lets
		 * waiting ones go.
		 */
		private List<Message<byte[]>> accept(ConsumerRecord<String, byte[]> record) {
			this.next.put(record.partition(), record.offset() + 1);
			FeedRecords.FeedRecord read;
			try {
				read = FeedRecords.read(record);
			}
			catch (IllegalArgumentException ex) {
				FeedFollower.this.readFailures.log(() -> "Skipped offset " + record.offset() + " of partition "
						+ record.partition() + ": " + ex.getMessage());
				return List.of();
			}
			return this.fences.accept(record.partition(), read);
		}

		private void send(Message<byte[]> message) {
			if (!FeedFollower.this.delivers.test(message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class))) {
				return;
			}
			try {
				FeedFollower.this.output.send(message);
				FeedFollower.this.delivered.increment();
			}
			catch (RuntimeException ex) {
				FeedFollower.this.readFailures.log(() -> "Delivery of a message from '"
						+ message.getHeaders().get(SettradeMqttHeaders.TOPIC) + "' failed: " + ex);
			}
		}

		private void measureLag(Consumer<String, byte[]> consumer, List<TopicPartition> partitions) {
			long total = 0;
			for (TopicPartition partition : partitions) {
				var lag = consumer.currentLag(partition);
				if (lag.isEmpty()) {
					return;
				}
				total += lag.getAsLong();
			}
			this.lag = total;
		}

	}

	private TermFences newFences() {
		return new TermFences(this.fenced, this.termChanges);
	}

	/**
	 * A request to read up to where the topic ends.
	 */
	private static final class ReadToEnd {

		private final CountDownLatch done = new CountDownLatch(1);

		private volatile @Nullable Map<TopicPartition, Long> ends;

	}

	/**
	 * Build the message the delivery reads, with the headers the MQTT connection sets.
	 * Its monotonic receive time is the leader's receive time moved onto this replica's
	 * clock, so that ages measured from it include the trip through Kafka.
	 */
	static Message<byte[]> toMessage(FeedRecords.Message message, SessionFacts session) {
		Instant now = Instant.now();
		long ageNanos = Math.max(0, Duration.between(message.receivedAt(), now).toNanos());
		return new GenericMessage<>(message.payload(),
				Map.of(SettradeMqttHeaders.TOPIC, message.topic(), SettradeMqttHeaders.SESSION, session,
						SettradeMqttHeaders.EPOCH, session.epoch(), SettradeMqttHeaders.RECEIVED_AT,
						message.receivedAt(), SettradeMqttHeaders.RECEIVED_NANOS, System.nanoTime() - ageNanos, TERM,
						message.term()));
	}

}
