package io.github.settrademqtt.feed;

/**
 * How an order is priced ({@code price_type} of OrderEquityV3 and OrderDerivV3).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum OrderPriceType {

	/**
	 * Not sent (0).
	 */
	UNDEFINED,

	/**
	 * A limit order (1).
	 */
	LIMIT,

	/**
	 * At the opening auction (2).
	 */
	ATO,

	/**
	 * At the closing auction (3).
	 */
	ATC,

	/**
	 * A market order (4).
	 */
	MARKET,

	/**
	 * Market to limit (6).
	 */
	MARKET_TO_LIMIT,

	/**
	 * A number this version does not know; the decoder reports it to its
	 * {@link DecodeObserver}.
	 */
	UNKNOWN

}
