package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.time.Instant;

/**
 * When the market is open: silence in an open market may be a broken feed, silence in a
 * closed one never is. The starter's default follows the SET and TFEX day sessions,
 * weekdays, in Asia/Bangkok ({@link SessionTradingCalendar}); declare a bean of this type
 * for another calendar.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface TradingCalendar {

	/**
	 * A calendar on which the market never closes, for tests and for feeds that run
	 * around the clock.
	 */
	TradingCalendar ALWAYS_OPEN = (instant) -> true;

	/**
	 * Return whether the market is open at an instant.
	 * @param instant the instant
	 * @return whether it is open
	 */
	boolean isOpen(Instant instant);

	/**
	 * Return whether the market has been open for the whole of a period ending at an
	 * instant: silence that began before the market opened is no sign of trouble. The
	 * default looks at both ends of the period, which is exact for sessions longer than
	 * the period.
	 * @param instant the end of the period
	 * @param period how long before it the market must have been open
	 * @return whether it was open throughout
	 */
	default boolean isOpenThroughout(Instant instant, Duration period) {
		return isOpen(instant) && isOpen(instant.minus(period));
	}

}
