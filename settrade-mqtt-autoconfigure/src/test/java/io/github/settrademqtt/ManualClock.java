package io.github.settrademqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC wall clock that a test moves by hand.
 */
public final class ManualClock extends Clock {

	private final AtomicReference<Instant> now;

	public ManualClock(Instant start) {
		this.now = new AtomicReference<>(start);
	}

	public void advance(Duration duration) {
		this.now.updateAndGet((instant) -> instant.plus(duration));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A manual clock stays in UTC");
	}

	@Override
	public Instant instant() {
		return this.now.get();
	}

}
