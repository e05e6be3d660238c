package io.github.settrademqtt.connection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HandOverGate}: only the delivering connection's messages pass, and an
 * overlap hands over with no message lost and none twice, whatever the interleaving.
 */
class HandOverGateTests {

	private static final String TOPIC = "proto/topic/bidofferv3/PTT";

	private static final HandOverGate.Received RECEIVED = new HandOverGate.Received(Instant.EPOCH, 42);

	private static final long SETTLE = Duration.ofMillis(300).toNanos();

	private static final BooleanSupplier OPEN = () -> true;

	private static final BooleanSupplier CLOSED = () -> false;

	private final List<Message<?>> delivered = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final HandOverGate gate = recordingGate();

	private HandOverGate recordingGate() {
		return new HandOverGate(this.delivered::add, this.nanos::get);
	}

	@Test
	void deliversOnlyTheDeliveringConnectionWithItsFacts() {
		this.gate.deliverFrom(facts(1));
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(2), RECEIVED);
		this.gate.close();
		this.gate.accept(1, TOPIC, message(3), RECEIVED);
		assertThat(sequences()).containsExactly(1);
		assertThat(this.delivered.get(0).getHeaders().get(SettradeMqttHeaders.EPOCH)).isEqualTo(1L);
		assertThat(this.delivered.get(0).getHeaders().get(SettradeMqttHeaders.SESSION)).isEqualTo(facts(1));
		assertThat(this.gate.supersededCount()).isEqualTo(2);
	}

	@Test
	void oldAheadOfNewHandsOverWithoutDuplicates() {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		range(1, 7).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		range(5, 7).forEach((seq) -> this.gate.accept(2, TOPIC, message(seq), RECEIVED));
		overlap.handOver(facts(2), SETTLE);
		this.gate.accept(1, TOPIC, message(8), RECEIVED);
		range(8, 10).forEach((seq) -> this.gate.accept(2, TOPIC, message(seq), RECEIVED));
		assertThat(sequences()).containsExactlyElementsOf(range(1, 10));
		assertThat(this.delivered.get(9).getHeaders().get(SettradeMqttHeaders.EPOCH)).isEqualTo(2L);
	}

	@Test
	void newAheadOfOldDeliversWhatItHeldBackAtHandOver() {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		range(1, 4).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		range(5, 8).forEach((seq) -> this.gate.accept(2, TOPIC, message(seq), RECEIVED));
		range(5, 6).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		overlap.handOver(facts(2), SETTLE);
		range(7, 8).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		range(9, 10).forEach((seq) -> this.gate.accept(2, TOPIC, message(seq), RECEIVED));
		assertThat(sequences()).containsExactlyElementsOf(range(1, 10));
	}

	@Test
	void onceTheOverlapEndsOnlyTheNewConnectionDelivers() {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		overlap.handOver(facts(2), SETTLE);
		overlap.end();
		this.gate.accept(1, TOPIC, message(2), RECEIVED);
		this.gate.accept(2, TOPIC, message(2), RECEIVED);
		assertThat(sequences()).containsExactly(1, 2);
	}

	@Test
	void anOverlapEndedWithoutAHandOverLeavesTheOldConnectionDelivering() {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		overlap.end();
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(2), RECEIVED);
		assertThat(sequences()).containsExactly(1);
	}

	@Test
	void everyInterleavingDeliversEachMessageOnceInOrder() {
		Random random = new Random(20261126);
		for (int trial = 0; trial < 2000; trial++) {
			this.delivered.clear();
			HandOverGate gate = recordingGate();
			int total = 5 + random.nextInt(60);
			int newStartsAt = 1 + random.nextInt(total - 2);
			runTrial(gate, random, total, newStartsAt);
			assertThat(sequences()).as("trial %d: %d messages, new subscribed before #%d", trial, total, newStartsAt)
				.containsExactlyElementsOf(range(1, total));
		}
	}

	/**
	 * Both connections receive their streams in order but interleaved at random; the
	 * hand-over comes at a random moment once the streams have lined up, as the
	 * connection waits for that.
	 */
	private void runTrial(HandOverGate gate, Random random, int total, int newStartsAt) {
		gate.deliverFrom(facts(1));
		int old = 1;
		// the old connection is somewhere before the new one's first message when it
		// opens
		int oldBeforeOverlap = random.nextInt(newStartsAt);
		while (old <= oldBeforeOverlap) {
			gate.accept(1, TOPIC, message(old++), RECEIVED);
		}
		HandOverGate.Overlap overlap = gate.beginOverlap(2);
		overlap.subscribing();
		int next = newStartsAt;
		boolean handedOver = false;
		boolean oldClosed = false;
		while (next <= total) {
			boolean aligned = sequences().contains(newStartsAt) && next > newStartsAt;
			if (!handedOver && aligned && random.nextInt(4) == 0) {
				overlap.handOver(facts(2), SETTLE);
				handedOver = true;
			}
			if (handedOver && !oldClosed && random.nextInt(3) == 0) {
				oldClosed = true;
			}
			boolean fromOld = !oldClosed && old <= total && random.nextBoolean();
			if (fromOld) {
				gate.accept(1, TOPIC, message(old++), RECEIVED);
			}
			else {
				gate.accept(2, TOPIC, message(next++), RECEIVED);
			}
		}
		if (!handedOver) {
			while (old <= total) {
				gate.accept(1, TOPIC, message(old++), RECEIVED);
			}
			overlap.handOver(facts(2), SETTLE);
		}
	}

	@Test
	void alignedOnceEveryBusyTopicMatchedOrQuietForTheSettleTime() throws InterruptedException {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		this.gate.accept(1, "proto/topic/infov3/AOT", message(1), RECEIVED);
		overlap.subscribed(List.of(TOPIC, "proto/topic/infov3/AOT", "proto/topic/infov3/CPALL"));
		assertThat(await(overlap)).as("AOT busy since the subscription, not matched")
			.isEqualTo(HandOverGate.Alignment.TIMED_OUT);
		this.nanos.addAndGet(SETTLE);
		assertThat(await(overlap)).as("AOT quiet for the settle time").isEqualTo(HandOverGate.Alignment.ALIGNED);
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		assertThat(await(overlap)).as("PTT busy, not matched").isEqualTo(HandOverGate.Alignment.TIMED_OUT);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		assertThat(await(overlap)).as("PTT matched").isEqualTo(HandOverGate.Alignment.ALIGNED);
		this.gate.accept(1, "proto/topic/infov3/CPALL", message(1), RECEIVED);
		assertThat(await(overlap)).as("CPALL busy, not matched").isEqualTo(HandOverGate.Alignment.TIMED_OUT);
		assertThat(overlap.awaitAligned(SETTLE, this.nanos.get(), OPEN, CLOSED)).as("new connection closed")
			.isEqualTo(HandOverGate.Alignment.NEW_CLOSED);
		assertThat(overlap.awaitAligned(SETTLE, this.nanos.get(), CLOSED, OPEN)).as("old connection closed")
			.isEqualTo(HandOverGate.Alignment.OLD_CLOSED);
		this.nanos.addAndGet(SETTLE);
		assertThat(await(overlap)).as("CPALL quiet for the settle time").isEqualTo(HandOverGate.Alignment.ALIGNED);
	}

	@Test
	void topicsTheNewConnectionDoesNotHoldNeverHoldUpTheHandOver() throws InterruptedException {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		this.gate.accept(1, "proto/topic/infov3/REFUSED", message(1), RECEIVED);
		overlap.subscribed(List.of(TOPIC));
		this.nanos.addAndGet(SETTLE);
		this.gate.accept(1, "proto/topic/infov3/REFUSED", message(2), RECEIVED);
		assertThat(await(overlap)).isEqualTo(HandOverGate.Alignment.ALIGNED);
	}

	/**
	 * X goes S1 to S2 while the new connection opens, the new one takes over, X returns
	 * to S1: the new connection's S1 is a new message, not the old one's S1 again. The
	 * old gate matched it against everything the old connection ever delivered during the
	 * overlap and dropped it, pinning S2 in the application.
	 */
	@Test
	void aBookThatReturnsToAnEarlierStateAfterTheHandOverIsDelivered() throws InterruptedException {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(1, TOPIC, message(2), RECEIVED);
		overlap.subscribing();
		overlap.subscribed(List.of(TOPIC));
		assertThat(await(overlap)).as("just subscribed: the old connection may have more on its way")
			.isEqualTo(HandOverGate.Alignment.TIMED_OUT);
		this.nanos.addAndGet(SETTLE);
		assertThat(await(overlap)).isEqualTo(HandOverGate.Alignment.ALIGNED);
		overlap.handOver(facts(2), SETTLE);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		assertThat(sequences()).containsExactly(1, 2, 1);
	}

	/**
	 * The same, with the old connection's S1 and S2 published after the new SUBSCRIBE
	 * went out but before the broker held it, so that only the old connection had them: a
	 * topic that never lined up and has been quiet for the settle time forgets them at
	 * the hand-over.
	 */
	@Test
	void aQuietTopicThatNeverLinedUpForgetsTheOldStreamAtTheHandOver() throws InterruptedException {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(1, TOPIC, message(2), RECEIVED);
		overlap.subscribed(List.of(TOPIC));
		this.nanos.addAndGet(SETTLE);
		assertThat(await(overlap)).isEqualTo(HandOverGate.Alignment.ALIGNED);
		overlap.handOver(facts(2), SETTLE);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(2), RECEIVED);
		overlap.end();
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		assertThat(sequences()).containsExactly(1, 2, 1, 2, 1);
	}

	/**
	 * Once lined up, a new message is compared with the oldest unmatched one only: the
	 * old connection delivered 3 and 1 that the new one had not shown at the hand-over;
	 * the new one's 3 and 1 are those, but its next 1 is a new message.
	 */
	@Test
	void aLinedUpTopicComparesWithTheOldestUnmatchedMessageOnly() throws InterruptedException {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		range(1, 3).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		this.gate.accept(1, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(2), RECEIVED);
		overlap.subscribed(List.of(TOPIC));
		overlap.handOver(facts(2), SETTLE);
		this.gate.accept(2, TOPIC, message(3), RECEIVED);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		this.gate.accept(2, TOPIC, message(1), RECEIVED);
		assertThat(sequences()).containsExactly(1, 2, 3, 1, 1);
	}

	@Test
	void memoryPerTopicIsBounded() {
		this.gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = this.gate.beginOverlap(2);
		overlap.subscribing();
		range(1, 3 * HandOverGate.MAX_REMEMBERED).forEach((seq) -> this.gate.accept(1, TOPIC, message(seq), RECEIVED));
		range(-3 * HandOverGate.MAX_REMEMBERED, -1)
			.forEach((seq) -> this.gate.accept(2, TOPIC, message(seq), RECEIVED));
		assertThat(overlap.remembered(TOPIC)).isEqualTo(2 * HandOverGate.MAX_REMEMBERED);
	}

	private HandOverGate.Alignment await(HandOverGate.Overlap overlap) throws InterruptedException {
		return overlap.awaitAligned(SETTLE, this.nanos.get(), OPEN, OPEN);
	}

	private List<Integer> sequences() {
		return this.delivered.stream()
			.map((message) -> Integer.parseInt(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)))
			.toList();
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

	private static MqttMessage message(int sequence) {
		return new MqttMessage(Integer.toString(sequence).getBytes(StandardCharsets.UTF_8));
	}

	private static SessionFacts facts(long epoch) {
		return new SessionFacts(epoch, (epoch == 1) ? SessionChange.INITIAL : SessionChange.ROTATION, Duration.ZERO,
				Instant.EPOCH);
	}

}
