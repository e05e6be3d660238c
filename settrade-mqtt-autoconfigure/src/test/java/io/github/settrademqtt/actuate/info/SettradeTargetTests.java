package io.github.settrademqtt.actuate.info;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeTarget}.
 */
class SettradeTargetTests {

	private static final URI SIMULATOR = URI.create("https://localhost:50443");

	@ParameterizedTest
	@ValueSource(strings = { "https://open-api.settrade.com", "https://open-api.settrade.com/",
			"https://OPEN-API.Settrade.com:443" })
	void settradesProductionUrlIsProduction(String baseUrl) {
		assertThat(SettradeTarget.of(URI.create(baseUrl), SIMULATOR)).isEqualTo(SettradeTarget.PRODUCTION);
	}

	@Test
	void settradesSandboxUrlIsTheSandbox() {
		assertThat(SettradeTarget.of(URI.create("https://open-api-test.settrade.com"), null))
			.isEqualTo(SettradeTarget.SANDBOX);
	}

	@Test
	void theSimulatorsAnnouncedUrlIsTheSimulator() {
		assertThat(SettradeTarget.of(URI.create("https://localhost:50443/"), SIMULATOR))
			.isEqualTo(SettradeTarget.SIMULATOR);
		assertThat(SettradeTarget.of(URI.create("https://LOCALHOST:50443"), SIMULATOR))
			.isEqualTo(SettradeTarget.SIMULATOR);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://localhost:50444", "https://127.0.0.1:50443", "https://localhost",
			"https://proxy.example.com", "https://open-api.settrade.com:8443", "https://open-api.settrade.com/v2",
			"http://open-api.settrade.com" })
	void anyOtherUrlIsCustom(String baseUrl) {
		assertThat(SettradeTarget.of(URI.create(baseUrl), SIMULATOR)).isEqualTo(SettradeTarget.CUSTOM);
	}

	@Test
	void aLoopbackUrlIsNotTheSimulatorUnlessItSaysSo() {
		assertThat(SettradeTarget.of(SIMULATOR, null)).isEqualTo(SettradeTarget.CUSTOM);
	}

}
