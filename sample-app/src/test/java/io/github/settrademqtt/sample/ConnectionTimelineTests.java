package io.github.settrademqtt.sample;

import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.RotationStrategy;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.event.AuthenticationFailedEvent;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.connection.event.ConnectionFailedEvent;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.connection.event.RecoveredEvent;
import io.github.settrademqtt.connection.event.RotatedEvent;
import io.github.settrademqtt.connection.event.RotationFailedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ConnectionTimeline}: it is told the connection's events in the order
 * the connection publishes them.
 */
class ConnectionTimelineTests {

	private static final Instant START = Instant.parse("2026-11-30T09:30:00Z");

	private static final Object CONNECTION = new Object();

	private final ConnectionTimeline timeline = new ConnectionTimeline();

	@Test
	void startUpConnectionIsTheFirstEntry() {
		this.timeline.connected(connected(1, SessionChange.INITIAL, Duration.ZERO, START, false));
		assertThat(this.timeline.entries())
			.extracting(TimelineEntry::kind, TimelineEntry::epoch, TimelineEntry::at, TimelineEntry::gap)
			.containsExactly(tuple(TimelineEntry.Kind.CONNECTED, 1L, START, null));
	}

	@Test
	void rotationsAndRecoveriesCarryTheirGapNewestFirst() {
		this.timeline.connected(connected(1, SessionChange.INITIAL, Duration.ZERO, START, false));
		ConnectedEvent rotation = connected(2, SessionChange.ROTATION, Duration.ZERO, START.plusSeconds(1500), true);
		this.timeline.connected(rotation);
		this.timeline.rotated(new RotatedEvent(CONNECTION, new RotationOutcome(RotationStrategy.OVERLAP,
				START.plusSeconds(1500), Duration.ZERO, Duration.ofMillis(640)), rotation.getFacts()));
		ConnectedEvent recovery = connected(3, SessionChange.RECOVERY, Duration.ofMillis(2300), START.plusSeconds(1600),
				false);
		this.timeline.connected(recovery);
		this.timeline.recovered(new RecoveredEvent(CONNECTION, recovery.getFacts()));
		assertThat(this.timeline.entries())
			.extracting(TimelineEntry::kind, TimelineEntry::epoch, TimelineEntry::gap, TimelineEntry::took,
					TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.RECOVERY, 3L, Duration.ofMillis(2300), null, null),
					tuple(TimelineEntry.Kind.ROTATION, 2L, Duration.ZERO, Duration.ofMillis(640), "overlap"),
					tuple(TimelineEntry.Kind.CONNECTED, 1L, null, null, null));
		assertThat(this.timeline.totals())
			.isEqualTo(new ConnectionTimeline.Totals(1, Duration.ZERO, 1, Duration.ofMillis(2300)));
	}

	@Test
	void restartRotationIsOneRotationEntry() {
		this.timeline.connected(connected(1, SessionChange.INITIAL, Duration.ZERO, START, false));
		// a restart rotation connects anew: the connection tells the new connection, then
		// the rotation
		ConnectedEvent restart = connected(2, SessionChange.ROTATION, Duration.ofMillis(180), START.plusSeconds(60),
				false);
		this.timeline.connected(restart);
		this.timeline.rotated(new RotatedEvent(CONNECTION, new RotationOutcome(RotationStrategy.RESTART,
				START.plusSeconds(60), Duration.ofMillis(180), Duration.ofMillis(200)), restart.getFacts()));
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::gap, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.ROTATION, Duration.ofMillis(180), "restart"),
					tuple(TimelineEntry.Kind.CONNECTED, null, null));
	}

	@Test
	void failedAttemptsInARowAreOneEntryThatCountsThem() {
		this.timeline.connectionFailed(failed("connection refused"));
		this.timeline.connectionFailed(failed("connection refused"));
		this.timeline.connectionFailed(new AuthenticationFailedEvent(CONNECTION, ConnectionStep.TICKET, "timed out",
				new IllegalStateException("timed out"), Duration.ofSeconds(1)));
		this.timeline.connected(connected(1, SessionChange.INITIAL, Duration.ZERO, START, false));
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::count, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.CONNECTED, 1, null),
					tuple(TimelineEntry.Kind.ATTEMPT_FAILED, 3, "timed out"));
	}

	@Test
	void replacingASilentConnectionIsItsRotationRenamed() {
		SessionFacts facts = new SessionFacts(4, SessionChange.ROTATION, Duration.ZERO, START);
		this.timeline.rotated(new RotatedEvent(CONNECTION,
				new RotationOutcome(RotationStrategy.OVERLAP, START, Duration.ZERO, Duration.ofMillis(900)), facts));
		this.timeline.healed(new FeedHealedEvent(CONNECTION, FeedHealedEvent.Action.REPLACE, null));
		this.timeline.healed(new FeedHealedEvent(CONNECTION, FeedHealedEvent.Action.RESUBSCRIBE, "topic"));
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::epoch)
			.containsExactly(tuple(TimelineEntry.Kind.RESUBSCRIBED, null), tuple(TimelineEntry.Kind.REPLACED, 4L));
	}

	@Test
	void failedRotationNamesWhy() {
		this.timeline.rotationFailed(new RotationFailedEvent(CONNECTION, 2,
				new RotationFailure(START, "failed while subscribing: timed out", Duration.ofSeconds(5))));
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::epoch, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.ROTATION_FAILED, 2L, "failed while subscribing: timed out"));
	}

	@Test
	void keepsTheNewestEntries() {
		for (int epoch = 1; epoch <= ConnectionTimeline.CAPACITY + 10; epoch++) {
			this.timeline.recovered(new RecoveredEvent(CONNECTION,
					new SessionFacts(epoch, SessionChange.RECOVERY, Duration.ofSeconds(1), START.plusSeconds(epoch))));
		}
		assertThat(this.timeline.entries()).hasSize(ConnectionTimeline.CAPACITY)
			.first()
			.extracting(TimelineEntry::epoch)
			.isEqualTo((long) ConnectionTimeline.CAPACITY + 10);
		assertThat(this.timeline.entries()).last().extracting(TimelineEntry::epoch).isEqualTo(11L);
		// the totals count what the timeline no longer holds
		assertThat(this.timeline.totals().recoveries()).isEqualTo(ConnectionTimeline.CAPACITY + 10);
		assertThat(this.timeline.totals().recoveryGaps())
			.isEqualTo(Duration.ofSeconds(ConnectionTimeline.CAPACITY + 10));
	}

	private static ConnectedEvent connected(long epoch, SessionChange change, Duration gap, Instant at,
			boolean handOver) {
		return new ConnectedEvent(CONNECTION, new SessionFacts(epoch, change, gap, at), handOver);
	}

	private static ConnectionFailedEvent failed(String reason) {
		return new ConnectionFailedEvent(CONNECTION, ConnectionStep.OPEN, reason, new IllegalStateException(reason),
				Duration.ofSeconds(1));
	}

}
