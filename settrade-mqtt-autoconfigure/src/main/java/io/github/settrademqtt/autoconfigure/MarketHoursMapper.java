package io.github.settrademqtt.autoconfigure;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.settrademqtt.feed.liveness.SessionTradingCalendar;
import io.github.settrademqtt.feed.liveness.TradingSession;

/**
 * Maps {@code settrade.mqtt.market-hours.*} to the trading calendar, once
 * {@link SettradeMqttPropertiesValidator} has found them valid.
 *
 * @author settrade-mqtt
 */
final class MarketHoursMapper {

	private MarketHoursMapper() {
	}

	static SessionTradingCalendar calendar(SettradeMqttProperties.MarketHours marketHours) {
		SettradeMqttPropertiesValidator.validate(marketHours);
		List<TradingSession> sessions = marketHours.getSessions().stream().map(TradingSession::parse).toList();
		Set<LocalDate> holidays = new LinkedHashSet<>();
		marketHours.getHolidays().forEach((holiday) -> holidays.add(LocalDate.parse(holiday.strip())));
		return new SessionTradingCalendar(marketHours.getZone(), EnumSet.copyOf(marketHours.getDays()), sessions,
				holidays);
	}

}
