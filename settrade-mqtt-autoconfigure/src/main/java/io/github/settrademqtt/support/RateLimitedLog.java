package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * Logs a recurring event at WARN without flooding the log: the first few in full, then
 * one summary line per period with the count and the latest message. Messages are built
 * only when a line is written, since these events can come on every message of the feed.
 * Safe to call from any thread.
 * <p>
 * An event that is a bug in someone's code is logged with
 * {@link #log(Supplier, Throwable)} so that the first few carry their stack traces; one
 * that is expected (bad input, a full queue) with {@link #log(Supplier)}, whose message
 * says what happened without a trace that would only point into this starter.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public final class RateLimitedLog {

	private final Log logger;

	private final String what;

	private final int detailed;

	private final long periodNanos;

	private final LongSupplier nanoClock;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong suppressed = new AtomicLong();

	private final AtomicLong lastSummaryNanos;

	/**
	 * Create a log on the system's monotonic clock.
	 * @param logger where lines go
	 * @param what what the event is, in the plural, to begin each summary line
	 * @param detailed how many events are logged in full before the summaries begin
	 * @param period how often at most a summary is logged
	 */
	public RateLimitedLog(Log logger, String what, int detailed, Duration period) {
		this(logger, what, detailed, period, System::nanoTime);
	}

	RateLimitedLog(Log logger, String what, int detailed, Duration period, LongSupplier nanoClock) {
		this.logger = logger;
		this.what = what;
		this.detailed = detailed;
		this.periodNanos = period.toNanos();
		this.nanoClock = nanoClock;
		this.lastSummaryNanos = new AtomicLong(nanoClock.getAsLong());
	}

	/**
	 * Count an expected event and log it, without a stack trace.
	 * @param message what happened, built only if a line is written
	 */
	public void log(Supplier<String> message) {
		log(message, null);
	}

	/**
	 * Count an event that is a bug and log it, the first few with the stack trace of its
	 * cause.
	 * @param message what happened, built only if a line is written
	 * @param ex the cause
	 */
	public void log(Supplier<String> message, @Nullable Throwable ex) {
		if (this.count.incrementAndGet() <= this.detailed) {
			if (this.logger.isWarnEnabled()) {
				if (ex != null) {
					this.logger.warn(message.get(), ex);
				}
				else {
					this.logger.warn(message.get());
				}
			}
			return;
		}
		long suppressed = this.suppressed.incrementAndGet();
		long now = this.nanoClock.getAsLong();
		long last = this.lastSummaryNanos.get();
		if (now - last >= this.periodNanos && this.lastSummaryNanos.compareAndSet(last, now)) {
			this.suppressed.addAndGet(-suppressed);
			if (this.logger.isWarnEnabled()) {
				this.logger.warn(this.what + ": " + suppressed + " more since the last report (" + this.count.get()
						+ " in all); the latest: " + message.get() + ((ex != null) ? ": " + ex : ""));
			}
		}
	}

}
