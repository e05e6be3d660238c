package io.github.settrademqtt.connection;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * Builds Settrade topic names. Symbols are upper-cased, as the service publishes them;
 * every key is checked for characters that would make it a wildcard or another topic.
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
		return TopicKind.BID_OFFER.prefix() + symbol(symbol);
	}

	/**
	 * Return the price information topic of a symbol.
	 * @param symbol the symbol, in any case
	 * @return the topic
	 */
	public static String priceInfo(String symbol) {
		return TopicKind.PRICE_INFO.prefix() + symbol(symbol);
	}

	/**
	 * Return the candlestick topic of a symbol and interval.
	 * @param symbol the symbol, in any case
	 * @param interval the interval as the Settrade SDK spells it, such as {@code 1m}
	 * @return the topic
	 */
	public static String candlestick(String symbol, String interval) {
		return TopicKind.CANDLESTICK.prefix() + symbol(symbol) + "/" + key("interval", interval);
	}

	/**
	 * Return the equity exchange information topic of a market.
	 * @param market the market
	 * @return the topic
	 */
	public static String equityExchangeInfo(String market) {
		return TopicKind.EQUITY_EXCHANGE_INFO.prefix() + key("market", market);
	}

	/**
	 * Return the derivatives exchange information topic of a market.
	 * @param market the market
	 * @return the topic
	 */
	public static String derivativesExchangeInfo(String market) {
		return TopicKind.DERIVATIVES_EXCHANGE_INFO.prefix() + key("market", market);
	}

	/**
	 * Return the equity order update topic of an account.
	 * @param account the account number
	 * @return the topic
	 */
	public static String equityOrders(String account) {
		return TopicKind.EQUITY_ORDERS.prefix() + key("account", account) + "/_front/ordereqv3";
	}

	/**
	 * Return the derivatives order update topic of an account.
	 * @param account the account number
	 * @return the topic
	 */
	public static String derivativesOrders(String account) {
		return TopicKind.DERIVATIVES_ORDERS.prefix() + key("account", account) + "/_front/orderdvv3";
	}

	private static String symbol(String symbol) {
		return key("symbol", symbol).toUpperCase(Locale.ROOT);
	}

	private static String key(String what, String value) {
		Assert.hasText(value, () -> "'" + what + "' must not be empty");
		String key = value.strip();
		Assert.isTrue(key.chars().noneMatch((c) -> c == '/' || c == '+' || c == '#' || Character.isWhitespace(c)),
				() -> "'" + what + "' must not contain '/', '+', '#' or white space: '" + key + "'");
		return key;
	}

}
