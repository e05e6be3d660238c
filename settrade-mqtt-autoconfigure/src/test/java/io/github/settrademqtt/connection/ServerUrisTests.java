package io.github.settrademqtt.connection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServerUris}.
 *
 * @author settrade-mqtt
 */
class ServerUrisTests {

	@Test
	void serverUrisUseThePortOnlyForBareHosts() {
		assertThat(ServerUris
			.of(List.of("a.example", "b.example:8443", "wss://c.example/custom", "[::1]:9443", "::1"), 443, "063")
			.uris()).containsExactly("wss://a.example:443/api/dispatcher/v3/063/mqtt",
					"wss://b.example:8443/api/dispatcher/v3/063/mqtt", "wss://c.example/custom",
					"wss://[::1]:9443/api/dispatcher/v3/063/mqtt", "wss://[::1]:443/api/dispatcher/v3/063/mqtt");
	}

	@Test
	void serverUrisSkipHostsThatAreNotSecureWebSocketAndSayWhy() {
		ServerUris.Resolved resolved = ServerUris.of(List.of("ws://plain.example:80/mqtt", "https://web.example",
				"wss://bad host/mqtt", " ", "good.example"), 443, "063");
		assertThat(resolved.uris()).containsExactly("wss://good.example:443/api/dispatcher/v3/063/mqtt");
		assertThat(resolved.skipped()).hasSize(4)
			.anySatisfy((reason) -> assertThat(reason).startsWith("'ws://plain.example:80/mqtt'").contains("in clear"))
			.anySatisfy((reason) -> assertThat(reason).startsWith("'https://web.example'").contains("only wss"))
			.anySatisfy((reason) -> assertThat(reason).startsWith("'wss://bad host/mqtt'").contains("Paho"))
			.anySatisfy((reason) -> assertThat(reason).contains("empty"));
	}

}
