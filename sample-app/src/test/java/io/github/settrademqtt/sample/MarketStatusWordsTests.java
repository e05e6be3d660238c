package io.github.settrademqtt.sample;

import java.util.EnumSet;
import java.util.Set;

import io.github.settrademqtt.feed.MarketStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MarketStatusWords}.
 */
class MarketStatusWordsTests {

	@Test
	void everyStatusReadsAsWordsNotAsItsName() {
		for (MarketStatus status : MarketStatus.values()) {
			assertThat(MarketStatusWords.describe(status)).as(status.name())
				.isNotBlank()
				.doesNotContain("_")
				.doesNotContainIgnoringCase(status.name())
				.matches("[A-Z].*");
		}
	}

	@Test
	void commonStatusesReadAsSettradeMeansThem() {
		assertThat(MarketStatusWords.describe(MarketStatus.OPEN_E)).isEqualTo("Open (continuous trading)");
		assertThat(MarketStatusWords.describe(MarketStatus.CLOSE_E)).isEqualTo("Closed");
		assertThat(MarketStatusWords.describe(MarketStatus.HALT_E)).isEqualTo("Halted");
		assertThat(MarketStatusWords.describe(MarketStatus.SUSPEND_E)).isEqualTo("Suspended");
		assertThat(MarketStatusWords.describe(MarketStatus.INTERMISSION_E)).isEqualTo("Intermission (midday break)");
		assertThat(MarketStatusWords.describe(MarketStatus.UNDEFINED)).isEqualTo("Not reported");
	}

	@Test
	void everyStatusHasOneOfFourTones() {
		Set<MarketStatus> open = EnumSet.noneOf(MarketStatus.class);
		for (MarketStatus status : MarketStatus.values()) {
			String tone = MarketStatusWords.tone(status);
			assertThat(tone).as(status.name()).isIn("open", "between", "halted", "closed");
			if (tone.equals("open")) {
				open.add(status);
			}
		}
		assertThat(open).allMatch((status) -> MarketStatusWords.describe(status).startsWith("Open"));
		assertThat(MarketStatusWords.tone(MarketStatus.PRE_OPEN1_E)).isEqualTo("between");
		assertThat(MarketStatusWords.tone(MarketStatus.CIRCUIT_BREAK_E)).isEqualTo("halted");
		assertThat(MarketStatusWords.tone(MarketStatus.UNKNOWN)).isEqualTo("closed");
	}

}
