package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.test.SimulatorPayloads;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Records every message the starter's raw channel carries while recording is on: its
 * topic, the simulator's per-topic sequence number, when it arrived and on which
 * connection (epoch). From that: what was lost, duplicated or out of order, and the
 * longest silence, per topic and across the feed, at a change of connection and
 * elsewhere. A client that is not the starter, or a listener, records through
 * {@link #record(String, long, long)}.
 *
 * @author settrade-mqtt
 */
public final class ArrivalLog implements MessageHandler {

	private final Map<String, Integer> topics = new ConcurrentHashMap<>();

	private final List<String> topicNames;

	private final long[] firstArrival;

	private final AtomicLongArray lastArrival;

	private volatile boolean recording;

	private int size;

	private int[] topic = new int[1024];

	private long[] sequence = new long[1024];

	private long[] nanos = new long[1024];

	private long[] epoch = new long[1024];

	/**
	 * Create a log of the given topics; others are ignored.
	 * @param topics the topics
	 */
	public ArrivalLog(List<String> topics) {
		this.topicNames = List.copyOf(topics);
		for (int i = 0; i < topics.size(); i++) {
			this.topics.put(topics.get(i), i);
		}
		this.firstArrival = new long[topics.size()];
		this.lastArrival = new AtomicLongArray(topics.size());
	}

	@Override
	public void handleMessage(Message<?> message) {
		String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
		if (topic != null && message.getPayload() instanceof byte[] payload) {
			Long connection = message.getHeaders().get(SettradeMqttHeaders.EPOCH, Long.class);
			record(topic, SimulatorPayloads.sequence(payload).orElse(-1), (connection != null) ? connection : -1);
		}
	}

	/**
	 * Record that a message arrived now.
	 * @param topic its topic; one the log was not created with is ignored
	 * @param number its number in the topic
	 * @param connection the connection it came on, {@code -1} when unknown
	 */
	public void record(String topic, long number, long connection) {
		record(topic, number, connection, System.nanoTime());
	}

	/**
	 * Record that a message arrived at a given moment, as another process of the same
	 * machine reports it: {@link System#nanoTime()} reads one clock across processes on
	 * Linux. Arrivals are recorded in the order reported.
	 * @param topic its topic; one the log was not created with is ignored
	 * @param number its number in the topic
	 * @param connection the connection it came on, {@code -1} when unknown
	 * @param now when it arrived, on {@link System#nanoTime()}
	 */
	public void record(String topic, long number, long connection, long now) {
		Integer index = this.topics.get(topic);
		if (index == null) {
			return;
		}
		if (this.firstArrival[index] == 0) {
			this.firstArrival[index] = now;
		}
		this.lastArrival.set(index, now);
		if (!this.recording) {
			return;
		}
		synchronized (this) {
			if (this.size == this.topic.length) {
				int capacity = this.size * 2;
				this.topic = Arrays.copyOf(this.topic, capacity);
				this.sequence = Arrays.copyOf(this.sequence, capacity);
				this.nanos = Arrays.copyOf(this.nanos, capacity);
				this.epoch = Arrays.copyOf(this.epoch, capacity);
			}
			this.topic[this.size] = index;
			this.sequence[this.size] = number;
			this.nanos[this.size] = now;
			this.epoch[this.size] = connection;
			this.size++;
		}
	}

	/**
	 * Return whether each of the first topics had a message at or after a moment,
	 * recording or not.
	 * @param nanos the moment, on {@link System#nanoTime()}
	 * @param topics how many of the topics, in the order the log was created with
	 * @return whether they all had one
	 */
	public boolean allTopicsSince(long nanos, int topics) {
		for (int i = 0; i < topics; i++) {
			if (this.firstArrival[i] == 0 || this.lastArrival.get(i) - nanos < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return when a topic last had a message, recording or not.
	 * @param topic the topic
	 * @return {@link System#nanoTime()} of its last message, {@code 0} before the first
	 */
	public long lastArrival(String topic) {
		Integer index = this.topics.get(topic);
		return (index != null) ? this.lastArrival.get(index) : 0;
	}

	/**
	 * Return when any of the first topics last had a message, recording or not.
	 * @param topics how many of the topics, in the order the log was created with
	 * @return {@link System#nanoTime()} of the last message, {@code 0} before the first
	 */
	public long lastArrival(int topics) {
		long last = 0;
		for (int i = 0; i < topics; i++) {
			long arrival = this.lastArrival.get(i);
			if (arrival != 0 && (last == 0 || arrival - last > 0)) {
				last = arrival;
			}
		}
		return last;
	}

	/**
	 * Visit every message recorded, in the order recorded.
	 * @param visitor told each one
	 */
	public synchronized void replay(Visitor visitor) {
		for (int i = 0; i < this.size; i++) {
			visitor.arrival(this.topic[i], this.sequence[i], this.nanos[i], this.epoch[i]);
		}
	}

	/**
	 * Stop recording and forget what was recorded, so that a heap measured afterwards
	 * does not count the log.
	 */
	public synchronized void clear() {
		this.recording = false;
		this.size = 0;
		this.topic = new int[1024];
		this.sequence = new long[1024];
		this.nanos = new long[1024];
		this.epoch = new long[1024];
	}

	/**
	 * Return whether every topic has delivered at least once, recording or not.
	 * @return whether every topic is flowing
	 */
	public boolean allTopicsFlowing() {
		return Arrays.stream(this.firstArrival).allMatch((arrival) -> arrival != 0);
	}

	/**
	 * Start or stop recording.
	 * @param recording whether to record
	 */
	public void recording(boolean recording) {
		this.recording = recording;
	}

	/**
	 * Return the number of messages recorded.
	 * @return the count
	 */
	public synchronized int size() {
		return this.size;
	}

	/**
	 * Analyse what was recorded.
	 * @return the figures
	 */
	public synchronized Figures figures() {
		long lost = 0;
		long duplicated = 0;
		long outOfOrder = 0;
		Gaps perTopic = new Gaps();
		for (int t = 0; t < this.topicNames.size(); t++) {
			long first = Long.MAX_VALUE;
			long last = Long.MIN_VALUE;
			long previous = -1;
			long previousNanos = -1;
			long previousEpoch = -1;
			java.util.BitSet seen = new java.util.BitSet();
			long distinct = 0;
			long count = 0;
			for (int i = 0; i < this.size; i++) {
				if (this.topic[i] != t) {
					continue;
				}
				long number = this.sequence[i];
				count++;
				first = Math.min(first, number);
				last = Math.max(last, number);
				if (!seen.get((int) number)) {
					seen.set((int) number);
					distinct++;
				}
				if (previous >= 0 && number <= previous) {
					outOfOrder++;
				}
				if (previousNanos >= 0) {
					perTopic.add(this.nanos[i] - previousNanos, this.epoch[i] != previousEpoch);
				}
				previous = number;
				previousNanos = this.nanos[i];
				previousEpoch = this.epoch[i];
			}
			if (count > 0) {
				lost += (last - first + 1) - distinct;
				duplicated += count - distinct;
			}
		}
		Gaps feed = new Gaps();
		for (int i = 1; i < this.size; i++) {
			feed.add(this.nanos[i] - this.nanos[i - 1], this.epoch[i] != this.epoch[i - 1]);
		}
		return new Figures(this.size, lost, duplicated, outOfOrder, perTopic, feed);
	}

	/**
	 * Told each message recorded.
	 */
	@FunctionalInterface
	public interface Visitor {

		/**
		 * One message.
		 * @param topic the index of its topic, in the order the log was created with
		 * @param number its number in the topic, {@code -1} when it had none
		 * @param nanos when it arrived, on {@link System#nanoTime()}
		 * @param connection the connection it came on, {@code -1} when unknown
		 */
		void arrival(int topic, long number, long nanos, long connection);

	}

	/**
	 * The longest silences, at a change of connection and elsewhere.
	 */
	public static final class Gaps {

		private long atConnectionChange;

		private long elsewhere;

		void add(long gapNanos, boolean connectionChanged) {
			if (connectionChanged) {
				this.atConnectionChange = Math.max(this.atConnectionChange, gapNanos);
			}
			else {
				this.elsewhere = Math.max(this.elsewhere, gapNanos);
			}
		}

		/**
		 * Return the longest gap between two messages that came on different connections.
		 * @return nanoseconds
		 */
		public long atConnectionChange() {
			return this.atConnectionChange;
		}

		/**
		 * Return the longest gap between two messages that came on the same connection.
		 * @return nanoseconds
		 */
		public long elsewhere() {
			return this.elsewhere;
		}

		/**
		 * Return the longest gap.
		 * @return nanoseconds
		 */
		public long longest() {
			return Math.max(this.atConnectionChange, this.elsewhere);
		}

	}

	/**
	 * What the log shows.
	 *
	 * @param received messages recorded
	 * @param lost sequence numbers missing between the first and last recorded, summed
	 * over topics
	 * @param duplicated messages recorded more than once
	 * @param outOfOrder messages recorded after a later one of their topic
	 * @param perTopic the longest gaps within a topic
	 * @param feed the longest gaps across the whole feed
	 */
	public record Figures(long received, long lost, long duplicated, long outOfOrder, Gaps perTopic, Gaps feed) {

	}

}
