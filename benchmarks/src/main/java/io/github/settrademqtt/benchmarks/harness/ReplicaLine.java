package io.github.settrademqtt.benchmarks.harness;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One event a {@link ClusterKillReplica} process reports to the harness, one line on its
 * standard output each: when it happened, on {@link System#nanoTime()} (one clock across
 * the processes of a Linux machine), what happened and, for a message, its topic, the
 * simulator's sequence number and the replica's connection epoch. Other lines on the same
 * stream (the application's log) are not events.
 *
 * @param kind what happened
 * @param nanos when, on {@link System#nanoTime()} of the replica
 * @param topic the message's topic, {@code null} for other events
 * @param sequence the message's sequence number, {@code -1} when it had none or for other
 * events
 * @param epoch the message's connection epoch, {@code -1} when unknown or for other
 * events
 * @author settrade-mqtt
 */
public record ReplicaLine(Kind kind, long nanos, @Nullable String topic, long sequence, long epoch) {

	private static final String PREFIX = "@@replica ";

	/**
	 * An event without a message.
	 * @param kind what happened
	 * @param nanos when
	 * @return the event
	 */
	public static ReplicaLine event(Kind kind, long nanos) {
		if (kind == Kind.MESSAGE) {
			throw new IllegalArgumentException("A message needs its topic");
		}
		return new ReplicaLine(kind, nanos, null, -1, -1);
	}

	/**
	 * A message delivered on the raw channel.
	 * @param topic its topic
	 * @param sequence its sequence number
	 * @param epoch its connection epoch
	 * @param nanos when it was delivered
	 * @return the event
	 */
	public static ReplicaLine message(String topic, long sequence, long epoch, long nanos) {
		if (topic.isEmpty() || topic.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("Topic '" + topic + "' is empty or has white space");
		}
		return new ReplicaLine(Kind.MESSAGE, nanos, topic, sequence, epoch);
	}

	/**
	 * Return the line that reports this event.
	 * @return the line, without its line separator
	 */
	public String format() {
		String line = PREFIX + this.nanos + " " + this.kind.name();
		return (this.kind != Kind.MESSAGE) ? line : line + " " + this.topic + " " + this.sequence + " " + this.epoch;
	}

	/**
	 * Read a line of a replica's output.
	 * @param line the line
	 * @return the event it reports, {@code null} for a line that reports none (a log
	 * line)
	 * @throws IllegalArgumentException for an event line that does not parse, naming it
	 */
	public static @Nullable ReplicaLine parse(String line) {
		if (!line.startsWith(PREFIX)) {
			return null;
		}
		String[] fields = line.substring(PREFIX.length()).split(" ");
		try {
			long nanos = Long.parseLong(fields[0]);
			Kind kind = Kind.valueOf(fields[1].toUpperCase(Locale.ROOT));
			if (kind == Kind.MESSAGE) {
				if (fields.length != 5) {
					throw new IllegalArgumentException("a message has a topic, a sequence and an epoch");
				}
				return message(fields[2], Long.parseLong(fields[3]), Long.parseLong(fields[4]), nanos);
			}
			if (fields.length != 2) {
				throw new IllegalArgumentException("only a message has more than a time and a kind");
			}
			return event(kind, nanos);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Replica line '" + line + "' does not parse: " + ex.getMessage(), ex);
		}
	}

	/**
	 * What a replica reports.
	 */
	public enum Kind {

		/**
		 * The process runs: its clock, against the harness's.
		 */
		HELLO,

		/**
		 * The replica was elected leader and has started its upstream.
		 */
		GRANTED,

		/**
		 * It logged in to the simulator (a new login, not a refresh).
		 */
		LOGGED_IN,

		/**
		 * Its connection to the simulator is connected.
		 */
		CONNECTED,

		/**
		 * It no longer leads.
		 */
		REVOKED,

		/**
		 * Its application has started: it has caught up with the feed topic.
		 */
		READY,

		/**
		 * A message was delivered on its raw channel
		 * ({@code settradeMqttInboundChannel}).
		 */
		MESSAGE

	}

}
