package io.github.settrademqtt.sample;

import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.RotationStrategy;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link ConnectionTimeline}: the connection is a mock that says which
 * connection took over, as the real one does before it tells its observers.
 */
class ConnectionTimelineTests {

	private static final Instant START = Instant.parse("2026-11-30T09:30:00Z");

	private final SettradeMqttConnection connection = mock();

	private final ConnectionTimeline timeline;

	ConnectionTimelineTests() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("connection", this.connection);
		this.timeline = new ConnectionTimeline(beans.getBeanProvider(SettradeMqttConnection.class));
	}

	@Test
	void startUpConnectionIsTheFirstEntry() {
		connected(1, SessionChange.INITIAL, Duration.ZERO, START);
		this.timeline.connectionAttempted("success");
		assertThat(this.timeline.entries())
			.extracting(TimelineEntry::kind, TimelineEntry::epoch, TimelineEntry::at, TimelineEntry::gap)
			.containsExactly(tuple(TimelineEntry.Kind.CONNECTED, 1L, START, null));
	}

	@Test
	void rotationsAndRecoveriesCarryTheirGapNewestFirst() {
		connected(1, SessionChange.INITIAL, Duration.ZERO, START);
		this.timeline.connectionAttempted("success");
		connected(2, SessionChange.ROTATION, Duration.ZERO, START.plusSeconds(1500));
		this.timeline.reconnected(SessionChange.ROTATION);
		this.timeline.rotated(new RotationOutcome(RotationStrategy.OVERLAP, START.plusSeconds(1500), Duration.ZERO,
				Duration.ofMillis(640)));
		connected(3, SessionChange.RECOVERY, Duration.ofMillis(2300), START.plusSeconds(1600));
		this.timeline.connectionAttempted("success");
		this.timeline.reconnected(SessionChange.RECOVERY);
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
		connected(1, SessionChange.INITIAL, Duration.ZERO, START);
		this.timeline.connectionAttempted("success");
		// a restart rotation connects anew: the connection tells the attempt, the change
		// and then the rotation
		connected(2, SessionChange.ROTATION, Duration.ofMillis(180), START.plusSeconds(60));
		this.timeline.connectionAttempted("success");
		this.timeline.reconnected(SessionChange.ROTATION);
		this.timeline.rotated(new RotationOutcome(RotationStrategy.RESTART, START.plusSeconds(60),
				Duration.ofMillis(180), Duration.ofMillis(200)));
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::gap, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.ROTATION, Duration.ofMillis(180), "restart"),
					tuple(TimelineEntry.Kind.CONNECTED, null, null));
	}

	@Test
	void failedAttemptsInARowAreOneEntryThatCountsThem() {
		given(this.connection.getLastFailure()).willReturn("connection refused", "connection refused", "timed out");
		this.timeline.connectionAttempted("failure");
		this.timeline.connectionAttempted("failure");
		this.timeline.connectionAttempted("auth-failure");
		connected(1, SessionChange.INITIAL, Duration.ZERO, START);
		this.timeline.connectionAttempted("success");
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::count, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.CONNECTED, 1, null),
					tuple(TimelineEntry.Kind.ATTEMPT_FAILED, 3, "timed out"));
	}

	@Test
	void replacingASilentConnectionIsItsRotationRenamed() {
		connected(4, SessionChange.ROTATION, Duration.ZERO, START);
		this.timeline
			.rotated(new RotationOutcome(RotationStrategy.OVERLAP, START, Duration.ZERO, Duration.ofMillis(900)));
		this.timeline.healed("replace");
		this.timeline.healed("resubscribe");
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::epoch)
			.containsExactly(tuple(TimelineEntry.Kind.RESUBSCRIBED, null), tuple(TimelineEntry.Kind.REPLACED, 4L));
	}

	@Test
	void failedRotationNamesWhy() {
		connected(2, SessionChange.ROTATION, Duration.ZERO, START);
		this.timeline.rotationFailed("failed while subscribing: timed out");
		assertThat(this.timeline.entries()).extracting(TimelineEntry::kind, TimelineEntry::epoch, TimelineEntry::detail)
			.containsExactly(tuple(TimelineEntry.Kind.ROTATION_FAILED, 2L, "failed while subscribing: timed out"));
	}

	@Test
	void keepsTheNewestEntries() {
		for (int epoch = 1; epoch <= ConnectionTimeline.CAPACITY + 10; epoch++) {
			connected(epoch, SessionChange.RECOVERY, Duration.ofSeconds(1), START.plusSeconds(epoch));
			this.timeline.reconnected(SessionChange.RECOVERY);
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

	private void connected(long epoch, SessionChange change, Duration gap, Instant at) {
		given(this.connection.getSessionFacts()).willReturn(new SessionFacts(epoch, change, gap, at));
	}

}
