package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.settrademqtt.support.ExponentialBackoff;

/**
 * When the next rotation may start after failed ones. Token rotations follow the
 * reconnect back-off. Attempts to replace a silent connection back off on a pace of their
 * own: a market that is quiet while the calendar says open (a holiday nobody listed) must
 * not cost a new connection every few seconds all day, nor hold up a token rotation. The
 * connection's thread only.
 *
 * @author settrade-mqtt
 */
final class RotationBackoff {

	private static final Duration QUIET_START = Duration.ofSeconds(30);

	private static final Duration QUIET_MAX = Duration.ofMinutes(15);

	private final ExponentialBackoff backoff;

	private final LongSupplier nanoClock;

	private int rotationFailures;

	private long rotationNotBeforeNanos;

	private int healFailures;

	private long healNotBeforeNanos;

	RotationBackoff(ExponentialBackoff backoff, LongSupplier nanoClock) {
		this.backoff = backoff;
		this.nanoClock = nanoClock;
	}

	/**
	 * Return whether the back-off of rotations for this purpose has passed.
	 */
	boolean allows(OverlapRotation.Purpose purpose) {
		long notBefore = (purpose == OverlapRotation.Purpose.HEAL) ? this.healNotBeforeNanos
				: this.rotationNotBeforeNanos;
		return this.nanoClock.getAsLong() - notBefore >= 0;
	}

	/**
	 * Record a rotation that could not replace the connection, returning how long until
	 * the next one may start.
	 */
	Duration failed(OverlapRotation.Purpose purpose) {
		long now = this.nanoClock.getAsLong();
		if (purpose == OverlapRotation.Purpose.HEAL) {
			Duration retryIn = quietBackoff(this.healFailures++);
			this.healNotBeforeNanos = now + retryIn.toNanos();
			return retryIn;
		}
		Duration retryIn = this.backoff.delay(this.rotationFailures++);
		this.rotationNotBeforeNanos = now + retryIn.toNanos();
		return retryIn;
	}

	/**
	 * Record a rotation that replaced the connection: its back-off starts afresh.
	 */
	void succeeded(OverlapRotation.Purpose purpose) {
		this.rotationFailures = 0;
		this.rotationNotBeforeNanos = this.nanoClock.getAsLong();
		if (purpose == OverlapRotation.Purpose.HEAL) {
			this.healFailures = 0;
			this.healNotBeforeNanos = this.rotationNotBeforeNanos;
		}
	}

	/**
	 * Forget every failure, for a new start.
	 */
	void reset() {
		this.rotationFailures = 0;
		this.healFailures = 0;
		this.rotationNotBeforeNanos = this.nanoClock.getAsLong();
		this.healNotBeforeNanos = this.rotationNotBeforeNanos;
	}

	/**
	 * The reconnect back-off twice, then 30 s doubling up to 15 minutes.
	 */
	private Duration quietBackoff(int failures) {
		Duration backoff = this.backoff.delay(failures);
		if (failures < 2) {
			return backoff;
		}
		Duration quiet = QUIET_START.multipliedBy(1L << Math.min(failures - 2, 5));
		quiet = (quiet.compareTo(QUIET_MAX) > 0) ? QUIET_MAX : quiet;
		return (backoff.compareTo(quiet) > 0) ? backoff : quiet;
	}

}
