package io.github.settrademqtt.feed.liveness;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * A {@link TradingCalendar} of daily sessions on trading days in a time zone, less
 * holidays. A night session that runs past midnight belongs to the trading day it starts
 * on.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SessionTradingCalendar implements TradingCalendar {

	/**
	 * The exchanges' time zone.
	 */
	public static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

	/**
	 * The day sessions of SET and TFEX together, from TFEX's morning open to its
	 * afternoon close: the hours in which a silent feed is a sign of trouble. The
	 * pre-opening phases and the lunch break are left out; so is TFEX's night session,
	 * which only some series trade.
	 */
	public static final List<TradingSession> SET_AND_TFEX_DAY_SESSIONS = List.of(TradingSession.parse("09:45-12:30"),
			TradingSession.parse("14:15-16:55"));

	private final ZoneId zone;

	private final Set<DayOfWeek> days;

	private final List<TradingSession> sessions;

	private final Set<LocalDate> holidays;

	/**
	 * Create a calendar.
	 * @param zone the time zone the sessions are in
	 * @param days the trading days
	 * @param sessions the daily sessions
	 * @param holidays the dates on which the market stays closed
	 */
	public SessionTradingCalendar(ZoneId zone, Set<DayOfWeek> days, List<TradingSession> sessions,
			Set<LocalDate> holidays) {
		Assert.notNull(zone, "'zone' must not be null");
		Assert.notEmpty(days, "'days' must not be empty");
		Assert.notEmpty(sessions, "'sessions' must not be empty");
		Assert.notNull(holidays, "'holidays' must not be null");
		this.zone = zone;
		this.days = EnumSet.copyOf(days);
		this.sessions = List.copyOf(sessions);
		this.holidays = Set.copyOf(holidays);
	}

	/**
	 * Return the default calendar: SET and TFEX day sessions, Monday to Friday, in
	 * Asia/Bangkok, without holidays.
	 * @return the calendar
	 */
	public static SessionTradingCalendar setAndTfex() {
		return new SessionTradingCalendar(BANGKOK, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				SET_AND_TFEX_DAY_SESSIONS, Set.of());
	}

	@Override
	public boolean isOpen(Instant instant) {
		ZonedDateTime local = instant.atZone(this.zone);
		LocalDate today = local.toLocalDate();
		for (TradingSession session : this.sessions) {
			if (!session.contains(local.toLocalTime())) {
				continue;
			}
			boolean afterMidnight = session.crossesMidnight() && local.toLocalTime().isBefore(session.end());
			if (isTradingDay(afterMidnight ? today.minusDays(1) : today)) {
				return true;
			}
		}
		return false;
	}

	private boolean isTradingDay(LocalDate date) {
		return this.days.contains(date.getDayOfWeek()) && !this.holidays.contains(date);
	}

	@Override
	public String toString() {
		return "SessionTradingCalendar[zone=" + this.zone + ", days=" + this.days + ", sessions=" + this.sessions
				+ ", holidays=" + this.holidays.size() + "]";
	}

}
