package io.github.settrademqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.test.SimulatorPayloads;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Records what the feed delivers, per topic, with the simulator's sequence numbers, so
 * tests can count what was lost and what came twice.
 */
public final class FeedRecorder implements MessageHandler {

	private final Map<String, List<Long>> sequences = new ConcurrentHashMap<>();

	private final List<Message<?>> messages = new CopyOnWriteArrayList<>();

	@Override
	public void handleMessage(Message<?> message) {
		this.messages.add(message);
		String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
		SimulatorPayloads.sequence((byte[]) message.getPayload())
			.ifPresent((sequence) -> this.sequences.computeIfAbsent(topic, (key) -> new CopyOnWriteArrayList<>())
				.add(sequence));
	}

	public List<Long> sequences(String topic) {
		return new ArrayList<>(this.sequences.getOrDefault(topic, List.of()));
	}

	public int count(String topic) {
		return sequences(topic).size();
	}

	public List<Message<?>> messages() {
		return this.messages;
	}

	/**
	 * Count the sequence numbers missing between the first and the last received.
	 */
	public long lost(String topic) {
		List<Long> received = sequences(topic);
		if (received.isEmpty()) {
			return 0;
		}
		long span = received.get(received.size() - 1) - received.get(0) + 1;
		return span - received.stream().distinct().count();
	}

	public long duplicated(String topic) {
		List<Long> received = sequences(topic);
		return received.size() - received.stream().distinct().count();
	}

	public boolean inOrder(String topic) {
		List<Long> received = sequences(topic);
		for (int i = 1; i < received.size(); i++) {
			if (received.get(i) <= received.get(i - 1)) {
				return false;
			}
		}
		return true;
	}

}
