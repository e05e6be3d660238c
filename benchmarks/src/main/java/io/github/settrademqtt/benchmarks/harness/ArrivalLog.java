package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.test.SimulatorPayloads;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Records every message the starter's raw channel carries while recording is on: its
 * topic, the simulator's per-topic sequence number, when it arrived and on which
 * connection (epoch). From that: what was lost, duplicated or out of order, and the
 * longest silence, per topic and across the feed, at a change of connection and
 * elsewhere.
 *
 * @author settrade-mqtt
 */
public final class ArrivalLog implements MessageHandler {

	private final Map<String, Integer> topics = new ConcurrentHashMap<>();

	private final List<String> topicNames;

	private final long[] firstArrival;

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
	}

	@Override
	public void handleMessage(Message<?> message) {
		long now = System.nanoTime();
		Integer index = this.topics.get(message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class));
		if (index == null || !(message.getPayload() instanceof byte[] payload)) {
			return;
		}
		if (this.firstArrival[index] == 0) {
			this.firstArrival[index] = now;
		}
		if (!this.recording) {
			return;
		}
		Long connection = message.getHeaders().get(SettradeMqttHeaders.EPOCH, Long.class);
		long number = SimulatorPayloads.sequence(payload).orElse(-1);
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
			this.epoch[this.size] = (connection != null) ? connection : -1;
			this.size++;
		}
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
