package io.github.settrademqtt.connection;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of Settrade realtime topics, each with its topic prefix and the name used as
 * a meter tag.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum TopicKind {

	/**
	 * Ten-level order book (BidOfferV3), keyed by symbol.
	 */
	BID_OFFER("bid-offer", "proto/topic/bidofferv3/", ""),

	/**
	 * Price information (InfoV3), keyed by symbol.
	 */
	PRICE_INFO("price-info", "proto/topic/infov3/", ""),

	/**
	 * Candlesticks (CandlestickV3), keyed by symbol and interval.
	 */
	CANDLESTICK("candlestick", "proto/topic/cdlv3/", ""),

	/**
	 * Equity exchange information (EquityExchangeInfoV3), keyed by market.
	 */
	EQUITY_EXCHANGE_INFO("equity-exchange-info", "proto/topic/exchinfoeqv3/", ""),

	/**
	 * Derivatives exchange information (DerivExchangeInfoV3), keyed by market.
	 */
	DERIVATIVES_EXCHANGE_INFO("derivatives-exchange-info", "proto/topic/exchinfodvv3/", ""),

	/**
	 * Equity order updates (OrderEquityV3), keyed by account.
	 */
	EQUITY_ORDERS("equity-orders", "proto/ua/_broker/", "/_front/ordereqv3"),

	/**
	 * Derivatives order updates (OrderDerivV3), keyed by account.
	 */
	DERIVATIVES_ORDERS("derivatives-orders", "proto/ua/_broker/", "/_front/orderdvv3");

	private final String tag;

	private final String prefix;

	private final String suffix;

	TopicKind(String tag, String prefix, String suffix) {
		this.tag = tag;
		this.prefix = prefix;
		this.suffix = suffix;
	}

	/**
	 * Return the name of this kind as a meter tag or header value.
	 * @return the tag, such as {@code bid-offer}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Return the kind of a topic name.
	 * @param topic the topic name
	 * @return the kind, or {@code null} for a topic this starter does not know
	 */
	public static @Nullable TopicKind of(String topic) {
		for (TopicKind kind : values()) {
			if (topic.startsWith(kind.prefix) && topic.endsWith(kind.suffix)) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * Return what topics of this kind start with, before the key.
	 * @return the prefix, such as {@code proto/topic/bidofferv3/}
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * Return what topics of this kind end with, after the key (and, for candlesticks, the
	 * interval).
	 * @return the suffix, empty for most kinds
	 */
	public String suffix() {
		return this.suffix;
	}

}
