package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.github.settrademqtt.benchmarks.RealisticPayloads;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.SimulatorPayloads;
import org.jspecify.annotations.Nullable;

/**
 * Publishes order books round-robin over symbols at a fixed rate on a thread of its own,
 * each numbered per topic, in the simulator's sequence field for the raw channel and in
 * {@link RealisticPayloads#NUMBER_FIELD} for listeners, and measures its own pacing: the
 * longest gap between two publications, per topic and across the feed. That is the floor
 * under any gap a subscriber can see: a publisher that is descheduled for 15 ms leaves a
 * 15 ms hole for every client. Given a {@link PublicationLog}, it records when each
 * message was handed to the broker.
 *
 * @author settrade-mqtt
 */
public final class PacedFeed implements AutoCloseable {

	private final SettradeSimulator simulator;

	private final List<String> topics;

	private final List<byte[]> templates;

	private final long intervalNanos;

	private final long[] sequences;

	private final long[] lastPublished;

	private final @Nullable PublicationLog publications;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean measuring;

	private long longestTopicGap;

	private long longestFeedGap;

	/**
	 * Start publishing.
	 * @param simulator where to publish
	 * @param symbols the symbols, one order-book topic each
	 * @param messagesPerSecond the rate across all topics
	 */
	public PacedFeed(SettradeSimulator simulator, List<String> symbols, int messagesPerSecond) {
		this(simulator, symbols, messagesPerSecond, null);
	}

	/**
	 * Start publishing, recording when each message is published.
	 * @param simulator where to publish
	 * @param symbols the symbols, one order-book topic each
	 * @param messagesPerSecond the rate across all topics
	 * @param publications where to record each publication, with the topics indexed as
	 * the symbols
	 */
	public PacedFeed(SettradeSimulator simulator, List<String> symbols, int messagesPerSecond,
			@Nullable PublicationLog publications) {
		this.simulator = simulator;
		this.publications = publications;
		this.topics = symbols.stream().map(SimulatorMarket::bidOfferTopic).toList();
		this.templates = symbols.stream().map((symbol) -> RealisticPayloads.book(symbol).toByteArray()).toList();
		this.intervalNanos = 1_000_000_000L / messagesPerSecond;
		this.sequences = new long[symbols.size()];
		this.lastPublished = new long[symbols.size()];
		this.thread = new Thread(this::publish, "benchmark-paced-feed");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Return the topics published on.
	 * @return the topics
	 */
	public List<String> topics() {
		return this.topics;
	}

	/**
	 * Start or stop measuring the publisher's gaps.
	 * @param measuring whether to measure
	 */
	public void measuring(boolean measuring) {
		this.measuring = measuring;
	}

	/**
	 * Return the longest gap between two publications on one topic while measuring.
	 * @return nanoseconds
	 */
	public synchronized long longestTopicGap() {
		return this.longestTopicGap;
	}

	/**
	 * Return the longest gap between two publications while measuring.
	 * @return nanoseconds
	 */
	public synchronized long longestFeedGap() {
		return this.longestFeedGap;
	}

	/**
	 * Return the publication interval on one topic.
	 * @return the interval
	 */
	public Duration topicInterval() {
		return Duration.ofNanos(this.intervalNanos * this.topics.size());
	}

	/**
	 * Return the publication interval across the feed.
	 * @return the interval
	 */
	public Duration feedInterval() {
		return Duration.ofNanos(this.intervalNanos);
	}

	private void publish() {
		long start = System.nanoTime();
		long previous = 0;
		for (long i = 0; this.running; i++) {
			long due = start + i * this.intervalNanos;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int topic = (int) (i % this.topics.size());
			long sequence = ++this.sequences[topic];
			byte[] numbered = Varints.withField(this.templates.get(topic), SimulatorPayloads.SEQUENCE_FIELD, sequence);
			byte[] payload = Varints.withField(numbered, RealisticPayloads.NUMBER_FIELD, sequence);
			if (this.publications != null) {
				this.publications.record(topic, sequence, System.nanoTime());
			}
			this.simulator.mqtt().publish(this.topics.get(topic), payload);
			long now = System.nanoTime();
			if (this.measuring) {
				synchronized (this) {
					if (previous != 0) {
						this.longestFeedGap = Math.max(this.longestFeedGap, now - previous);
					}
					if (this.lastPublished[topic] != 0) {
						this.longestTopicGap = Math.max(this.longestTopicGap, now - this.lastPublished[topic]);
					}
				}
				previous = now;
				this.lastPublished[topic] = now;
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(Duration.ofSeconds(10).toMillis());
	}

}
