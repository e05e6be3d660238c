package io.github.settrademqtt.docs;

import java.time.Duration;

import io.github.settrademqtt.test.ResponseStyle;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgrammaticSimulatorTests {

	@Test
	void faultsStylesAndCounters() {
		try (SettradeSimulator simulator = SettradeSimulator.builder()
			.tokenLifetime(Duration.ofSeconds(4))
			.build()
			.start()) {
			SimulatedApp app = simulator.registerApp();
			simulator.faults().failNextLogins(2, 503).latency(Duration.ofMillis(200));
			simulator.faults().rejectRefresh(true);
			simulator.faults().revokeAccessTokens();
			// read, never answered
			simulator.faults().hangNextLogins(1).hangNextRefreshes(1).hangNextTickets(1);
			// the ticket's hosts; {port} is the simulator's
			simulator.faults().dispatcherHosts("localhost:1", "localhost:{port}");
			simulator.responseStyle(ResponseStyle.DATA_WRAPPED);
			assertThat(simulator.stats().hungRequests()).isZero();
			assertThat(simulator.stats().successfulLogins()).isZero();
			// every secret issued or received: for secret-hygiene checks
			assertThat(simulator.issuedSecrets()).contains(app.appSecret());
			simulator.reset();
			assertThat(simulator.responseStyle()).isEqualTo(ResponseStyle.SNAKE_CASE);
		}
	}

}
