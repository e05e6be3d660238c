package io.github.settrademqtt.feed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeTopics;
import io.github.settrademqtt.connection.TopicKind;
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

	static String topic(TopicKind kind) {
		return switch (kind) {
			case BID_OFFER -> SettradeTopics.bidOffer(SYMBOL);
			case PRICE_INFO -> SettradeTopics.priceInfo(SYMBOL);
			case CANDLESTICK -> SettradeTopics.candlestick(SYMBOL, "5m");
			case EQUITY_EXCHANGE_INFO -> SettradeTopics.equityExchangeInfo(MARKET);
			case DERIVATIVES_EXCHANGE_INFO -> SettradeTopics.derivativesExchangeInfo("TFEX");
			case EQUITY_ORDERS -> SettradeTopics.equityOrders(ACCOUNT);
			case DERIVATIVES_ORDERS -> SettradeTopics.derivativesOrders(ACCOUNT);
		};
	}

	static EventReceipt receipt(TopicKind kind) {
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
