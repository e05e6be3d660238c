package io.github.settrademqtt.autoconfigure;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.settrademqtt.feed.liveness.SessionTradingCalendar;
import io.github.settrademqtt.feed.liveness.TradingSession;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Maps {@code settrade.mqtt.market-hours.*} to the trading calendar.
 *
 * @author settrade-mqtt
 */
final class MarketHoursMapper {

	private static final String PREFIX = "settrade.mqtt.market-hours.";

	private MarketHoursMapper() {
	}

	static SessionTradingCalendar calendar(SettradeMqttProperties.MarketHours marketHours) {
		if (marketHours.getDays().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "days", "", "must name at least one day");
		}
		List<TradingSession> sessions = new ArrayList<>();
		for (String session : marketHours.getSessions()) {
			try {
				sessions.add(TradingSession.parse(session));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "sessions", session, ex.getMessage());
			}
		}
		if (sessions.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "sessions", "",
					"must name at least one session");
		}
		Set<LocalDate> holidays = new LinkedHashSet<>();
		for (String holiday : marketHours.getHolidays()) {
			try {
				holidays.add(LocalDate.parse(holiday.strip()));
			}
			catch (DateTimeParseException ex) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "holidays", holiday,
						"must be an ISO date such as 2026-12-31");
			}
		}
		return new SessionTradingCalendar(marketHours.getZone(), EnumSet.copyOf(marketHours.getDays()), sessions,
				holidays);
	}

}
