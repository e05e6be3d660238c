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

	private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

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
		assertThat(this.liveness.getLastMessageAge()).contains(Duration.ofSeconds(2));
		assertThat(this.liveness.getTopics()).satisfiesExactly(
				(live) -> assertThat(live).isEqualTo(new TopicLiveness("t/live", LivenessState.LIVE,
						Duration.ofSeconds(13), at.plusSeconds(11), Duration.ofSeconds(2))),
				(never) -> assertThat(never.subscribedFor()).isEqualTo(Duration.ofSeconds(13)),
				(silent) -> assertThat(silent.lastMessageAge()).isEqualTo(Duration.ofSeconds(13)));
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

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
