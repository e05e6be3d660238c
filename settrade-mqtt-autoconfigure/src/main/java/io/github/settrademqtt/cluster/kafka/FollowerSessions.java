package io.github.settrademqtt.cluster.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import org.jspecify.annotations.Nullable;

/**
 * The {@link SessionFacts} a replica's delivery sees for the messages it reads from
 * Kafka: one local session per leader connection (a term and the leader's epoch in it),
 * numbered from 1 on this replica the way its own connections would be, so that epochs
 * increase across leaders.
 * <p>
 * A new connection of the same leader keeps the leader's change and gap. A new term
 * handed over to is a {@link SessionChange#ROTATION} without a gap, as the two leaders'
 * connections overlapped; any other new term is a {@link SessionChange#RECOVERY}: the old
 * leader stopped without a hand-over, and the gap is the time between the last message of
 * the old term and the first of the new one, as the leaders received them. Used by one
 * thread.
 *
 * @author settrade-mqtt
 */
final class FollowerSessions {

	/**
	 * Sessions remembered for messages of an older connection that are still read from
	 * another partition after a newer one began: more than any hand-over leaves behind.
	 */
	private static final int REMEMBERED = 16;

	private final Map<Connection, SessionFacts> sessions = new LinkedHashMap<>(REMEMBERED, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Connection, SessionFacts> eldest) {
			return size() > REMEMBERED;
		}

	};

	private @Nullable Connection current;

	private @Nullable Instant lastReceivedAt;

	private long epoch;

	/**
	 * Return the local session of a message read from Kafka.
	 * @param message the message
	 * @param handedOver whether its term began with a hand-over from the one before
	 * @return its session on this replica
	 */
	SessionFacts sessionOf(FeedRecords.Message message, boolean handedOver) {
		Connection connection = new Connection(message.term(), message.session().epoch());
		SessionFacts known = this.sessions.get(connection);
		if (known == null) {
			Connection current = this.current;
			// an older connection not remembered: its messages pass as the current's
			known = (current == null || connection.isAfter(current)) ? begin(connection, message, handedOver)
					: this.sessions.get(current);
		}
		if (connection.equals(this.current)) {
			this.lastReceivedAt = message.receivedAt();
		}
		return known;
	}

	private SessionFacts begin(Connection connection, FeedRecords.Message message, boolean handedOver) {
		SessionFacts leaders = message.session();
		SessionFacts local;
		if (this.current == null) {
			local = new SessionFacts(++this.epoch, SessionChange.INITIAL, Duration.ZERO, leaders.connectedAt());
		}
		else if (connection.term() == this.current.term()) {
			local = new SessionFacts(++this.epoch, leaders.change(), leaders.gap(), leaders.connectedAt());
		}
		else if (handedOver) {
			local = new SessionFacts(++this.epoch, SessionChange.ROTATION, Duration.ZERO, leaders.connectedAt());
		}
		else {
			Instant last = this.lastReceivedAt;
			Duration gap = (last != null && last.isBefore(message.receivedAt()))
					? Duration.between(last, message.receivedAt()) : Duration.ZERO;
			local = new SessionFacts(++this.epoch, SessionChange.RECOVERY, gap, leaders.connectedAt());
		}
		this.current = connection;
		this.sessions.put(connection, local);
		return local;
	}

	/**
	 * One connection of one leader.
	 */
	private record Connection(long term, long leaderEpoch) {

		boolean isAfter(Connection other) {
			return (this.term != other.term) ? this.term > other.term : this.leaderEpoch > other.leaderEpoch;
		}

	}

}
