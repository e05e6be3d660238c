package io.github.settrademqtt.connection;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubscribePackets}.
 */
class SubscribePacketsTests {

	@Test
	void aFewTopicsGoInOnePacket() {
		assertThat(SubscribePackets.of(List.of("a", "b"))).containsExactly(List.of("a", "b"));
		assertThat(SubscribePackets.of(List.of())).isEmpty();
	}

	@Test
	void batchesHoldAtMostOneHundredTopicsInOrder() {
		List<String> topics = IntStream.range(0, 250).mapToObj((i) -> "t" + i).toList();
		List<List<String>> batches = SubscribePackets.of(topics);
		assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
		assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(topics);
	}

	@Test
	void batchesStayWithinFourKilobytesOfFilters() {
		String longTopic = "proto/topic/bidofferv3/" + "X".repeat(977);
		List<List<String>> batches = SubscribePackets
			.of(List.of(longTopic, longTopic, longTopic, longTopic, longTopic));
		// 1,003 bytes each with length prefix and QoS: four fit in 4,096, the fifth does
		// not
		assertThat(batches).extracting(List::size).containsExactly(4, 1);
	}

	@Test
	void aTopicLargerThanTheLimitStillGoesAlone() {
		String huge = "x".repeat(5000);
		assertThat(SubscribePackets.of(List.of("a", huge, "b"))).containsExactly(List.of("a"), List.of(huge),
				List.of("b"));
	}

}
