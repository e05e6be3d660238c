package io.github.settrademqtt.feed;

/**
 * The trading phase of an equity market
 * ({@code EquityExchangeInfoV3.market_info.market_status}), with Settrade's names.
 * {@link #UNDEFINED} is the protobuf default (the field was not sent); {@link #UNKNOWN}
 * stands for a number this version does not know (1, 4, or one Settrade added later).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see EquityExchangeInfo#marketStatus()
 */
public enum EquityMarketStatus {

	/**
	 * Not sent (0).
	 */
	UNDEFINED(0),

	PRE_OPEN1(2), PRE_OPEN2(3), OPEN1(5), OPEN2(6), INTERMISSION(7), CALL(8), RUN_OFF(9), CLOSE(10), PRE_DAY(11),
	PRE_NIGHT(12), DAY(13), NIGHT(14), INTERMISSION_NIGHT(15), CANCEL(16),

	/**
	 * A number this version does not know; the decoder reports it to its
	 * {@link DecodeObserver}.
	 */
	UNKNOWN(-1);

	private final int code;

	EquityMarketStatus(int code) {
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
