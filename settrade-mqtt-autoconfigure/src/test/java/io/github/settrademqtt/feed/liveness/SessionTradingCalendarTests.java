package io.github.settrademqtt.feed.liveness;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SessionTradingCalendar} and {@link TradingSession}.
 */
class SessionTradingCalendarTests {

	private final SessionTradingCalendar setAndTfex = SessionTradingCalendar.setAndTfex();

	@Test
	void theDefaultIsTheDaySessionsOnWeekdaysInBangkok() {
		// Monday 30 November 2026
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T09:44:59"))).isFalse();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T09:45"))).isTrue();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T12:29:59"))).isTrue();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T12:30"))).as("lunch").isFalse();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T14:15"))).isTrue();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-30T16:55"))).isFalse();
		assertThat(this.setAndTfex.isOpen(bangkok("2026-11-28T11:00"))).as("Saturday").isFalse();
		assertThat(this.setAndTfex.isOpen(Instant.parse("2026-11-30T04:00:00Z"))).as("11:00 in Bangkok").isTrue();
		assertThat(this.setAndTfex.isOpen(Instant.parse("2026-11-30T11:00:00Z"))).as("18:00 in Bangkok").isFalse();
	}

	@Test
	void holidaysStayClosed() {
		SessionTradingCalendar calendar = new SessionTradingCalendar(SessionTradingCalendar.BANGKOK,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), SessionTradingCalendar.SET_AND_TFEX_DAY_SESSIONS,
				Set.of(LocalDate.parse("2026-12-31")));
		assertThat(calendar.isOpen(bangkok("2026-12-31T10:30"))).isFalse();
		assertThat(calendar.isOpen(bangkok("2026-12-30T10:30"))).isTrue();
	}

	@Test
	void aNightSessionBelongsToTheTradingDayItStartsOn() {
		SessionTradingCalendar calendar = new SessionTradingCalendar(SessionTradingCalendar.BANGKOK,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(TradingSession.parse("18:50-03:00")),
				Set.of());
		assertThat(calendar.isOpen(bangkok("2026-11-27T23:00"))).as("Friday night").isTrue();
		assertThat(calendar.isOpen(bangkok("2026-11-28T02:59"))).as("after midnight into Saturday").isTrue();
		assertThat(calendar.isOpen(bangkok("2026-11-28T03:00"))).isFalse();
		assertThat(calendar.isOpen(bangkok("2026-11-28T23:00"))).as("Saturday night").isFalse();
		assertThat(calendar.isOpen(bangkok("2026-11-30T01:00"))).as("after midnight from Sunday").isFalse();
	}

	@Test
	void theWholeDayIsWrittenMidnightTo24() {
		TradingSession wholeDay = TradingSession.parse("00:00-24:00");
		assertThat(wholeDay.contains(LocalTime.MIDNIGHT)).isTrue();
		assertThat(wholeDay.contains(LocalTime.MAX)).isTrue();
		assertThat(wholeDay).hasToString("00:00-24:00");
		assertThat(TradingSession.parse("16:00-24:00").contains(LocalTime.of(23, 59))).isTrue();
		assertThat(TradingSession.parse(" 09:45 - 12:30 ")).hasToString("09:45-12:30");
	}

	@Test
	void anythingElseIsNotASession() {
		assertThatIllegalArgumentException().isThrownBy(() -> TradingSession.parse("9-12"))
			.withMessageContaining("'9-12' is not a session such as 09:45-12:30");
		assertThatIllegalArgumentException().isThrownBy(() -> TradingSession.parse("09:45"));
		assertThatIllegalArgumentException().isThrownBy(() -> TradingSession.parse("25:00-26:00"));
	}

	@Test
	void openThroughoutLooksAtBothEndsOfThePeriod() {
		Instant opening = bangkok("2026-11-30T09:45");
		assertThat(this.setAndTfex.isOpenThroughout(opening.plusSeconds(29), Duration.ofSeconds(30))).isFalse();
		assertThat(this.setAndTfex.isOpenThroughout(opening.plusSeconds(30), Duration.ofSeconds(30))).isTrue();
	}

	private static Instant bangkok(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(SessionTradingCalendar.BANGKOK).toInstant();
	}

}
