package io.github.settrademqtt.cluster.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.connection.SubscriptionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LeaderAnswers}.
 */
class LeaderAnswersTests {

	@Test
	void answersSurviveTheirRecordWithTheReasonOfARefusedTopicOnOneLine() {
		Map<String, SubscriptionState> states = new LinkedHashMap<>();
		states.put("t/a", SubscriptionState.ACTIVE);
		states.put("t/b", SubscriptionState.FAILED);
		states.put("t/c", SubscriptionState.PENDING);
		byte[] value = LeaderAnswers.encode(states, Map.of("t/b", "Not\tauthorized\nfor t/b"));
		assertThat(new String(value, StandardCharsets.UTF_8))
			.isEqualTo("t/a\tACTIVE\nt/b\tFAILED\tNot authorized for t/b\nt/c\tPENDING");
		assertThat(LeaderAnswers.decode(value)).containsExactly(
				Map.entry("t/a", new LeaderAnswers.Answer(SubscriptionState.ACTIVE, null)),
				Map.entry("t/b", new LeaderAnswers.Answer(SubscriptionState.FAILED, "Not authorized for t/b")),
				Map.entry("t/c", new LeaderAnswers.Answer(SubscriptionState.PENDING, null)));
	}

	@Test
	void aLineWithAnUnknownStateOrNoStateIsSkippedAndTheOthersCount() {
		byte[] value = "t/a\tACTIVE\nt/b\tSUSPENDED\nt/c\n\nt/d\tFAILED\tgone".getBytes(StandardCharsets.UTF_8);
		assertThat(LeaderAnswers.decode(value)).containsOnlyKeys("t/a", "t/d");
		assertThat(LeaderAnswers.decode(null)).isEmpty();
	}

}
