package io.github.settrademqtt.test;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeSimulatorExtension} registered on a static field: one
 * simulator for the class, reset before each test.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettradeSimulatorExtensionStaticFieldTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.tokenLifetime(Duration.ofSeconds(4)));

	private static SettradeSimulator first;

	@Test
	@Order(1)
	void theSimulatorRunsWithOneAppAndTheCustomizedBuilder() {
		first = settrade.simulator();
		assertThat(first.isRunning()).isTrue();
		SimulatedApp app = settrade.app();
		assertThat(SettradeTestClient.trusting(first).loginOk(app).get("expires_in").longValue()).isEqualTo(4);
		first.faults().failNextLogins(5, 503);
		first.responseStyle(ResponseStyle.CAMEL_CASE);
	}

	@Test
	@Order(2)
	void theNextTestGetsTheSameSimulatorReset() {
		assertThat(settrade.simulator()).isSameAs(first);
		assertThat(first.stats().loginRequests()).isZero();
		assertThat(first.responseStyle()).isEqualTo(ResponseStyle.SNAKE_CASE);
		assertThat(SettradeTestClient.trusting(first).login(settrade.app()).statusCode()).isEqualTo(200);
	}

	@Test
	@Order(3)
	void parametersAreResolved(SettradeSimulator simulator, SimulatedApp app) {
		assertThat(simulator).isSameAs(settrade.simulator());
		assertThat(app).isEqualTo(settrade.app());
	}

	@AfterAll
	static void theSimulatorIsStillRunningUntilTheClassIsDone() {
		assertThat(first.isRunning()).isTrue();
	}

}
