package io.github.settrademqtt.autoconfigure;

import io.github.settrademqtt.login.AccessToken;
import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole auto-configured login path, as an application sees it, against
 * {@link EmbeddedSettrade}: properties, SSL bundle trust, the application's
 * {@code RestClient.Builder}, login and ticket.
 */
@SpringBootTest
@EmbeddedSettrade
class EmbeddedSettradeLoginTests {

	@Autowired
	private SettradeLoginService loginService;

	@Autowired
	private SettradeSimulator simulator;

	@Test
	void logsInAndObtainsTicketThroughAutoConfiguration() {
		AccessToken token = this.loginService.accessToken();
		assertThat(token.remaining(System.nanoTime())).isPositive();
		DispatcherTicket ticket = this.loginService.dispatcherTicket();
		assertThat(ticket.host()).isEqualTo(this.simulator.dispatcherHost());
		assertThat(this.simulator.consumeTicket(ticket.token())).isPresent();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
