package io.github.settrademqtt.feed;

/**
 * The trading phase of a derivatives market
 * ({@code DerivExchangeInfoV3.market_info.market_status}), with Settrade's names.
 * {@link #UNDEFINED} is the protobuf default (the field was not sent); {@link #UNKNOWN}
 * stands for a number this version does not know (12, 13, or one Settrade added later).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see DerivativesExchangeInfo#marketStatus()
 */
public enum DerivativesMarketStatus {

	/**
	 * Not sent (0).
	 */
	UNDEFINED(0),

	PRE_OPEN0(1), PRE_OPEN1(2), PRE_OPEN2(3), OPEN0(4), OPEN1(5), OPEN2(6), INTERMISSION1(7), INTERMISSION2(8),
	INTERMISSION3(9), SETTLEMENT(10), CLOSE(11), DAY(14), PRE_SETTLEMENT(15),

	/**
	 * A number this version does not know; the decoder reports it to its
	 * {@link DecodeObserver}.
	 */
	UNKNOWN(-1);

	private final int code;

	DerivativesMarketStatus(int code) {
		this.code = code;
	}

	/**
	 * Return Settrade's number for this status.
	 * @return the number, or -1 for {@link #UNKNOWN}
	 */
	public int code() {
		return this.code;
	}

}
