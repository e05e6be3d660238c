package io.github.settrademqtt.feed.liveness;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import org.springframework.util.Assert;

/**
 * One daily trading session, from a start time to an end time on the local clock. A
 * session whose end is not after its start runs past midnight (a night session such as
 * {@code 18:50-03:00}); {@code 00:00-24:00} is the whole day.
 *
 * @param start when the session opens, inclusive
 * @param end when it closes, exclusive
 * @param wholeDay whether it is open all day
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record TradingSession(LocalTime start, LocalTime end, boolean wholeDay) {

	/**
	 * Parse a session written {@code HH:mm-HH:mm}, such as {@code 09:45-12:30}.
	 * @param text the session
	 * @return the session
	 * @throws IllegalArgumentException if the text is not a session
	 */
	public static TradingSession parse(String text) {
		Assert.notNull(text, "'text' must not be null");
		String[] times = text.strip().split("\\s*-\\s*");
		if (times.length != 2) {
			throw new IllegalArgumentException("'" + text + "' is not a session such as 09:45-12:30");
		}
		try {
			LocalTime start = LocalTime.parse(times[0]);
			if (times[1].equals("24:00")) {
				return new TradingSession(start, LocalTime.MIDNIGHT, start.equals(LocalTime.MIDNIGHT));
			}
			return new TradingSession(start, LocalTime.parse(times[1]), false);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a session such as 09:45-12:30", ex);
		}
	}

	/**
	 * Return whether the session is open at a time of day.
	 * @param time the time
	 * @return whether it is open
	 */
	public boolean contains(LocalTime time) {
		if (this.wholeDay) {
			return true;
		}
		if (this.end.isAfter(this.start)) {
			return !time.isBefore(this.start) && time.isBefore(this.end);
		}
		return !time.isBefore(this.start) || time.isBefore(this.end);
	}

	/**
	 * Return whether the session runs past midnight into the next day.
	 */
	boolean crossesMidnight() {
		return !this.wholeDay && !this.end.isAfter(this.start);
	}

	@Override
	public String toString() {
		return this.start + "-" + (this.wholeDay || this.end.equals(LocalTime.MIDNIGHT) ? "24:00" : this.end);
	}

}
