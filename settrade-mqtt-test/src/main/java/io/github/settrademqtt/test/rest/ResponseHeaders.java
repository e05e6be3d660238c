package io.github.settrademqtt.test.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.settrademqtt.test.SimulatorFaults;

/**
 * Headers every simulator response carries, as the live service's do: {@code Date} from
 * the simulator clock (clients use it to tell their clock skew) and the rate-limit budget
 * headers. The budget is counted but not enforced; use
 * {@link SimulatorFaults#failNextLogins(int, int)} with 429 to test throttling.
 *
 * @author settrade-mqtt
 */
public final class ResponseHeaders {

	/** RFC 1123 / IMF-fixdate; {@code RFC_1123_DATE_TIME} would not pad the day. */
	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final int LIMIT_PER_SECOND = 25;

	private static final int LIMIT_PER_MINUTE = 600;

	private final Clock clock;

	private long second = Long.MIN_VALUE;

	private int usedThisSecond;

	private long minute = Long.MIN_VALUE;

	private int usedThisMinute;

	public ResponseHeaders(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Returns the common headers for a response sent now, counting it against the
	 * rate-limit windows.
	 * @return the header names and values
	 */
	synchronized Map<String, String> next() {
		Instant now = this.clock.instant();
		long epochSecond = now.getEpochSecond();
		if (epochSecond != this.second) {
			this.second = epochSecond;
			this.usedThisSecond = 0;
		}
		if (epochSecond / 60 != this.minute) {
			this.minute = epochSecond / 60;
			this.usedThisMinute = 0;
		}
		this.usedThisSecond++;
		this.usedThisMinute++;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Date", HTTP_DATE.format(now));
		headers.put("X-RateLimit-Remaining-second",
				Integer.toString(Math.max(0, LIMIT_PER_SECOND - this.usedThisSecond)));
		headers.put("X-RateLimit-Remaining-minute",
				Integer.toString(Math.max(0, LIMIT_PER_MINUTE - this.usedThisMinute)));
		return headers;
	}

}
