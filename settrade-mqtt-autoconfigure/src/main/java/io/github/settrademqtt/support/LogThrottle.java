package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a recurring log line through at most once per period, from any thread, so that a
 * failure repeated on a message's path says itself without flooding the log.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public final class LogThrottle {

	private final long periodNanos;

	private final AtomicLong lastNanos;

	/**
	 * Create a throttle that lets the first line through at once.
	 * @param period how long after a line the next one is held back
	 */
	public LogThrottle(Duration period) {
		this.periodNanos = period.toNanos();
		this.lastNanos = new AtomicLong(System.nanoTime() - this.periodNanos);
	}

	/**
	 * Return whether the line may be logged now; if so, the period starts again.
	 * @return whether to log
	 */
	public boolean tryAcquire() {
		long now = System.nanoTime();
		long last = this.lastNanos.get();
		return now - last >= this.periodNanos && this.lastNanos.compareAndSet(last, now);
	}

}
