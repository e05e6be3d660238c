package io.github.settrademqtt.autoconfigure;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link MarketHoursMapper}: the trading calendar may be created before the
 * rest of the properties is validated, and rejects bad market hours the same way, all at
 * once.
 */
class MarketHoursMapperTests {

	@Test
	void badMarketHoursAreAllNamedInTheStartersOneStyle() {
		SettradeMqttProperties.MarketHours marketHours = new SettradeMqttProperties.MarketHours();
		marketHours.setDays(List.of());
		marketHours.setSessions(List.of("09:45-12:30", "9-12"));
		marketHours.setHolidays(List.of("31/12/2026"));
		InvalidSettradePropertiesException ex = catchThrowableOfType(InvalidSettradePropertiesException.class,
				() -> MarketHoursMapper.calendar(marketHours));
		assertThat(ex.getProblems()).extracting(InvalidSettradePropertiesException.Problem::property)
			.containsExactly("settrade.mqtt.market-hours.days", "settrade.mqtt.market-hours.sessions[1]",
					"settrade.mqtt.market-hours.holidays[0]");
		assertThat(ex.getProblems()).allSatisfy((problem) -> assertThat(problem.action()).isNotBlank());
	}

	@Test
	void validMarketHoursMapToTheCalendar() {
		SettradeMqttProperties.MarketHours marketHours = new SettradeMqttProperties.MarketHours();
		marketHours.setHolidays(List.of(" 2026-11-26 "));
		assertThat(MarketHoursMapper.calendar(marketHours).isOpen(Instant.parse("2026-11-27T03:00:00Z"))).isTrue();
		assertThat(MarketHoursMapper.calendar(marketHours).isOpen(Instant.parse("2026-11-26T03:00:00Z"))).isFalse();
	}

}
