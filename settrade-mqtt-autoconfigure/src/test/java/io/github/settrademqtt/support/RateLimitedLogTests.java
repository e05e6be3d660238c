package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.impl.SimpleLog;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RateLimitedLog}. Defect 5: messages were built on every event, even
 * the suppressed ones, and expected events were logged with stack traces.
 */
class RateLimitedLogTests {

	private final AtomicLong nanos = new AtomicLong();

	private final RecordingLog logger = new RecordingLog();

	private final RateLimitedLog log = new RateLimitedLog(this.logger, "Things failed", 2, Duration.ofMinutes(1),
			this.nanos::get);

	private final AtomicInteger built = new AtomicInteger();

	@Test
	void bugsAreLoggedWithTheirStackTracesFirstThenSummarizedOncePerPeriod() {
		IllegalStateException ex = new IllegalStateException("boom");
		for (int i = 1; i <= 5; i++) {
			this.log.log(message("failure " + i), ex);
		}
		assertThat(this.logger.lines).containsExactly(new Line("failure 1", ex), new Line("failure 2", ex));
		this.nanos.addAndGet(Duration.ofMinutes(1).toNanos());
		this.log.log(message("failure 6"), ex);
		assertThat(this.logger.lines).hasSize(3)
			.last()
			.isEqualTo(new Line("Things failed: 4 more since the last report (6 in all); the latest: failure 6: " + ex,
					null));
	}

	@Test
	void expectedEventsAreLoggedWithoutStackTraces() {
		for (int i = 1; i <= 3; i++) {
			this.log.log(message("queue full " + i));
		}
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		this.log.log(message("queue full 4"));
		assertThat(this.logger.lines).containsExactly(new Line("queue full 1", null), new Line("queue full 2", null),
				new Line("Things failed: 2 more since the last report (4 in all); the latest: queue full 4", null));
	}

	@Test
	void messagesAreBuiltOnlyForTheLinesWritten() {
		for (int i = 1; i <= 100; i++) {
			this.log.log(message("queue full"));
		}
		assertThat(this.built).as("the two detailed lines").hasValue(2);
		this.nanos.addAndGet(Duration.ofMinutes(1).toNanos());
		this.log.log(message("queue full"));
		assertThat(this.built).as("and the summary").hasValue(3);
		assertThat(this.logger.lines).last()
			.isEqualTo(new Line("Things failed: 99 more since the last report (101 in all); the latest: queue full",
					null));
	}

	@Test
	void nothingIsBuiltWhenWarningsAreOffButEverythingIsCounted() {
		this.logger.setLevel(SimpleLog.LOG_LEVEL_OFF);
		for (int i = 1; i <= 3; i++) {
			this.log.log(message("queue full"));
		}
		assertThat(this.built).hasValue(0);
		this.logger.setLevel(SimpleLog.LOG_LEVEL_WARN);
		this.nanos.addAndGet(Duration.ofMinutes(1).toNanos());
		this.log.log(message("queue full"));
		assertThat(this.logger.lines).containsExactly(
				new Line("Things failed: 2 more since the last report (4 in all); the latest: queue full", null));
	}

	private Supplier<String> message(String message) {
		return () -> {
			this.built.incrementAndGet();
			return message;
		};
	}

	record Line(String message, @Nullable Throwable ex) {

	}

	/**
	 * Records what it would write, at WARN and above.
	 */
	static final class RecordingLog extends SimpleLog {

		final List<Line> lines = new ArrayList<>();

		RecordingLog() {
			super("test");
			setLevel(LOG_LEVEL_WARN);
		}

		@Override
		protected void log(int type, Object message, @Nullable Throwable ex) {
			this.lines.add(new Line((String) message, ex));
		}

	}

}
