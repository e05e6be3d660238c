package io.github.settrademqtt.cluster.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.connection.SubscriptionState;
import org.jspecify.annotations.Nullable;

/**
 * The leader's record on the claims topic of what its connection's broker answered for
 * every topic it subscribes, so that a follower, which holds no connection, knows the
 * state of its own topics: one line per topic, the topic, its state and, for a refused
 * one, the reason, separated by tabs.
 *
 * @author settrade-mqtt
 */
final class LeaderAnswers {

	/**
	 * The record's key: no replica id starts with {@code @}.
	 */
	static final String KEY = "@leader-answers";

	private LeaderAnswers() {
	}

	/**
	 * Encode the leader's answers.
	 * @param states each topic's state
	 * @param reasons each refused topic's reason
	 * @return the record's value
	 */
	static byte[] encode(Map<String, SubscriptionState> states, Map<String, String> reasons) {
		StringBuilder value = new StringBuilder();
		states.forEach((topic, state) -> {
			if (!value.isEmpty()) {
				value.append('\n');
			}
			value.append(topic).append('\t').append(state.name());
			String reason = reasons.get(topic);
			if (state == SubscriptionState.FAILED && reason != null) {
				// a reason is one field of one line
				value.append('\t').append(reason.replaceAll("[\\t\\r\\n]+", " "));
			}
		});
		return value.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Decode the leader's answers. A line that names no known state is skipped: the
	 * others still count.
	 * @param value the record's value, {@code null} for none
	 * @return each topic's answer
	 */
	static Map<String, Answer> decode(byte @Nullable [] value) {
		Map<String, Answer> answers = new LinkedHashMap<>();
		if (value == null) {
			return answers;
		}
		for (String line : new String(value, StandardCharsets.UTF_8).split("\n")) {
			String[] fields = line.split("\t", 3);
			if (fields.length < 2 || fields[0].isBlank()) {
				continue;
			}
			try {
				SubscriptionState state = SubscriptionState.valueOf(fields[1]);
				answers.put(fields[0], new Answer(state, (fields.length == 3) ? fields[2] : null));
			}
			catch (IllegalArgumentException ex) {
				// a state a later version added: the topic stays as it is
			}
		}
		return answers;
	}

	/**
	 * The leader's answer for one topic.
	 *
	 * @param state the topic's state on the leader's connection
	 * @param reason why it was refused, for {@code FAILED}
	 */
	record Answer(SubscriptionState state, @Nullable String reason) {

	}

}
