package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;

/**
 * Logs a recurring failure without flooding the log: the first few with their stack
 * traces, then one summary line per period with the count and the latest message.
 *
 * @author settrade-mqtt
 */
final class RateLimitedLog {

	private final Log logger;

	private final String what;

	private final int detailed;

	private final long periodNanos;

	private final LongSupplier nanoClock;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong suppressed = new AtomicLong();

	private final AtomicLong lastSummaryNanos;

	RateLimitedLog(Log logger, String what, int detailed, Duration period, LongSupplier nanoClock) {
		this.logger = logger;
		this.what = what;
		this.detailed = detailed;
		this.periodNanos = period.toNanos();
		this.nanoClock = nanoClock;
		this.lastSummaryNanos = new AtomicLong(nanoClock.getAsLong());
	}

	void log(String message, Throwable ex) {
		if (this.count.incrementAndGet() <= this.detailed) {
			this.logger.warn(message, ex);
			return;
		}
		long suppressed = this.suppressed.incrementAndGet();
		long now = this.nanoClock.getAsLong();
		long last = this.lastSummaryNanos.get();
		if (now - last >= this.periodNanos && this.lastSummaryNanos.compareAndSet(last, now)) {
			this.suppressed.addAndGet(-suppressed);
			this.logger.warn(this.what + ": " + suppressed + " more since the last report (" + this.count.get()
					+ " in all); the latest: " + message + ": " + ex);
		}
	}

	long count() {
		return this.count.get();
	}

}
