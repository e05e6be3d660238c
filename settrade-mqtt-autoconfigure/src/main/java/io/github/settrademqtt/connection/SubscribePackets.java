package io.github.settrademqtt.connection;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits topics into SUBSCRIBE (or UNSUBSCRIBE) packets of a size every broker accepts.
 * MQTT allows a packet of 256 MB, but brokers cap it far lower (Moquette at 8 KB, others
 * at a few KB or a few filters) and close the connection on a larger one: a thousand
 * order books in one SUBSCRIBE is about 29 KB, so one packet would lose the connection
 * again on every attempt.
 *
 * @author settrade-mqtt
 */
final class SubscribePackets {

	/**
	 * The most topic filters in one packet.
	 */
	static final int MAX_TOPICS = 100;

	/**
	 * The most bytes of topic filters (each with its length prefix and QoS byte) in one
	 * packet.
	 */
	static final int MAX_BYTES = 4096;

	private SubscribePackets() {
	}

	/**
	 * Split topics into batches, none empty, keeping their order.
	 */
	static List<List<String>> of(List<String> topics) {
		List<List<String>> batches = new ArrayList<>();
		List<String> batch = new ArrayList<>();
		int bytes = 0;
		for (String topic : topics) {
			int size = 3 + topic.getBytes(StandardCharsets.UTF_8).length;
			if (!batch.isEmpty() && (batch.size() == MAX_TOPICS || bytes + size > MAX_BYTES)) {
				batches.add(batch);
				batch = new ArrayList<>();
				bytes = 0;
			}
			batch.add(topic);
			bytes += size;
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

}
