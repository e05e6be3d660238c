package io.github.settrademqtt.feed;

/**
 * How long an order stays in the market ({@code valid} of OrderEquityV3 and OrderDerivV3;
 * the two number {@link #DAY} differently, 5 and 8).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum OrderValidity {

	/**
	 * Not sent (0).
	 */
	UNDEFINED,

	/**
	 * Fill or kill (1).
	 */
	FOK,

	/**
	 * Immediate or cancel (2).
	 */
	IOC,

	/**
	 * Good till date (3).
	 */
	GTD,

	/**
	 * Good till cancelled (4).
	 */
	GTC,

	/**
	 * For the day (5 for equity orders, 8 for derivatives orders).
	 */
	DAY,

	/**
	 * A number this version does not know; the decoder reports it to its
	 * {@link DecodeObserver}.
	 */
	UNKNOWN

}
