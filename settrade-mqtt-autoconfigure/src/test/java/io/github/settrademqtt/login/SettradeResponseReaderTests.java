package io.github.settrademqtt.login;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SettradeResponseReader}.
 */
class SettradeResponseReaderTests {

	private static final AccessToken BEARER = new AccessToken("at", null, "Bearer", Duration.ofMinutes(30), 0);

	private final SettradeResponseReader reader = new SettradeResponseReader(JsonMapper.builder().build());

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"token_type\":\"Bearer\",\"expires_in\":1800}",
			"{\"accessToken\":\"at-1\",\"refreshToken\":\"rt-1\",\"tokenType\":\"Bearer\",\"expiresIn\":1800}",
			"{\"data\":{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"token_type\":\"bearer\",\"expires_in\":\"1800\"}}",
			"{\"access_token\":\"at-1\",\"refresh_token\":\"rt-1\",\"token_type\":\"bearer\",\"expires_in\":1800,\"other\":[1,2]}" })
	void readsEveryTokenVariant(String json) {
		AccessToken token = this.reader.readToken("login", bytes(json), 42L);
		assertThat(token.value()).isEqualTo("at-1");
		assertThat(token.refreshToken()).isEqualTo("rt-1");
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(token.lifetime()).isEqualTo(Duration.ofSeconds(1800));
		assertThat(token.obtainedAtNanos()).isEqualTo(42L);
		assertThat(token.authorization()).isEqualTo("Bearer at-1");
	}

	@Test
	void missingAccessTokenIsNamed() {
		assertThatExceptionOfType(SettradeApiException.class)
			.isThrownBy(() -> this.reader.readToken("login", bytes("{\"expires_in\":5}"), 0))
			.withMessageContaining("'access_token' (or 'accessToken')");
	}

	@Test
	void nonPositiveExpiryIsNamed() {
		assertThatExceptionOfType(SettradeApiException.class)
			.isThrownBy(
					() -> this.reader.readToken("login", bytes("{\"access_token\":\"secret-at\",\"expires_in\":0}"), 0))
			.withMessageContaining("'expires_in'")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret-at"));
	}

	@Test
	void nonJsonIsReportedWithoutQuotingTheBody() {
		assertThatExceptionOfType(SettradeApiException.class)
			.isThrownBy(() -> this.reader.readToken("login", bytes("<html>secret-at</html>"), 0))
			.withMessageContaining("not JSON")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("secret-at"));
	}

	@Test
	void readsTicketPlainAndWrapped() {
		DispatcherTicket plain = this.reader.readTicket("ticket",
				bytes("{\"hosts\":[\"a.example:443\",\"b.example\"],\"token\":\"tk-1\"}"), BEARER);
		assertThat(plain.hosts()).containsExactly("a.example:443", "b.example");
		assertThat(plain.host()).isEqualTo("a.example:443");
		assertThat(plain.authorization()).isEqualTo("Bearer tk-1");
		assertThat(plain.expiresAtNanos()).isEqualTo(BEARER.expiresAtNanos());
		DispatcherTicket wrapped = this.reader.readTicket("ticket",
				bytes("{\"data\":{\"hosts\":[\"a.example\"],\"token\":\"tk-2\"}}"), BEARER);
		assertThat(wrapped.token()).isEqualTo("tk-2");
		assertThat(wrapped).hasToString("DispatcherTicket[hosts=[a.example], token=******]");
	}

	@Test
	void emptyHostListIsAnError() {
		assertThatExceptionOfType(SettradeApiException.class)
			.isThrownBy(() -> this.reader.readTicket("ticket", bytes("{\"hosts\":[],\"token\":\"tk\"}"), BEARER))
			.withMessageContaining("'hosts' list is empty");
	}

	@Test
	void readsErrorBody() {
		SettradeResponseReader.ErrorBody error = this.reader
			.readError(bytes("{\"code\":\"INVALID_SIGNATURE\",\"message\":\"Signature rejected\"}"));
		assertThat(error.code()).isEqualTo("INVALID_SIGNATURE");
		assertThat(error.message()).isEqualTo("Signature rejected");
		assertThat(this.reader.readError(bytes("oops"))).isEqualTo(SettradeResponseReader.ErrorBody.NONE);
	}

	@Test
	void tokenToStringMasksBothTokens() {
		AccessToken token = this.reader.readToken("login",
				bytes("{\"access_token\":\"at-secret\",\"refresh_token\":\"rt-secret\",\"expires_in\":60}"), 0);
		assertThat(token.toString()).doesNotContain("at-secret").doesNotContain("rt-secret").contains("******");
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
