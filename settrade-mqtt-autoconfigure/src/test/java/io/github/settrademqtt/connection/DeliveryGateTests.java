package io.github.settrademqtt.connection;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DeliveryGate}: only the delivering connection's messages pass, and an
 * overlap hands over with no message lost and none twice, whatever the interleaving.
 */
class DeliveryGateTests {

	private static final String TOPIC = "proto/topic/bidofferv3/PTT";

	private static final DeliveryGate.Received RECEIVED = new DeliveryGate.Received(Instant.EPOCH, 42);

	private final List<Message<?>> delivered = new ArrayList<>();

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final DeliveryGate gate = recordingGate();

	private DeliveryGate recordingGate() {
		return new DeliveryGate(new DeliveryGate.Downstream() {

			@Override
			public void deliver(Message<?> message) {
				DeliveryGateTests.this.delivered.add(message);
			}

			@Override
			public void failed(Message<?> message, RuntimeException ex) {
				throw new AssertionError(ex);
			}

		}, this.nanos::get);
	}

	@Test
	void deliversOnlyTheDeliveringConnectionWithItsFacts() {
		this.gate.deliverFrom(facts(1));
		this.gate.accept(1, message(TOPIC, 1), RECEIVED);
		this.gate.accept(2, message(TOPIC, 2), RECEIVED);
		this.gate.close();
		this.gate.accept(1, message(TOPIC, 3), RECEIVED);
		assertThat(sequences()).containsExactly(1);
		assertThat(this.delivered.get(0).getHeaders().get(SettradeMqttHeaders.EPOCH)).isEqualTo(1L);
		assertThat(this.delivered.get(0).getHeaders().get(SettradeMqttHeaders.SESSION)).isEqualTo(facts(1));
		assertThat(this.gate.supersededCount()).isEqualTo(2);
	}

	@Test
	void oldAheadOfNewHandsOverWithoutDuplicates() {
		this.gate.deliverFrom(facts(1));
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(2);
		range(1, 7).forEach((seq) -> this.gate.accept(1, message(TOPIC, seq), RECEIVED));
		range(5, 7).forEach((seq) -> this.gate.accept(2, message(TOPIC, seq), RECEIVED));
		overlap.handOver(facts(2));
		this.gate.accept(1, message(TOPIC, 8), RECEIVED);
		range(8, 10).forEach((seq) -> this.gate.accept(2, message(TOPIC, seq), RECEIVED));
		assertThat(sequences()).containsExactlyElementsOf(range(1, 10));
		assertThat(this.delivered.get(9).getHeaders().get(SettradeMqttHeaders.EPOCH)).isEqualTo(2L);
	}

	@Test
	void newAheadOfOldDeliversWhatItHeldBackAtHandOver() {
		this.gate.deliverFrom(facts(1));
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(2);
		range(1, 4).forEach((seq) -> this.gate.accept(1, message(TOPIC, seq), RECEIVED));
		range(5, 8).forEach((seq) -> this.gate.accept(2, message(TOPIC, seq), RECEIVED));
		range(5, 6).forEach((seq) -> this.gate.accept(1, message(TOPIC, seq), RECEIVED));
		overlap.handOver(facts(2));
		range(7, 8).forEach((seq) -> this.gate.accept(1, message(TOPIC, seq), RECEIVED));
		range(9, 10).forEach((seq) -> this.gate.accept(2, message(TOPIC, seq), RECEIVED));
		assertThat(sequences()).containsExactlyElementsOf(range(1, 10));
	}

	@Test
	void afterFinishOnlyTheNewConnectionDelivers() {
		this.gate.deliverFrom(facts(1));
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(2);
		this.gate.accept(1, message(TOPIC, 1), RECEIVED);
		this.gate.accept(2, message(TOPIC, 1), RECEIVED);
		overlap.handOver(facts(2));
		overlap.finish();
		this.gate.accept(1, message(TOPIC, 2), RECEIVED);
		this.gate.accept(2, message(TOPIC, 2), RECEIVED);
		assertThat(sequences()).containsExactly(1, 2);
	}

	@Test
	void cancelledOverlapLeavesTheOldConnectionDelivering() {
		this.gate.deliverFrom(facts(1));
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(2);
		this.gate.accept(2, message(TOPIC, 1), RECEIVED);
		overlap.cancel();
		this.gate.accept(1, message(TOPIC, 1), RECEIVED);
		this.gate.accept(2, message(TOPIC, 2), RECEIVED);
		assertThat(sequences()).containsExactly(1);
	}

	@Test
	void everyInterleavingDeliversEachMessageOnceInOrder() {
		Random random = new Random(20261126);
		for (int trial = 0; trial < 2000; trial++) {
			this.delivered.clear();
			DeliveryGate gate = recordingGate();
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
	private void runTrial(DeliveryGate gate, Random random, int total, int newStartsAt) {
		gate.deliverFrom(facts(1));
		int old = 1;
		// the old connection is somewhere before the new one's first message when it
		// opens
		int oldBeforeOverlap = random.nextInt(newStartsAt);
		while (old <= oldBeforeOverlap) {
			gate.accept(1, message(TOPIC, old++), RECEIVED);
		}
		DeliveryGate.Overlap overlap = gate.beginOverlap(2);
		int next = newStartsAt;
		boolean handedOver = false;
		boolean oldClosed = false;
		while (next <= total) {
			boolean aligned = sequences().contains(newStartsAt) && next > newStartsAt;
			if (!handedOver && aligned && random.nextInt(4) == 0) {
				overlap.handOver(facts(2));
				handedOver = true;
			}
			if (handedOver && !oldClosed && random.nextInt(3) == 0) {
				oldClosed = true;
			}
			boolean fromOld = !oldClosed && old <= total && random.nextBoolean();
			if (fromOld) {
				gate.accept(1, message(TOPIC, old++), RECEIVED);
			}
			else {
				gate.accept(2, message(TOPIC, next++), RECEIVED);
			}
		}
		if (!handedOver) {
			while (old <= total) {
				gate.accept(1, message(TOPIC, old++), RECEIVED);
			}
			overlap.handOver(facts(2));
		}
	}

	@Test
	void alignedOnceEveryBusyTopicMatchedAndQuietTopicsSettled() throws InterruptedException {
		long settle = Duration.ofMillis(300).toNanos();
		this.gate.deliverFrom(facts(1));
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(2);
		this.gate.accept(1, message("proto/topic/infov3/AOT", 1), RECEIVED);
		overlap.newSubscribed();
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("settling").isFalse();
		this.nanos.addAndGet(settle);
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("AOT quiet since before the subscription")
			.isTrue();
		this.gate.accept(1, message(TOPIC, 1), RECEIVED);
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("PTT busy, not matched").isFalse();
		this.gate.accept(2, message(TOPIC, 1), RECEIVED);
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("PTT matched").isTrue();
		this.gate.accept(1, message("proto/topic/infov3/CPALL", 1), RECEIVED);
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("CPALL busy, not matched").isFalse();
		this.nanos.addAndGet(settle);
		assertThat(overlap.awaitAligned(settle, this.nanos.get())).as("CPALL quiet for the settle time").isTrue();
	}

	private List<Integer> sequences() {
		return this.delivered.stream()
			.map((message) -> Integer.parseInt(new String((byte[]) message.getPayload(), StandardCharsets.UTF_8)))
			.toList();
	}

	private static List<Integer> range(int from, int to) {
		return IntStream.rangeClosed(from, to).boxed().toList();
	}

	private static Message<byte[]> message(String topic, int sequence) {
		return MessageBuilder.withPayload(Integer.toString(sequence).getBytes(StandardCharsets.UTF_8))
			.setHeader(SettradeMqttHeaders.TOPIC, topic)
			.build();
	}

	private static SessionFacts facts(long epoch) {
		return new SessionFacts(epoch, (epoch == 1) ? SessionChange.INITIAL : SessionChange.ROTATION, Duration.ZERO,
				Instant.EPOCH);
	}

}
