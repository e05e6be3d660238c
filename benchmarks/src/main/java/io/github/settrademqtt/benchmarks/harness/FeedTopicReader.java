package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.cluster.kafka.FeedRecords;
import io.github.settrademqtt.test.SimulatorPayloads;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the leaders of a cluster published to its feed topic, read back from Kafka on a
 * consumer of the harness's own: the sequence number of every message of each Settrade
 * topic, whichever leader published it. At QoS 0 the broker may drop a message before it
 * reaches the leader; this is what a replica can be expected to deliver. Read on the
 * caller's thread, up to where the topic ends at each call, so that reading between
 * hand-overs keeps ahead of the topic's compaction.
 *
 * @author settrade-mqtt
 */
public final class FeedTopicReader implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private final Map<String, Integer> topics = new HashMap<>();

	private final BitSet[] published;

	private final KafkaConsumer<String, byte[]> consumer;

	private final List<TopicPartition> partitions;

	private long twice;

	/**
	 * Start reading a feed topic from its beginning.
	 * @param bootstrapServers the Kafka broker
	 * @param feedTopic the feed topic, which must exist
	 * @param topics the Settrade topics to record, indexed as the feed's; others are
	 * ignored
	 */
	public FeedTopicReader(String bootstrapServers, String feedTopic, List<String> topics) {
		for (int i = 0; i < topics.size(); i++) {
			this.topics.put(topics.get(i), i);
		}
		this.published = new BitSet[topics.size()];
		for (int i = 0; i < this.published.length; i++) {
			this.published[i] = new BitSet();
		}
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
				new StringDeserializer(), new ByteArrayDeserializer());
		this.partitions = this.consumer.partitionsFor(feedTopic)
			.stream()
			.map((info) -> new TopicPartition(feedTopic, info.partition()))
			.toList();
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/**
	 * Read on up to where the topic ends now.
	 * @return this reader
	 */
	public synchronized FeedTopicReader readToEnd() {
		Map<TopicPartition, Long> ends = this.consumer.endOffsets(this.partitions);
		while (this.partitions.stream()
			.anyMatch((partition) -> this.consumer.position(partition) < ends.get(partition))) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(POLL)) {
				if (FeedRecords.read(record) instanceof FeedRecords.Message message) {
					Integer topic = this.topics.get(message.topic());
					long sequence = SimulatorPayloads.sequence(message.payload()).orElse(-1);
					if (topic != null && sequence > 0) {
						if (this.published[topic].get((int) sequence)) {
							this.twice++;
						}
						this.published[topic].set((int) sequence);
					}
				}
			}
		}
		return this;
	}

	/**
	 * Return whether a leader published a message, as far as read.
	 * @param topic the index of its topic
	 * @param sequence its sequence number
	 * @return whether the topic holds it
	 */
	public synchronized boolean contains(int topic, long sequence) {
		return this.published[topic].get((int) sequence);
	}

	/**
	 * Visit every message read, each once.
	 * @param visitor told the index of each message's topic and its sequence number
	 */
	public synchronized void forEach(Visitor visitor) {
		for (int topic = 0; topic < this.published.length; topic++) {
			BitSet sequences = this.published[topic];
			for (int sequence = sequences.nextSetBit(0); sequence >= 0; sequence = sequences.nextSetBit(sequence + 1)) {
				visitor.message(topic, sequence);
			}
		}
	}

	/**
	 * Return how many messages were on the topic more than once.
	 * @return the count
	 */
	public synchronized long twice() {
		return this.twice;
	}

	@Override
	public synchronized void close() {
		this.consumer.close();
	}

	/**
	 * Told each message read.
	 */
	@FunctionalInterface
	public interface Visitor {

		/**
		 * One message.
		 * @param topic the index of its topic
		 * @param sequence its sequence number
		 */
		void message(int topic, long sequence);

	}

}
