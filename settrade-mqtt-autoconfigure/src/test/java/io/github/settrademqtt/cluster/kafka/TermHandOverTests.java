package io.github.settrademqtt.cluster.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TermHandOver}: one topic's stream, received by two leaders'
 * connections from some point on, interleaved as Kafka may append them.
 */
class TermHandOverTests {

	private static final long OLD = 0;

	private static final long NEW = 7;

	private static final String TOPIC = "proto/topic/bidofferv3/PTT";

	private final TermHandOver handOver = new TermHandOver(OLD, NEW);

	private final List<String> delivered = new ArrayList<>();

	@Test
	void theNewTermMeetingADeliveredMessageSwitchesAndItsRepeatsAreDropped() {
		old("m1", "m2", "m3", "m4");
		fresh("m3", "m4", "m5");
		old("m5", "m6");
		fresh("m6", "m7");
		assertThat(this.delivered).containsExactly("m1", "m2", "m3", "m4", "m5", "m6", "m7");
	}

	@Test
	void aNewTermAheadOfTheOldWaitsUntilTheOldMeetsIt() {
		old("m1");
		fresh("m2", "m3", "m4");
		assertThat(this.delivered).containsExactly("m1");
		old("m2");
		assertThat(this.delivered).containsExactly("m1", "m2", "m3", "m4");
		old("m3", "m4");
		fresh("m5");
		assertThat(this.delivered).containsExactly("m1", "m2", "m3", "m4", "m5");
	}

	@Test
	void finishingReleasesWaitingMessagesOfATopicThatNeverMet() {
		old("m1", "m2");
		fresh("m4", "m5");
		assertThat(this.handOver.isAligned()).isFalse();
		release(this.handOver.finish(0));
		assertThat(this.delivered).containsExactly("m1", "m2", "m4", "m5");
		old("m3");
		assertThat(this.delivered).containsExactly("m1", "m2", "m4", "m5");
	}

	@Test
	void aTopicFinishedBeforeMeetingStillDropsWhatTheOldTermDelivered() {
		old("m1", "m2", "m3");
		assertThat(this.handOver.isAligned()).isTrue();
		release(this.handOver.finish(0));
		repeatCheckedFresh("m2", "m3", "m4");
		assertThat(this.delivered).containsExactly("m1", "m2", "m3", "m4");
	}

	@Test
	void aFirstNewMessageAfterTheFinishThatTheOldTermNeverDeliveredIsDelivered() {
		old("m1", "m2");
		release(this.handOver.finish(0));
		repeatCheckedFresh("m3", "m4");
		assertThat(this.delivered).containsExactly("m1", "m2", "m3", "m4");
	}

	@Test
	void everyMessageIsDeliveredOnceInOrderWhateverTheInterleaving() {
		Random random = new Random(20261201);
		for (int run = 0; run < 2_000; run++) {
			TermHandOver handOver = new TermHandOver(OLD, NEW);
			List<String> delivered = new ArrayList<>();
			int total = 20 + random.nextInt(30);
			// the old connection gets m1 .. m(stop), the new one m(start) .. m(total)
			int start = 1 + random.nextInt(total - 5);
			int stop = start + random.nextInt(total - start);
			int nextOld = 1;
			int nextNew = start;
			while (nextOld <= stop || nextNew <= total) {
				boolean takeOld = nextOld <= stop && (nextNew > total || random.nextBoolean());
				if (takeOld) {
					handOver.offer(0, TOPIC, OLD, message("m" + nextOld++)).forEach((m) -> delivered.add(text(m)));
				}
				else {
					handOver.offer(0, TOPIC, NEW, message("m" + nextNew++)).forEach((m) -> delivered.add(text(m)));
				}
			}
			handOver.finish(0).forEach((m) -> delivered.add(text(m)));
			List<String> expected = new ArrayList<>();
			for (int i = 1; i <= total; i++) {
				expected.add("m" + i);
			}
			assertThat(delivered).as("run %d: old m1..m%d, new m%d..m%d", run, stop, start, total).isEqualTo(expected);
		}
	}

	private void old(String... payloads) {
		for (String payload : payloads) {
			release(this.handOver.offer(0, TOPIC, OLD, message(payload)));
		}
	}

	private void fresh(String... payloads) {
		for (String payload : payloads) {
			release(this.handOver.offer(0, TOPIC, NEW, message(payload)));
		}
	}

	/**
	 * New-term messages after the hand-over, as the follower passes them: only the repeat
	 * check.
	 */
	private void repeatCheckedFresh(String... payloads) {
		for (String payload : payloads) {
			if (!this.handOver.isRepeat(TOPIC, payload.getBytes(StandardCharsets.UTF_8))) {
				this.delivered.add(payload);
			}
		}
	}

	private void release(List<Message<byte[]>> messages) {
		messages.forEach((message) -> this.delivered.add(text(message)));
	}

	private static Message<byte[]> message(String payload) {
		return new GenericMessage<>(payload.getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Message<byte[]> message) {
		return new String(message.getPayload(), StandardCharsets.UTF_8);
	}

}
