package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FeedLiveness}.
 */
class FeedLivenessTests {

	private static final long START_NANOS = 5_000_000_000L;

	private static final Instant START_AT = Instant.parse("2026-11-26T09:00:00Z");

	private final AtomicLong nanos = new AtomicLong(START_NANOS);

	private final FeedLiveness liveness = new FeedLiveness(Duration.ofSeconds(10), this.nanos::get);

	private final SubscriptionRegistry registry = new SubscriptionRegistry();

	@Test
	void topicsAreLiveSilentOrNeverReceivedSinceSubscribed() {
		this.registry.subscribe("t/live");
		this.registry.addListener(this.liveness);
		this.registry.subscribe("t/silent");
		this.registry.subscribe("t/never");
		Instant at = Instant.parse("2026-11-26T09:00:00Z");
		this.liveness.received("t/silent", this.nanos.get(), at);
		advance(Duration.ofSeconds(11));
		this.liveness.received("t/live", this.nanos.get(), at.plusSeconds(11));
		advance(Duration.ofSeconds(2));
		assertThat(this.liveness.getSilentTopics()).containsExactly("t/silent");
		assertThat(this.liveness.getNeverReceivedTopics()).containsExactly("t/never");
		assertThat(this.liveness.getUnheardTopics()).containsExactly("t/never");
		assertThat(this.liveness.getLastMessageAge()).contains(Duration.ofSeconds(2));
		assertThat(this.liveness.getTopics()).satisfiesExactly(
				(live) -> assertThat(live).isEqualTo(new TopicLiveness("t/live", LivenessState.LIVE,
						Duration.ofSeconds(13), at.plusSeconds(11), Duration.ofSeconds(2))),
				(never) -> assertThat(never.subscribedFor()).isEqualTo(Duration.ofSeconds(13)),
				(silent) -> assertThat(silent.lastMessageAge()).isEqualTo(Duration.ofSeconds(13)));
	}

	@Test
	void aTopicIsUnheardOnlyOnceSubscribedForLongerThanTheThreshold() {
		this.registry.addListener(this.liveness);
		this.registry.subscribe("t/a");
		advance(Duration.ofSeconds(10));
		assertThat(this.liveness.getNeverReceivedTopics()).containsExactly("t/a");
		assertThat(this.liveness.getUnheardTopics()).isEmpty();
		advance(Duration.ofMillis(1));
		assertThat(this.liveness.getUnheardTopics()).containsExactly("t/a");
		this.liveness.received("t/a", this.nanos.get(), START_AT);
		assertThat(this.liveness.getUnheardTopics()).isEmpty();
	}

	@Test
	void unsubscribedTopicsAreForgottenAndMessagesOnThemIgnored() {
		this.registry.addListener(this.liveness);
		SubscriptionHandle handle = this.registry.subscribe("t/a");
		handle.close();
		this.liveness.received("t/a", this.nanos.get(), Instant.now());
		assertThat(this.liveness.getTopics()).isEmpty();
		assertThat(this.liveness.getLastMessageAge()).isEmpty();
	}

	/**
	 * Defect 3: liveness knew arrivals only, so a topic whose consumer was stuck still
	 * read as live while its messages kept arriving.
	 */
	@Test
	void aTopicThatHearsButDeliversNothingForLongerThanTheThresholdIsStalled() {
		track("t/stuck");
		receive("t/stuck");
		advance(Duration.ofSeconds(5));
		receive("t/stuck");
		advance(Duration.ofSeconds(5));
		assertThat(state("t/stuck")).as("waiting for exactly the threshold").isEqualTo(LivenessState.LIVE);
		advance(Duration.ofSeconds(1));
		receive("t/stuck");
		assertThat(this.liveness.getStalledTopics()).containsExactly("t/stuck");
		assertThat(this.liveness.getSilentTopics()).isEmpty();
		assertThat(this.liveness.getLastDeliveryAge()).isEmpty();
		deliver("t/stuck");
		assertThat(this.liveness.getTopics()).containsExactly(new TopicLiveness("t/stuck", LivenessState.LIVE,
				Duration.ofSeconds(11), wallClock(), Duration.ZERO, wallClock(), Duration.ZERO));
	}

	/**
	 * Defect 3, the other side: a consumer that is behind is working, not stuck, as long
	 * as deliveries keep coming within the threshold, though something always waits.
	 */
	@Test
	void aBacklogBeingWorkedThroughIsNotStalled() {
		track("t/busy");
		for (int second = 0; second < 60; second++) {
			receive("t/busy");
			advance(Duration.ofMillis(500));
			if (second % 8 == 7) {
				// half a second after the newest arrival: a newer one comes before the
				// next delivery, so the topic is never caught up
				deliver("t/busy");
			}
			advance(Duration.ofMillis(500));
			assertThat(state("t/busy")).as("at %d s", second).isEqualTo(LivenessState.LIVE);
		}
	}

	/**
	 * A topic that wakes after a quiet spell waits from its new arrival, not from its
	 * delivery before the spell; one whose arrivals stopped is silent whatever its
	 * delivery does.
	 */
	@Test
	void aTopicThatWakesAfterAQuietSpellIsNotStalledAndASilentTopicIsSilentFirst() {
		track("t/quiet");
		receive("t/quiet");
		deliver("t/quiet");
		advance(Duration.ofMinutes(1));
		assertThat(state("t/quiet")).isEqualTo(LivenessState.SILENT);
		receive("t/quiet");
		assertThat(state("t/quiet")).as("a book on its way to the listener").isEqualTo(LivenessState.LIVE);
		advance(Duration.ofSeconds(11));
		assertThat(state("t/quiet")).as("nothing arrived since").isEqualTo(LivenessState.SILENT);
		receive("t/quiet");
		assertThat(state("t/quiet")).as("waiting since the first arrival after the spell")
			.isEqualTo(LivenessState.STALLED);
	}

	@Test
	void feedWideAgesOfTheLastArrivalAndDelivery() {
		track("t/a", "t/b");
		assertThat(this.liveness.getLastArrivalAge()).isEmpty();
		receive("t/a");
		advance(Duration.ofSeconds(3));
		Instant deliveredAt = wallClock();
		receive("t/b");
		deliver("t/a");
		deliver("t/unknown");
		advance(Duration.ofSeconds(2));
		assertThat(this.liveness.getLastArrivalAge()).contains(Duration.ofSeconds(2));
		assertThat(this.liveness.getLastMessageAge()).contains(Duration.ofSeconds(2));
		assertThat(this.liveness.getLastDeliveryAge()).contains(Duration.ofSeconds(2));
		assertThat(this.liveness.getTopics()).extracting(TopicLiveness::lastDeliveredAt)
			.containsExactly(deliveredAt, null);
	}

	private void track(String... topics) {
		this.registry.addListener(this.liveness);
		for (String topic : topics) {
			this.registry.subscribe(topic);
		}
	}

	private void receive(String topic) {
		this.liveness.received(topic, this.nanos.get(), wallClock());
	}

	private void deliver(String topic) {
		this.liveness.delivered(topic, this.nanos.get(), wallClock());
	}

	/**
	 * The wall clock, moved with the monotonic one.
	 */
	private Instant wallClock() {
		return START_AT.plusNanos(this.nanos.get() - START_NANOS);
	}

	private LivenessState state(String topic) {
		return this.liveness.getTopics()
			.stream()
			.filter((liveness) -> liveness.topic().equals(topic))
			.findFirst()
			.orElseThrow()
			.state();
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
