package io.github.settrademqtt.test;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.github.settrademqtt.test.SettradeSimulatorLoginTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the refresh-token endpoint of {@link SettradeSimulator}.
 */
class SettradeSimulatorRefreshTests {

	private static final MutableClock clock = MutableClock.startingNow();

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.clock(clock).refreshTokenLifetime(Duration.ofHours(2)));

	private SettradeTestClient client;

	private SimulatedApp app;

	@BeforeEach
	void setUp() {
		this.client = SettradeTestClient.trusting(settrade.simulator(), clock);
		this.app = settrade.app();
	}

	@Test
	void refreshReturnsANewTokenPairThatWorks() {
		JsonNode login = this.client.loginOk(this.app);
		HttpResponse<String> response = this.client.refresh(this.app, login.get("refresh_token").stringValue());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode refreshed = SettradeTestClient.json(response);
		assertThat(refreshed.propertyNames()).containsExactly("access_token", "refresh_token", "token_type",
				"expires_in", "refresh_expires_in");
		assertThat(refreshed.get("access_token")).isNotEqualTo(login.get("access_token"));
		assertThat(refreshed.get("refresh_token")).isNotEqualTo(login.get("refresh_token"));
		assertThat(refreshed.get("expires_in").longValue()).isEqualTo(1800);
		HttpResponse<String> ticket = this.client.ticket(this.app.brokerId(),
				"Bearer " + refreshed.get("access_token").stringValue());
		assertThat(ticket.statusCode()).isEqualTo(200);
		SimulatorStats stats = settrade.simulator().stats();
		assertThat(stats.refreshRequests()).isOne();
		assertThat(stats.successfulRefreshes()).isOne();
	}

	@Test
	void aRefreshTokenIsUsedUpByARefresh() {
		String refreshToken = this.client.loginOk(this.app).get("refresh_token").stringValue();
		assertThat(this.client.refresh(this.app, refreshToken).statusCode()).isEqualTo(200);
		assertError(this.client.refresh(this.app, refreshToken), 401, "INVALID_REFRESH_TOKEN",
				"Refresh token is invalid or expired");
	}

	@Test
	void rejectRefreshFaultRefusesValidRefreshTokensUntilReset() {
		String refreshToken = this.client.loginOk(this.app).get("refresh_token").stringValue();
		settrade.simulator().faults().rejectRefresh(true);
		assertError(this.client.refresh(this.app, refreshToken), 401, "INVALID_REFRESH_TOKEN",
				"Refresh token is invalid or expired");
		assertThat(settrade.simulator().stats().rejectedRefreshes()).isOne();
		settrade.simulator().faults().reset();
		assertThat(this.client.refresh(this.app, refreshToken).statusCode()).isEqualTo(200);
	}

	@Test
	void anExpiredRefreshTokenIsRejected() {
		String refreshToken = this.client.loginOk(this.app).get("refresh_token").stringValue();
		clock.advance(Duration.ofHours(2));
		assertError(this.client.refresh(this.app, refreshToken), 401, "INVALID_REFRESH_TOKEN",
				"Refresh token is invalid or expired");
	}

	@Test
	void anUnknownRefreshTokenIsRejected() {
		assertError(this.client.refresh(this.app, "rt-made-up"), 401, "INVALID_REFRESH_TOKEN",
				"Refresh token is invalid or expired");
	}

	@Test
	void anotherAppsRefreshTokenIsRejected() {
		SimulatedApp other = settrade.simulator().registerApp();
		String othersToken = this.client.loginOk(other).get("refresh_token").stringValue();
		assertError(this.client.refresh(this.app, othersToken), 401, "INVALID_REFRESH_TOKEN",
				"Refresh token is invalid or expired");
		assertThat(this.client.refresh(other, othersToken).statusCode()).isEqualTo(200);
	}

	@Test
	void aRefreshWithoutTheRefreshTokenIsABadRequest() {
		HttpResponse<String> response = this.client.postJson(
				"/api/oam/v1/" + this.app.brokerId() + "/broker-apps/" + this.app.appCode() + "/refresh-token",
				"{\"apiKey\":\"" + this.app.appId() + "\"}");
		assertError(response, 400, "BAD_REQUEST", "Missing required field 'refreshToken'");
	}

}
