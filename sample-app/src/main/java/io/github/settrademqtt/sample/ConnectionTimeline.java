package io.github.settrademqtt.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.connection.event.ConnectionFailedEvent;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.connection.event.RecoveredEvent;
import io.github.settrademqtt.connection.event.RotatedEvent;
import io.github.settrademqtt.connection.event.RotationFailedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the connection does for the live page's timeline: the first connection,
 * each rotation and recovery with its measured gap, replaced silent connections, failed
 * attempts and rotations. Listens to the starter's application events, as any application
 * can. Keeps the newest {@value #CAPACITY} entries.
 *
 * @author settrade-mqtt
 */
@Component
class ConnectionTimeline {

	static final int CAPACITY = 50;

	private final Deque<TimelineEntry> entries = new ArrayDeque<>();

	private Totals totals = new Totals(0, Duration.ZERO, 0, Duration.ZERO);

	@EventListener
	synchronized void connected(ConnectedEvent event) {
		// a rotation is recorded when its outcome is told (RotatedEvent), a recovery
		// with its gap (RecoveredEvent)
		SessionFacts facts = event.getFacts();
		if (facts.change() == SessionChange.INITIAL) {
			add(new TimelineEntry(TimelineEntry.Kind.CONNECTED, facts.connectedAt(), facts.epoch(), null, null, null));
		}
	}

	@EventListener
	synchronized void connectionFailed(ConnectionFailedEvent event) {
		TimelineEntry last = this.entries.peekLast();
		if (last != null && last.kind() == TimelineEntry.Kind.ATTEMPT_FAILED) {
			// an outage fails attempt after attempt: one entry that counts them
			this.entries.pollLast();
			add(last.again(Instant.now(), event.getReason()));
		}
		else {
			add(new TimelineEntry(TimelineEntry.Kind.ATTEMPT_FAILED, Instant.now(), null, null, null,
					event.getReason()));
		}
	}

	@EventListener
	synchronized void recovered(RecoveredEvent event) {
		SessionFacts facts = event.getFacts();
		add(new TimelineEntry(TimelineEntry.Kind.RECOVERY, facts.connectedAt(), facts.epoch(), facts.gap(), null,
				null));
		this.totals = this.totals.withRecovery(facts.gap());
	}

	@EventListener
	synchronized void rotated(RotatedEvent event) {
		RotationOutcome outcome = event.getOutcome();
		add(new TimelineEntry(TimelineEntry.Kind.ROTATION, outcome.at(), event.getFacts().epoch(), outcome.gap(),
				outcome.took(), outcome.strategy().name().toLowerCase(Locale.ROOT)));
		this.totals = this.totals.withRotation(outcome.gap());
	}

	@EventListener
	synchronized void rotationFailed(RotationFailedEvent event) {
		add(new TimelineEntry(TimelineEntry.Kind.ROTATION_FAILED, event.getFailure().at(), event.getEpoch(), null, null,
				event.getFailure().reason()));
	}

	@EventListener
	synchronized void healed(FeedHealedEvent event) {
		TimelineEntry last = this.entries.peekLast();
		if (event.getAction() == FeedHealedEvent.Action.REPLACE && last != null
				&& last.kind() == TimelineEntry.Kind.ROTATION) {
			// the connection tells the rotation that replaced a silent connection first
			this.entries.pollLast();
			add(last.as(TimelineEntry.Kind.REPLACED));
		}
		else if (event.getAction() == FeedHealedEvent.Action.RESUBSCRIBE) {
			add(new TimelineEntry(TimelineEntry.Kind.RESUBSCRIBED, Instant.now(), null, null, null, null));
		}
	}

	/**
	 * Return the entries, newest first.
	 * @return the entries
	 */
	synchronized List<TimelineEntry> entries() {
		List<TimelineEntry> newestFirst = new ArrayList<>(this.entries.size());
		this.entries.descendingIterator().forEachRemaining(newestFirst::add);
		return newestFirst;
	}

	/**
	 * Return how many rotations and recoveries there were since start-up, and their gaps
	 * added up, however many entries the timeline still holds.
	 * @return the totals
	 */
	synchronized Totals totals() {
		return this.totals;
	}

	private void add(TimelineEntry entry) {
		this.entries.addLast(entry);
		while (this.entries.size() > CAPACITY) {
			this.entries.pollFirst();
		}
	}

	/**
	 * Rotations and recoveries since start-up.
	 *
	 * @param rotations how many rotations replaced the connection (silent connections
	 * replaced included)
	 * @param rotationGaps their gaps added up
	 * @param recoveries how many connections took over after a loss
	 * @param recoveryGaps their gaps added up
	 */
	record Totals(int rotations, Duration rotationGaps, int recoveries, Duration recoveryGaps) {

		Totals withRotation(Duration gap) {
			return new Totals(this.rotations + 1, this.rotationGaps.plus(gap), this.recoveries, this.recoveryGaps);
		}

		Totals withRecovery(Duration gap) {
			return new Totals(this.rotations, this.rotationGaps, this.recoveries + 1, this.recoveryGaps.plus(gap));
		}

	}

}
