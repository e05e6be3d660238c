package io.github.settrademqtt.sample;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One thing the connection did, as the live page's timeline shows it.
 *
 * @param kind what happened
 * @param at when
 * @param epoch the connection's number after it, when there was one
 * @param gap how long no connection was delivering, for a connection that took over
 * @param took how long a rotation took
 * @param detail the rotation's strategy or why something failed
 * @param count how many times it happened in a row (failed attempts are counted in one
 * entry)
 * @author settrade-mqtt
 */
record TimelineEntry(Kind kind, Instant at, @Nullable Long epoch, @Nullable Duration gap, @Nullable Duration took,
		@Nullable String detail, int count) {

	TimelineEntry(Kind kind, Instant at, @Nullable Long epoch, @Nullable Duration gap, @Nullable Duration took,
			@Nullable String detail) {
		this(kind, at, epoch, gap, took, detail, 1);
	}

	TimelineEntry again(Instant at, @Nullable String detail) {
		return new TimelineEntry(this.kind, at, this.epoch, this.gap, this.took, detail, this.count + 1);
	}

	TimelineEntry as(Kind kind) {
		return new TimelineEntry(kind, this.at, this.epoch, this.gap, this.took, this.detail, this.count);
	}

	/**
	 * What happened.
	 */
	enum Kind {

		/**
		 * The first connection since start-up.
		 */
		CONNECTED("connected"),

		/**
		 * A planned replacement before the token expired.
		 */
		ROTATION("rotation"),

		/**
		 * A new connection after the connection was lost.
		 */
		RECOVERY("recovery"),

		/**
		 * A silent connection replaced by a new one.
		 */
		REPLACED("replaced"),

		/**
		 * A rotation that could not replace the connection: the old one kept delivering.
		 */
		ROTATION_FAILED("rotation-failed"),

		/**
		 * A connection attempt that failed.
		 */
		ATTEMPT_FAILED("attempt-failed"),

		/**
		 * A silent topic subscribed again.
		 */
		RESUBSCRIBED("resubscribed");

		private final String id;

		Kind(String id) {
			this.id = id;
		}

		/**
		 * Return the kind's name on the page.
		 * @return the name, such as {@code rotation}
		 */
		String id() {
			return this.id;
		}

	}

}
