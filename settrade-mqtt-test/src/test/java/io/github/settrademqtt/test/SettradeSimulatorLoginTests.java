package io.github.settrademqtt.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for the login endpoint of {@link SettradeSimulator}.
 */
class SettradeSimulatorLoginTests {

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
	void loginReturnsTokensInTheSnakeCaseShape() {
		HttpResponse<String> response = this.client.login(this.app);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Date")).isPresent();
		assertThat(response.headers().firstValue("X-RateLimit-Remaining-second"))
			.hasValueSatisfying((value) -> assertThat(Integer.parseInt(value)).isNotNegative());
		assertThat(response.headers().firstValue("X-RateLimit-Remaining-minute")).isPresent();
		JsonNode body = SettradeTestClient.json(response);
		assertThat(body.propertyNames()).containsExactly("access_token", "refresh_token", "token_type", "expires_in",
				"refresh_expires_in");
		assertThat(body.get("access_token").stringValue()).startsWith("at-")
			.hasSizeGreaterThanOrEqualTo(32)
			.matches("[A-Za-z0-9_-]+");
		assertThat(body.get("refresh_token").stringValue()).startsWith("rt-")
			.hasSizeGreaterThanOrEqualTo(32)
			.matches("[A-Za-z0-9_-]+");
		assertThat(body.get("token_type").stringValue()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").longValue()).isEqualTo(1800);
		assertThat(body.get("refresh_expires_in").longValue()).isEqualTo(7200);
		SimulatorStats stats = settrade.simulator().stats();
		assertThat(stats.loginRequests()).isOne();
		assertThat(stats.successfulLogins()).isOne();
		assertThat(stats.rejectedLogins()).isZero();
	}

	@Test
	void loginIssuesDistinctTokensEachTime() {
		JsonNode first = this.client.loginOk(this.app);
		JsonNode second = this.client.loginOk(this.app);
		assertThat(first.get("access_token")).isNotEqualTo(second.get("access_token"));
		assertThat(first.get("refresh_token")).isNotEqualTo(second.get("refresh_token"));
	}

	@Test
	void loginAcceptsTheTimestampAsAJsonNumber() {
		long timestamp = System.currentTimeMillis();
		ObjectNode body = SettradeTestClient.JSON.createObjectNode();
		body.put("apiKey", this.app.appId());
		body.put("signature", SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".." + timestamp));
		body.put("timestamp", timestamp);
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app), body.toString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void loginChecksParamsAsPartOfTheSignedContent() {
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".abc." + timestamp);
		HttpResponse<String> signedParams = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "abc", timestamp, signature));
		assertThat(signedParams.statusCode()).isEqualTo(200);
		HttpResponse<String> otherParams = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "xyz", timestamp, signature));
		assertError(otherParams, 401, "INVALID_SIGNATURE", "Signature rejected");
	}

	@Test
	void loginSignedWithAnotherKeyIsRejected() {
		SimulatedApp other = settrade.simulator().registerApp();
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = SettradeTestClient.sign(other.appSecret(), this.app.appId() + ".." + timestamp);
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "", timestamp, signature));
		assertError(response, 401, "INVALID_SIGNATURE", "Signature rejected");
		assertThat(settrade.simulator().stats().rejectedLogins()).isOne();
	}

	@Test
	void loginWithAnUpperCaseHexSignatureIsRejected() {
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".." + timestamp)
			.toUpperCase();
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "", timestamp, signature));
		assertError(response, 401, "INVALID_SIGNATURE", "Signature rejected");
	}

	@Test
	void loginWithASignatureOverAnotherTimestampIsRejected() {
		long now = System.currentTimeMillis();
		String signature = SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".." + (now - 1));
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "", Long.toString(now), signature));
		assertError(response, 401, "INVALID_SIGNATURE", "Signature rejected");
	}

	@ParameterizedTest
	@ValueSource(longs = { -5, 5 })
	void loginWithATimestampFiveMinutesOffIsRejectedAndTheDateHeaderTellsTheSkew(long minutes) {
		HttpResponse<String> response = this.client.login(this.app, Instant.now().plus(Duration.ofMinutes(minutes)));
		assertError(response, 401, "INVALID_TIMESTAMP", "Timestamp is outside the allowed window");
		String date = response.headers().firstValue("Date").orElseThrow();
		Instant serverTime = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		assertThat(serverTime.getEpochSecond()).isCloseTo(Instant.now().getEpochSecond(), within(5L));
		assertThat(date).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
	}

	@Test
	void loginWithAnUnknownAppIdIsRejected() {
		SimulatedApp unknown = new SimulatedApp("no-such-app", this.app.appSecret(), this.app.appCode(),
				this.app.brokerId());
		assertError(this.client.login(unknown), 401, "APP_NOT_FOUND", "Unknown app id or app code");
	}

	@Test
	void loginWithAnotherAppCodeIsRejected() {
		SimulatedApp wrongCode = new SimulatedApp(this.app.appId(), this.app.appSecret(), "OTHER", this.app.brokerId());
		assertError(this.client.login(wrongCode), 401, "APP_NOT_FOUND", "Unknown app id or app code");
	}

	@Test
	void loginUnderAnotherBrokerIsRejected() {
		SimulatedApp wrongBroker = new SimulatedApp(this.app.appId(), this.app.appSecret(), this.app.appCode(), "098");
		assertError(this.client.login(wrongBroker), 401, "APP_NOT_FOUND", "Unknown app id or app code");
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app), "{\"apiKey\":");
		assertError(response, 400, "BAD_REQUEST", "Request body must be a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "apiKey", "signature", "timestamp" })
	void aMissingFieldIsABadRequestNamingTheField(String field) {
		ObjectNode body = (ObjectNode) SettradeTestClient.JSON.readTree(
				SettradeTestClient.loginBody(this.app.appId(), "", Long.toString(System.currentTimeMillis()), "3045"));
		body.remove(field);
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app), body.toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(SettradeTestClient.json(response).get("message").stringValue()).contains("'" + field + "'");
	}

	@Test
	void aTimestampThatIsNotMillisecondsIsABadRequest() {
		HttpResponse<String> response = this.client.postJson(SettradeTestClient.loginPath(this.app),
				SettradeTestClient.loginBody(this.app.appId(), "", "2024-01-01T00:00:00Z", "3045"));
		assertError(response, 400, "BAD_REQUEST", "Field 'timestamp' must be milliseconds since the epoch");
	}

	@Test
	void aBodyNotSentAsJsonIsRefused() {
		String timestamp = Long.toString(System.currentTimeMillis());
		String body = SettradeTestClient.loginBody(this.app.appId(), "", timestamp,
				SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".." + timestamp));
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.client.uri(SettradeTestClient.loginPath(this.app)))
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(SettradeTestClient.json(response).get("code").stringValue()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test
	void failNextLoginsAnswersTwiceWithTheStatusThenRecovers() {
		settrade.simulator().faults().failNextLogins(2, 503);
		HttpResponse<String> first = this.client.login(this.app);
		HttpResponse<String> second = this.client.login(this.app);
		HttpResponse<String> third = this.client.login(this.app);
		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(SettradeTestClient.json(first).get("code").stringValue()).isEqualTo("SERVICE_UNAVAILABLE");
		assertThat(SettradeTestClient.json(first).get("message").stringValue()).isNotBlank();
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(third.statusCode()).isEqualTo(200);
		SimulatorStats stats = settrade.simulator().stats();
		assertThat(stats.loginRequests()).isEqualTo(3);
		assertThat(stats.rejectedLogins()).isEqualTo(2);
		assertThat(stats.successfulLogins()).isOne();
	}

	@Test
	void failNextLoginsWithTooManyRequestsSaysWhenToComeBack() {
		settrade.simulator().faults().failNextLogins(1, 429);
		HttpResponse<String> response = this.client.login(this.app);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(SettradeTestClient.json(response).get("code").stringValue()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.headers().firstValue("X-RateLimit-Remaining-second")).hasValue("0");
		assertThat(this.client.login(this.app).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownPathIsANotFoundJsonError() {
		HttpResponse<String> response = this.client.postJson("/api/oam/v1/063/nothing-here", "{}");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(SettradeTestClient.json(response).get("code").stringValue()).isEqualTo("NOT_FOUND");
	}

	@Test
	void loginWithTheWrongMethodIsNotFound() {
		HttpResponse<String> get = this.client
			.send(HttpRequest.newBuilder(this.client.uri(SettradeTestClient.loginPath(this.app))).GET().build());
		assertThat(get.statusCode()).isEqualTo(404);
	}

	static void assertError(HttpResponse<String> response, int status, String code, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = SettradeTestClient.json(response);
		assertThat(body.get("code").stringValue()).isEqualTo(code);
		assertThat(body.get("message").stringValue()).isEqualTo(message);
	}

}
