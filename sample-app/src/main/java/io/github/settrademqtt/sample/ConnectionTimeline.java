package io.github.settrademqtt.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records what the connection does for the live page's timeline: the first connection,
 * each rotation and recovery with its measured gap, replaced silent connections, failed
 * attempts and rotations. A {@link ConnectionObserver} bean: the starter tells it along
 * with its own observers. Keeps the newest {@value #CAPACITY} entries.
 *
 * @author settrade-mqtt
 */
@Component
class ConnectionTimeline implements ConnectionObserver {

	static final int CAPACITY = 50;

	private final ObjectProvider<SettradeMqttConnection> connection;

	private final Deque<TimelineEntry> entries = new ArrayDeque<>();

	private Totals totals = new Totals(0, Duration.ZERO, 0, Duration.ZERO);

	ConnectionTimeline(ObjectProvider<SettradeMqttConnection> connection) {
		this.connection = connection;
	}

	@Override
	public synchronized void connectionAttempted(String outcome) {
		if (!"success".equals(outcome)) {
			SettradeMqttConnection connection = this.connection.getIfAvailable();
			String reason = (connection != null) ? connection.getLastFailure() : null;
			TimelineEntry last = this.entries.peekLast();
			if (last != null && last.kind() == TimelineEntry.Kind.ATTEMPT_FAILED) {
				// an outage fails attempt after attempt: one entry that counts them
				this.entries.pollLast();
				add(last.again(Instant.now(), reason));
			}
			else {
				add(new TimelineEntry(TimelineEntry.Kind.ATTEMPT_FAILED, Instant.now(), null, null, null, reason));
			}
			return;
		}
		SessionFacts facts = facts();
		if (facts != null && facts.change() == SessionChange.INITIAL) {
			add(new TimelineEntry(TimelineEntry.Kind.CONNECTED, facts.connectedAt(), facts.epoch(), null, null, null));
		}
	}

	@Override
	public synchronized void reconnected(SessionChange change) {
		// a rotation is recorded when it is told how it went (rotated)
		SessionFacts facts = facts();
		if (change == SessionChange.RECOVERY && facts != null) {
			add(new TimelineEntry(TimelineEntry.Kind.RECOVERY, facts.connectedAt(), facts.epoch(), facts.gap(), null,
					null));
			this.totals = this.totals.withRecovery(facts.gap());
		}
	}

	@Override
	public synchronized void rotated(RotationOutcome outcome) {
		SessionFacts facts = facts();
		add(new TimelineEntry(TimelineEntry.Kind.ROTATION, outcome.at(), (facts != null) ? facts.epoch() : null,
				outcome.gap(), outcome.took(), outcome.strategy().name().toLowerCase(Locale.ROOT)));
		this.totals = this.totals.withRotation(outcome.gap());
	}

	@Override
	public synchronized void rotationFailed(String reason) {
		SessionFacts facts = facts();
		add(new TimelineEntry(TimelineEntry.Kind.ROTATION_FAILED, Instant.now(), (facts != null) ? facts.epoch() : null,
				null, null, reason));
	}

	@Override
	public synchronized void healed(String action) {
		TimelineEntry last = this.entries.peekLast();
		if ("replace".equals(action) && last != null && last.kind() == TimelineEntry.Kind.ROTATION) {
			// the connection tells the rotation that replaced a silent connection first
			this.entries.pollLast();
			add(last.as(TimelineEntry.Kind.REPLACED));
		}
		else if ("resubscribe".equals(action)) {
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

	private @Nullable SessionFacts facts() {
		SettradeMqttConnection connection = this.connection.getIfAvailable();
		return (connection != null) ? connection.getSessionFacts() : null;
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
