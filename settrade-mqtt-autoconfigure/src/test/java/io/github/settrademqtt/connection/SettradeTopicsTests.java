package io.github.settrademqtt.connection;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SettradeTopics}, {@link TopicKind} and {@link ServerUris}.
 */
class SettradeTopicsTests {

	@Test
	void topicsFollowTheProtocolAndUpperCaseSymbols() {
		assertThat(SettradeTopics.bidOffer(" ptt ")).isEqualTo("proto/topic/bidofferv3/PTT");
		assertThat(SettradeTopics.priceInfo("aot")).isEqualTo("proto/topic/infov3/AOT");
		assertThat(SettradeTopics.candlestick("cpall", "1m")).isEqualTo("proto/topic/cdlv3/CPALL/1m");
		assertThat(SettradeTopics.equityExchangeInfo("SET")).isEqualTo("proto/topic/exchinfoeqv3/SET");
		assertThat(SettradeTopics.derivativesExchangeInfo("TFEX")).isEqualTo("proto/topic/exchinfodvv3/TFEX");
		assertThat(SettradeTopics.equityOrders("1234567")).isEqualTo("proto/ua/_broker/1234567/_front/ordereqv3");
		assertThat(SettradeTopics.derivativesOrders("7654321")).isEqualTo("proto/ua/_broker/7654321/_front/orderdvv3");
	}

	@Test
	void wildcardsAndSeparatorsAreRefusedNamingTheKey() {
		for (String bad : List.of("P/TT", "PTT+", "#", "P TT")) {
			assertThatIllegalArgumentException().isThrownBy(() -> SettradeTopics.bidOffer(bad))
				.withMessageContaining("'symbol'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> SettradeTopics.candlestick("PTT", " "))
			.withMessageContaining("'interval'");
	}

	@Test
	void kindOfEveryTopic() {
		assertThat(TopicKind.of(SettradeTopics.bidOffer("PTT"))).isEqualTo(TopicKind.BID_OFFER);
		assertThat(TopicKind.of(SettradeTopics.priceInfo("PTT"))).isEqualTo(TopicKind.PRICE_INFO);
		assertThat(TopicKind.of(SettradeTopics.candlestick("PTT", "1d"))).isEqualTo(TopicKind.CANDLESTICK);
		assertThat(TopicKind.of(SettradeTopics.equityExchangeInfo("SET"))).isEqualTo(TopicKind.EQUITY_EXCHANGE_INFO);
		assertThat(TopicKind.of(SettradeTopics.derivativesExchangeInfo("TFEX")))
			.isEqualTo(TopicKind.DERIVATIVES_EXCHANGE_INFO);
		assertThat(TopicKind.of(SettradeTopics.equityOrders("1"))).isEqualTo(TopicKind.EQUITY_ORDERS);
		assertThat(TopicKind.of(SettradeTopics.derivativesOrders("1"))).isEqualTo(TopicKind.DERIVATIVES_ORDERS);
		assertThat(TopicKind.of("proto/topic/unknown/PTT")).isNull();
		assertThat(TopicKind.BID_OFFER.tag()).isEqualTo("bid-offer");
	}

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
