package io.github.settrademqtt.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.github.settrademqtt.test.SettradeSimulatorLoginTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the dispatcher ticket endpoint of {@link SettradeSimulator}.
 */
class SettradeSimulatorTicketTests {

	private static final MutableClock clock = MutableClock.startingNow();

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.clock(clock).tokenLifetime(Duration.ofMinutes(10)));

	private SettradeTestClient client;

	private SimulatedApp app;

	@BeforeEach
	void setUp() {
		this.client = SettradeTestClient.trusting(settrade.simulator(), clock);
		this.app = settrade.app();
	}

	@Test
	void ticketNamesTheSimulatorAsMqttHost() {
		HttpResponse<String> response = this.client.ticket(this.app.brokerId(), "Bearer " + accessToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Date")).isPresent();
		JsonNode body = SettradeTestClient.json(response);
		assertThat(body.propertyNames()).containsExactly("hosts", "token");
		assertThat(body.get("hosts").size()).isOne();
		assertThat(body.get("hosts").get(0).stringValue()).isEqualTo("localhost:" + settrade.simulator().port())
			.isEqualTo(settrade.simulator().dispatcherHost());
		assertThat(body.get("token").stringValue()).startsWith("tk-")
			.hasSizeGreaterThanOrEqualTo(32)
			.matches("[A-Za-z0-9_-]+");
		SimulatorStats stats = settrade.simulator().stats();
		assertThat(stats.ticketRequests()).isOne();
		assertThat(stats.ticketsIssued()).isOne();
	}

	@Test
	void dispatcherHostsReplaceTheSimulatorWithThePortFilledIn() {
		SettradeSimulator simulator = settrade.simulator();
		int port = simulator.port();
		simulator.faults().dispatcherHosts("wss://localhost:{port}", "localhost:1", "localhost:{port}");
		String accessToken = accessToken();
		assertThat(hosts(accessToken)).containsExactly("wss://localhost:" + port, "localhost:1", "localhost:" + port);
		assertThat(simulator.faults().toString()).contains("dispatcherHosts=[wss://localhost:{port}");
		simulator.faults().dispatcherHosts();
		assertThat(hosts(accessToken)).isEmpty();
		simulator.reset();
		assertThat(hosts(accessToken)).containsExactly(simulator.dispatcherHost());
	}

	@Test
	void dispatcherHostsMustNotBeBlank() {
		SimulatorFaults faults = settrade.simulator().faults();
		assertThatIllegalArgumentException().isThrownBy(() -> faults.dispatcherHosts("localhost:{port}", " "));
		assertThatIllegalArgumentException().isThrownBy(() -> faults.dispatcherHosts((String) null));
	}

	@Test
	void theAuthorizationSchemeIsCaseInsensitive() {
		String accessToken = accessToken();
		assertThat(this.client.ticket(this.app.brokerId(), "bearer " + accessToken).statusCode()).isEqualTo(200);
		assertThat(this.client.ticket(this.app.brokerId(), "BEARER " + accessToken).statusCode()).isEqualTo(200);
	}

	@Test
	void aTicketRequestWithoutAuthorizationIsUnauthorized() {
		assertUnauthorized(this.client.ticket(this.app.brokerId(), null));
		assertThat(settrade.simulator().stats().ticketsIssued()).isZero();
		assertThat(settrade.simulator().stats().rejectedTickets()).isOne();
	}

	@Test
	void aTicketRequestWithABadTokenIsUnauthorized() {
		assertUnauthorized(this.client.ticket(this.app.brokerId(), "Bearer at-not-a-real-token"));
		assertUnauthorized(this.client.ticket(this.app.brokerId(), "Basic " + accessToken()));
		assertUnauthorized(this.client.ticket(this.app.brokerId(), accessToken()));
	}

	@Test
	void aTicketRequestUnderAnotherBrokerIsUnauthorized() {
		assertUnauthorized(this.client.ticket("098", "Bearer " + accessToken()));
	}

	@Test
	void revokedAccessTokensAreUnauthorizedUntilTheClientRefreshes() {
		JsonNode login = this.client.loginOk(this.app);
		String accessToken = login.get("access_token").stringValue();
		assertThat(this.client.ticket(this.app.brokerId(), "Bearer " + accessToken).statusCode()).isEqualTo(200);
		settrade.simulator().faults().revokeAccessTokens();
		assertUnauthorized(this.client.ticket(this.app.brokerId(), "Bearer " + accessToken));
		JsonNode refreshed = SettradeTestClient
			.json(this.client.refresh(this.app, login.get("refresh_token").stringValue()));
		assertThat(this.client.ticket(this.app.brokerId(), "Bearer " + refreshed.get("access_token").stringValue())
			.statusCode()).isEqualTo(200);
	}

	@Test
	void anExpiredAccessTokenIsUnauthorized() {
		String accessToken = accessToken();
		clock.advance(Duration.ofMinutes(10));
		assertUnauthorized(this.client.ticket(this.app.brokerId(), "Bearer " + accessToken));
	}

	@Test
	void failNextTicketsAnswersWithTheStatusThenRecovers() {
		String accessToken = accessToken();
		settrade.simulator().faults().failNextTickets(1, 503);
		HttpResponse<String> failed = this.client.ticket(this.app.brokerId(), "Bearer " + accessToken);
		assertThat(failed.statusCode()).isEqualTo(503);
		assertThat(SettradeTestClient.json(failed).get("code").stringValue()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(this.client.ticket(this.app.brokerId(), "Bearer " + accessToken).statusCode()).isEqualTo(200);
	}

	@Test
	void aTicketCanBeConsumedOnceAndExpiresWithItsAccessToken() {
		Instant loggedInAt = clock.instant();
		String accessToken = accessToken();
		String first = ticket(accessToken);
		String second = ticket(accessToken);
		SettradeSimulator simulator = settrade.simulator();
		assertThat(simulator.consumeTicket(first)).hasValueSatisfying((info) -> {
			assertThat(info.appId()).isEqualTo(this.app.appId());
			assertThat(info.appCode()).isEqualTo(this.app.appCode());
			assertThat(info.brokerId()).isEqualTo(this.app.brokerId());
			assertThat(info.expiresAt()).isEqualTo(loggedInAt.plus(Duration.ofMinutes(10)));
		});
		assertThat(simulator.consumeTicket(first)).isEmpty();
		assertThat(simulator.consumeTicket("tk-unknown")).isEmpty();
		clock.advance(Duration.ofMinutes(10));
		assertThat(simulator.consumeTicket(second)).isEmpty();
	}

	private String accessToken() {
		return this.client.loginOk(this.app).get("access_token").stringValue();
	}

	private List<String> hosts(String accessToken) {
		HttpResponse<String> response = this.client.ticket(this.app.brokerId(), "Bearer " + accessToken);
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> hosts = new ArrayList<>();
		SettradeTestClient.json(response).get("hosts").forEach((host) -> hosts.add(host.stringValue()));
		return hosts;
	}

	private String ticket(String accessToken) {
		HttpResponse<String> response = this.client.ticket(this.app.brokerId(), "Bearer " + accessToken);
		assertThat(response.statusCode()).isEqualTo(200);
		return SettradeTestClient.json(response).get("token").stringValue();
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertError(response, 401, "UNAUTHORIZED", "Access token is invalid or expired");
	}

}
