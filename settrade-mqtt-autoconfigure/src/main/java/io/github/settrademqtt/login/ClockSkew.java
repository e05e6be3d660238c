package io.github.settrademqtt.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The difference between the local clock and Settrade's, learned from the {@code Date}
 * header of a rejected login. Settrade rejects a login whose timestamp is too far from
 * its own clock, so a skewed host could otherwise never log in.
 *
 * @author settrade-mqtt
 */
final class ClockSkew {

	/**
	 * Differences below this are noise: the header has a resolution of one second and the
	 * request takes time.
	 */
	private static final Duration THRESHOLD = Duration.ofSeconds(5);

	private final Clock clock;

	private volatile Duration offset = Duration.ZERO;

	ClockSkew(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Return the current time on Settrade's clock, as far as it is known.
	 */
	Instant now() {
		return this.clock.instant().plus(this.offset);
	}

	Duration offset() {
		return this.offset;
	}

	/**
	 * Learn the offset from the server's {@code Date} header, and say whether it changed
	 * materially, so that a retry may now succeed.
	 */
	boolean learnFrom(@Nullable Instant serverDate) {
		if (serverDate == null) {
			return false;
		}
		// the header is truncated to the second: the server's clock lies within it
		Duration observed = Duration.between(this.clock.instant(), serverDate.plusMillis(500));
		if (observed.minus(this.offset).abs().compareTo(THRESHOLD) < 0) {
			return false;
		}
		this.offset = observed;
		return true;
	}

}
