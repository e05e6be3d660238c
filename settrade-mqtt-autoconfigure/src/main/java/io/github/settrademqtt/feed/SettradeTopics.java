package io.github.settrademqtt.feed;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Builds the topic names of the standard {@link MarketDataKinds}. Symbols are
 * upper-cased, as the service publishes them; every key is checked for characters that
 * would make it a wildcard or another topic ({@link MarketDataKind#topic(String...)}).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SettradeTopics {

	private SettradeTopics() {
	}

	/**
	 * Return the order book topic of a symbol.
	 * @param symbol the symbol, in any case
	 * @return the topic
	 */
	public static String bidOffer(String symbol) {
		return MarketDataKinds.BID_OFFER.topic(symbol(symbol));
	}

	/**
	 * Return the price information topic of a symbol.
	 * @param symbol the symbol, in any case
	 * @return the topic
	 */
	public static String priceInfo(String symbol) {
		return MarketDataKinds.PRICE_INFO.topic(symbol(symbol));
	}

	/**
	 * Return the candlestick topic of a symbol and interval.
	 * @param symbol the symbol, in any case
	 * @param interval the interval as the Settrade SDK spells it, such as {@code 1m}
	 * @return the topic
	 */
	public static String candlestick(String symbol, String interval) {
		return MarketDataKinds.CANDLESTICK.topic(symbol(symbol), interval);
	}

	/**
	 * Return the equity exchange information topic of a market.
	 * @param market the market
	 * @return the topic
	 */
	public static String equityExchangeInfo(String market) {
		return MarketDataKinds.EQUITY_EXCHANGE_INFO.topic(market);
	}

	/**
	 * Return the derivatives exchange information topic of a market.
	 * @param market the market
	 * @return the topic
	 */
	public static String derivativesExchangeInfo(String market) {
		return MarketDataKinds.DERIVATIVES_EXCHANGE_INFO.topic(market);
	}

	/**
	 * Return the equity order update topic of an account.
	 * @param account the account number
	 * @return the topic
	 */
	public static String equityOrders(String account) {
		return MarketDataKinds.EQUITY_ORDERS.topic(account);
	}

	/**
	 * Return the derivatives order update topic of an account.
	 * @param account the account number
	 * @return the topic
	 */
	public static String derivativesOrders(String account) {
		return MarketDataKinds.DERIVATIVES_ORDERS.topic(account);
	}

	private static String symbol(String symbol) {
		Assert.hasText(symbol, "'symbol' must not be empty");
		return symbol.toUpperCase(Locale.ROOT);
	}

}
