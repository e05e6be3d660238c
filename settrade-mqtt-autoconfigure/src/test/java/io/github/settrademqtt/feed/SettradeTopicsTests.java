package io.github.settrademqtt.feed;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link SettradeTopics} and {@link MarketDataKind}.
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
		assertThat(MarketDataKinds.standard().of(SettradeTopics.bidOffer("PTT"))).isEqualTo(MarketDataKinds.BID_OFFER);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.priceInfo("PTT")))
			.isEqualTo(MarketDataKinds.PRICE_INFO);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.candlestick("PTT", "1d")))
			.isEqualTo(MarketDataKinds.CANDLESTICK);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.equityExchangeInfo("SET")))
			.isEqualTo(MarketDataKinds.EQUITY_EXCHANGE_INFO);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.derivativesExchangeInfo("TFEX")))
			.isEqualTo(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.equityOrders("1")))
			.isEqualTo(MarketDataKinds.EQUITY_ORDERS);
		assertThat(MarketDataKinds.standard().of(SettradeTopics.derivativesOrders("1")))
			.isEqualTo(MarketDataKinds.DERIVATIVES_ORDERS);
		assertThat(MarketDataKinds.standard().of("proto/topic/unknown/PTT")).isNull();
		assertThat(MarketDataKinds.BID_OFFER.tag()).isEqualTo("bid-offer");
	}

}
