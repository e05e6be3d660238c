package io.github.settrademqtt.feed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.test.proto.Money;

/**
 * Topics, receipts and amounts for decoder tests.
 */
final class FeedFixtures {

	static final String SYMBOL = "AOT";

	static final String MARKET = "SET";

	static final String ACCOUNT = "0123456-7";

	static final SessionFacts SESSION = new SessionFacts(3, SessionChange.ROTATION, Duration.ZERO,
			Instant.parse("2025-01-02T03:04:05Z"));

	private FeedFixtures() {
	}

	static String topic(MarketDataKind<?, ?> kind) {
		return switch (kind.tag()) {
			case "bid-offer" -> SettradeTopics.bidOffer(SYMBOL);
			case "price-info" -> SettradeTopics.priceInfo(SYMBOL);
			case "candlestick" -> SettradeTopics.candlestick(SYMBOL, "5m");
			case "equity-exchange-info" -> SettradeTopics.equityExchangeInfo(MARKET);
			case "derivatives-exchange-info" -> SettradeTopics.derivativesExchangeInfo("TFEX");
			case "equity-orders" -> SettradeTopics.equityOrders(ACCOUNT);
			case "derivatives-orders" -> SettradeTopics.derivativesOrders(ACCOUNT);
			default -> throw new IllegalArgumentException("No fixture for " + kind);
		};
	}

	/**
	 * The standard kinds, for {@code @MethodSource}.
	 * @return the kinds
	 */
	static List<MarketDataKind<?, ?>> kinds() {
		return MarketDataKinds.standard().all();
	}

	static EventReceipt receipt(MarketDataKind<?, ?> kind) {
		return receipt(topic(kind));
	}

	static EventReceipt receipt(String topic) {
		return new EventReceipt(topic, Instant.parse("2025-01-02T03:04:06.123456789Z"), 42_000_000L, SESSION);
	}

	/**
	 * A Money of a decimal, nanos with the sign of units as google.type.Money requires.
	 */
	static Money money(String decimal) {
		BigDecimal value = new BigDecimal(decimal);
		long units = value.longValue();
		int nanos = value.subtract(BigDecimal.valueOf(units)).movePointRight(9).intValueExact();
		return Money.newBuilder().setCurrencyCode("THB").setUnits(units).setNanos(nanos).build();
	}

	static Price price(String decimal) {
		return Price.of(new BigDecimal(decimal));
	}

}
