package io.github.settrademqtt.benchmarks.harness;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.test.SimulatorPayloads;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Counts what the starter's raw channel carries in constant memory, however long the run:
 * per topic, the last sequence number, from which messages lost (a jump) and repeated or
 * out of order (a step back).
 *
 * @author settrade-mqtt
 */
public final class SequenceCounter implements MessageHandler {

	private final Map<String, Integer> topics;

	private final long[] last;

	private final AtomicLong received = new AtomicLong();

	private long lost;

	private long backwards;

	/**
	 * Create a counter of the given topics; others are ignored.
	 * @param topics the topics
	 */
	public SequenceCounter(List<String> topics) {
		this.topics = IntStream.range(0, topics.size()).boxed().collect(Collectors.toMap(topics::get, (i) -> i));
		this.last = new long[topics.size()];
	}

	@Override
	public void handleMessage(Message<?> message) {
		Integer index = this.topics.get(message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class));
		if (index == null || !(message.getPayload() instanceof byte[] payload)) {
			return;
		}
		long sequence = SimulatorPayloads.sequence(payload).orElse(-1);
		synchronized (this) {
			long previous = this.last[index];
			if (previous != 0 && sequence > previous + 1) {
				this.lost += sequence - previous - 1;
			}
			else if (previous != 0 && sequence <= previous) {
				this.backwards++;
			}
			this.last[index] = Math.max(previous, sequence);
		}
		this.received.incrementAndGet();
	}

	/**
	 * Return the number of messages counted.
	 * @return the count
	 */
	public long received() {
		return this.received.get();
	}

	/**
	 * Return the number of sequence numbers skipped, summed over topics.
	 * @return the count
	 */
	public synchronized long lost() {
		return this.lost;
	}

	/**
	 * Return the number of messages that came again or after a later one.
	 * @return the count
	 */
	public synchronized long backwards() {
		return this.backwards;
	}

	/**
	 * Return whether every topic has delivered at least once.
	 * @return whether every topic is flowing
	 */
	public synchronized boolean allTopicsFlowing() {
		for (long sequence : this.last) {
			if (sequence == 0) {
				return false;
			}
		}
		return true;
	}

}
