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
 * overlap hands over with no message lost and none twice, whatever the interleaving; with
 * messages dropped on either connection, none twice and none lost that could be delivered
 * in order.
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

	/**
	 * The broker drops QoS 0 messages under overload, on each connection different ones.
	 * A message the new connection missed was delivered by the old one: the new one's
	 * next message is found further on among what the old one delivered.
	 */
	@Test
	void aMessageTheNewConnectionMissedIsDeliveredOnceByTheOldOne() {
		assertPlays("new behind", "o1 o2 o3 o4 n1 n3 n4 H n5", 1, 2, 3, 4, 5);
		assertPlays("new ahead", "o1 n1 n3 n4 o2 o3 o4 H n5", 1, 2, 3, 4, 5);
		assertPlays("interleaved", "o1 n1 o2 n3 o3 o4 n4 H n5", 1, 2, 3, 4, 5);
		assertPlays("missed before the hand-over, shown after", "o1 n1 o2 o3 H n3 n4", 1, 2, 3, 4);
	}

	/**
	 * A message the old connection missed reaches the application only if the new one
	 * takes over before the old one delivers a later message: the new connection's
	 * messages are delivered only after the hand-over, so 2 cannot come before the old
	 * one's 3 and is lost to keep the order. Nothing the old one delivered comes twice.
	 */
	@Test
	void aMessageTheOldConnectionMissedDuplicatesNothing() {
		assertPlays("old ahead", "o1 n1 o3 o4 n2 n3 n4 H n5", 1, 3, 4, 5);
		assertPlays("old behind", "o1 n1 n2 n3 n4 o3 o4 H n5", 1, 3, 4, 5);
		assertPlays("interleaved", "o1 n1 n2 o3 n3 o4 n4 H n5", 1, 3, 4, 5);
		assertPlays("handed over before the old one passed it", "o1 n1 n2 n3 H o3 n4", 1, 2, 3, 4);
	}

	/**
	 * The same before the streams first lined up: the old connection missed the new one's
	 * first messages, then delivered later ones before or after the new one had them.
	 */
	@Test
	void aGapBeforeTheFirstMatchDuplicatesNothing() {
		assertPlays("old behind", "o0 n1 n2 n3 o2 o3 H n4", 0, 2, 3, 4);
		assertPlays("old ahead", "o0 o2 o3 n1 n2 n3 H n4", 0, 2, 3, 4);
		assertPlays("old ahead after its gap", "o0 n1 n2 o3 n3 o4 n4 H n5", 0, 3, 4, 5);
		assertPlays("the new one's stream starts after its own gap", "o0 o1 o2 n2 n3 o3 H n4", 0, 1, 2, 3, 4);
	}

	/**
	 * Gaps on both sides of one topic: 3 and 6 only the new connection had, each behind a
	 * message the old one delivered before the hand-over; 7 only the old one had.
	 */
	@Test
	void gapsOnBothSidesOfOneTopicDuplicateNothing() {
		assertPlays("in turns", "o1 o2 n2 n3 o4 o5 n5 n6 o7 n8 o8 H n9", 1, 2, 4, 5, 7, 8, 9);
		assertPlays("new ahead", "o1 o2 n2 n3 n5 o4 o5 n6 n8 o7 o8 H n9", 1, 2, 4, 5, 7, 8, 9);
		assertPlays("one by one", "o1 n2 o2 o4 n3 o5 n5 o7 n6 o8 n8 H n9", 1, 2, 4, 5, 7, 8, 9);
	}

	/**
	 * A message the old connection missed that the new one shows only after the hand-over
	 * cannot be told from a message past what the old one delivered (the new connection
	 * missed 3, say): it is delivered, late, rather than lost, and the 3 that follows is
	 * still recognised.
	 */
	@Test
	void aMessageTheOldConnectionMissedShownAfterTheHandOverDuplicatesNothing() {
		assertPlays("the old one missed 2", "o1 n1 o3 H n2 n3 n4", 1, 3, 2, 4);
		assertPlays("the new one missed 2", "o1 n1 o2 H n3 n4", 1, 2, 3, 4);
	}

	/**
	 * After the hand-over, what the old connection delivered and the new one has not
	 * shown within the settle time is one the new one missed: forgotten, so that it
	 * cannot swallow a later message with the same bytes.
	 */
	@Test
	void afterTheHandOverWhatTheNewConnectionMissedIsForgottenOnceTheOldOneIsQuietForTheSettleTime() {
		assertPlays("the new one missed 2, which returns later", "o1 n1 o2 H n3 ~ n2", 1, 2, 3, 2);
	}

	@Test
	void everyInterleavingWithLossOnEitherSideDeliversEachMessageOnceInOrder() {
		Random random = new Random(20261127);
		for (int trial = 0; trial < 5000; trial++) {
			this.delivered.clear();
			HandOverGate gate = recordingGate();
			int total = 5 + random.nextInt(60);
			int newStartsAt = 1 + random.nextInt(total - 2);
			LossyTrial lossy = new LossyTrial(random, random.nextInt(40), random.nextInt(40));
			lossy.run(gate, total, newStartsAt);
			List<Integer> delivered = sequences();
			String description = "trial %d: %d messages, new subscribed before #%d, old missed %s, new missed %s, "
				.formatted(trial, total, newStartsAt, lossy.oldMissed, lossy.newMissed)
					+ "handed over after old #%d: %s".formatted(lossy.oldLastBeforeHandOver, delivered);
			assertThat(delivered).as(description).doesNotHaveDuplicates();
			assertThat(delivered).as(description).containsExactlyInAnyOrderElementsOf(lossy.expected());
			assertThat(delivered.stream().filter((seq) -> !lossy.mayBeLate(seq)).toList()).as(description).isSorted();
		}
	}

	/**
	 * Like {@link #runTrial}, with each connection missing messages at random (a
	 * percentage per connection) and the hand-over at a random moment once the new
	 * connection received something, lined up or not.
	 */
	private static final class LossyTrial {

		private final Random random;

		private final int oldLossPercent;

		private final int newLossPercent;

		private final List<Integer> oldMissed = new ArrayList<>();

		private final List<Integer> newMissed = new ArrayList<>();

		private final List<Integer> oldBeforeHandOver = new ArrayList<>();

		private final List<Integer> newReceived = new ArrayList<>();

		private final List<Integer> newBeforeHandOver = new ArrayList<>();

		private int oldLastBeforeHandOver;

		LossyTrial(Random random, int oldLossPercent, int newLossPercent) {
			this.random = random;
			this.oldLossPercent = oldLossPercent;
			this.newLossPercent = newLossPercent;
		}

		void run(HandOverGate gate, int total, int newStartsAt) {
			gate.deliverFrom(facts(1));
			int old = 1;
			int oldBeforeOverlap = this.random.nextInt(newStartsAt);
			while (old <= oldBeforeOverlap) {
				gate.accept(1, TOPIC, message(old), RECEIVED);
				this.oldBeforeHandOver.add(old);
				this.oldLastBeforeHandOver = old++;
			}
			HandOverGate.Overlap overlap = gate.beginOverlap(2);
			overlap.subscribing();
			int next = newStartsAt;
			boolean handedOver = false;
			while (next <= total || old <= total) {
				if (!handedOver && !this.newReceived.isEmpty() && this.random.nextInt(6) == 0) {
					overlap.handOver(facts(2), SETTLE);
					handedOver = true;
				}
				boolean fromOld = old <= total && (next > total || this.random.nextBoolean());
				if (fromOld) {
					if (missed(this.oldLossPercent, this.oldMissed, old)) {
						old++;
						continue;
					}
					gate.accept(1, TOPIC, message(old), RECEIVED);
					if (!handedOver) {
						this.oldBeforeHandOver.add(old);
						this.oldLastBeforeHandOver = old;
					}
					old++;
				}
				else {
					if (!missed(this.newLossPercent, this.newMissed, next)) {
						gate.accept(2, TOPIC, message(next), RECEIVED);
						this.newReceived.add(next);
						if (!handedOver) {
							this.newBeforeHandOver.add(next);
						}
					}
					next++;
				}
			}
			if (!handedOver) {
				overlap.handOver(facts(2), SETTLE);
			}
		}

		private boolean missed(int lossPercent, List<Integer> missed, int sequence) {
			if (this.random.nextInt(100) < lossPercent) {
				missed.add(sequence);
				return true;
			}
			return false;
		}

		/**
		 * What the old connection delivered before the hand-over, and what else the new
		 * one received past the last message both had before the hand-over. A message
		 * only the new connection had, behind one both had, is lost: it cannot come
		 * before that one, since only the old connection's messages reach the application
		 * until the hand-over.
		 */
		List<Integer> expected() {
			int lastOfBoth = this.oldBeforeHandOver.stream()
				.filter(this.newBeforeHandOver::contains)
				.mapToInt(Integer::intValue)
				.max()
				.orElse(0);
			List<Integer> expected = new ArrayList<>(this.oldBeforeHandOver);
			this.newReceived.stream()
				.filter((seq) -> seq > lastOfBoth && !this.oldBeforeHandOver.contains(seq))
				.forEach(expected::add);
			return expected;
		}

		/**
		 * Whether a message only the new connection had, behind one the old connection
		 * delivered before the hand-over, may come late: when nothing both had since
		 * lined it up, the gate cannot tell it from a message past the old stream (the
		 * new connection missing that one), and delivers it rather than lose it.
		 */
		boolean mayBeLate(int sequence) {
			return sequence < this.oldLastBeforeHandOver && this.oldMissed.contains(sequence);
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
	 * A remembered message matches one new message, the first: the old connection
	 * delivered 3 and 1 that the new one had not shown at the hand-over; the new one's 3
	 * and 1 are those, but its next 1 is a new message.
	 */
	@Test
	void aRememberedMessageMatchesOneNewMessageOnly() throws InterruptedException {
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

	private void assertPlays(String description, String script, Integer... delivered) {
		assertThat(play(script)).as(description).containsExactly(delivered);
	}

	/**
	 * Play a script on a fresh gate, the old connection delivering and the new one
	 * subscribing: {@code o3} the old connection receives message 3, {@code n3} the new
	 * one, {@code H} the hand-over, {@code ~} the settle time passes. Return what was
	 * delivered.
	 */
	private List<Integer> play(String script) {
		this.delivered.clear();
		HandOverGate gate = recordingGate();
		gate.deliverFrom(facts(1));
		HandOverGate.Overlap overlap = gate.beginOverlap(2);
		overlap.subscribing();
		for (String step : script.split(" ")) {
			switch (step.charAt(0)) {
				case 'o' -> gate.accept(1, TOPIC, message(Integer.parseInt(step.substring(1))), RECEIVED);
				case 'n' -> gate.accept(2, TOPIC, message(Integer.parseInt(step.substring(1))), RECEIVED);
				case 'H' -> overlap.handOver(facts(2), SETTLE);
				case '~' -> this.nanos.addAndGet(SETTLE);
				default -> throw new IllegalArgumentException("Unknown step '" + step + "'");
			}
		}
		return sequences();
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
