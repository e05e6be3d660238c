package io.github.settrademqtt.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link ResponseStyle response shapes} of {@link SettradeSimulator}.
 */
class ResponseStyleTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private SettradeTestClient client;

	private SimulatedApp app;

	@BeforeEach
	void setUp() {
		this.client = SettradeTestClient.trusting(settrade.simulator());
		this.app = settrade.app();
	}

	@Test
	void snakeCaseIsTheDefault() {
		assertThat(settrade.simulator().responseStyle()).isEqualTo(ResponseStyle.SNAKE_CASE);
		JsonNode login = this.client.loginOk(this.app);
		assertThat(login.propertyNames()).containsExactly("access_token", "refresh_token", "token_type", "expires_in",
				"refresh_expires_in");
		assertThat(login.get("token_type").stringValue()).isEqualTo("Bearer");
		JsonNode ticket = ticket(login.get("access_token").stringValue());
		assertThat(ticket.propertyNames()).containsExactly("hosts", "token");
	}

	@Test
	void camelCaseRenamesTheTokenFields() {
		settrade.simulator().responseStyle(ResponseStyle.CAMEL_CASE);
		JsonNode login = this.client.loginOk(this.app);
		assertThat(login.propertyNames()).containsExactly("accessToken", "refreshToken", "tokenType", "expiresIn",
				"refreshExpiresIn");
		assertThat(login.get("tokenType").stringValue()).isEqualTo("Bearer");
		assertThat(login.get("expiresIn").longValue()).isEqualTo(1800);
		HttpResponse<String> refresh = this.client.refresh(this.app, login.get("refreshToken").stringValue());
		assertThat(SettradeTestClient.json(refresh).has("accessToken")).isTrue();
		JsonNode ticket = ticket(login.get("accessToken").stringValue());
		assertThat(ticket.propertyNames()).containsExactly("hosts", "token");
	}

	@Test
	void dataWrappedPutsSnakeCaseFieldsInADataEnvelope() {
		settrade.simulator().responseStyle(ResponseStyle.DATA_WRAPPED);
		JsonNode login = this.client.loginOk(this.app);
		assertThat(login.propertyNames()).containsExactly("data");
		JsonNode data = login.get("data");
		assertThat(data.propertyNames()).containsExactly("access_token", "refresh_token", "token_type", "expires_in",
				"refresh_expires_in");
		JsonNode ticket = ticket(data.get("access_token").stringValue());
		assertThat(ticket.propertyNames()).containsExactly("data");
		assertThat(ticket.get("data").get("hosts").get(0).stringValue())
			.isEqualTo(settrade.simulator().dispatcherHost());
		assertThat(ticket.get("data").get("token").stringValue()).startsWith("tk-");
	}

	@Test
	void dataWrappedLeavesErrorsUnwrapped() {
		settrade.simulator().responseStyle(ResponseStyle.DATA_WRAPPED);
		HttpResponse<String> response = this.client.ticket(this.app.brokerId(), "Bearer at-unknown");
		assertThat(SettradeTestClient.json(response).propertyNames()).containsExactly("code", "message");
	}

	@Test
	void lowerCaseBearerSpellsTheTokenTypeInLowerCaseAndItStillAuthorizes() {
		settrade.simulator().responseStyle(ResponseStyle.LOWER_CASE_BEARER);
		JsonNode login = this.client.loginOk(this.app);
		assertThat(login.get("token_type").stringValue()).isEqualTo("bearer");
		HttpResponse<String> ticket = this.client.ticket(this.app.brokerId(),
				login.get("token_type").stringValue() + " " + login.get("access_token").stringValue());
		assertThat(ticket.statusCode()).isEqualTo(200);
	}

	@Test
	void resetRestoresSnakeCase() {
		settrade.simulator().responseStyle(ResponseStyle.CAMEL_CASE);
		settrade.simulator().reset();
		assertThat(this.client.loginOk(this.app).has("access_token")).isTrue();
	}

	private JsonNode ticket(String accessToken) {
		HttpResponse<String> response = this.client.ticket(this.app.brokerId(), "Bearer " + accessToken);
		assertThat(response.statusCode()).isEqualTo(200);
		return SettradeTestClient.json(response);
	}

}
