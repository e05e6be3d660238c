package io.github.settrademqtt.feed;

/**
 * The trading phase of a symbol ({@code InfoV3.market_status}), with Settrade's names:
 * {@code _E} for the equity market, {@code _D} for derivatives. {@link #UNDEFINED} is the
 * protobuf default (the field was not sent); {@link #UNKNOWN} stands for a number this
 * version does not know (41, or one Settrade added later).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see PriceInfo#marketStatus()
 */
public enum MarketStatus {

	/**
	 * Not sent (0).
	 */
	UNDEFINED(0),

	PRE_OPEN_E(1), PRE_OPEN1_E(2), PRE_OPEN2_E(3),

	/**
	 * The equity market is open for continuous trading (4).
	 */
	OPEN_E(4),

	OPEN1_E(5), OPEN2_E(6), INTERMISSION_E(7), CALL_E(8), RUN_OFF_E(9),

	/**
	 * The equity market is closed (10).
	 */
	CLOSE_E(10),

	FREEZE1_E(11), FREEZE2_E(12), FREEZE3_E(13),

	/**
	 * Trading in the symbol is halted (14).
	 */
	HALT_E(14),

	FULL_HALT_E(15), CIRCUIT_BREAK_E(16),

	/**
	 * The symbol is suspended (17).
	 */
	SUSPEND_E(17),

	PAUSE_E(18), EXPIRED_E(19),

	PRE_OPEN_D(20), PRE_OPEN0_D(21), PRE_OPEN1_D(22), PRE_OPEN2_D(23), OPEN0_D(24), OPEN1_D(25), OPEN2_D(26), DAY_D(27),
	PRE_SETTLEMENT_D(28), SETTLEMENT_D(29), INTERMISSION1_D(30), INTERMISSION2_D(31), INTERMISSION3_D(32), CLOSE_D(33),
	HALT_D(34), FULL_HALT_D(35), CIRCUIT_BREAK_D(36), SUSPEND_D(37), PAUSE_D(38), EXPIRED_D(39),

	NO_MATCHING_E(40), PRE_DAY_E(42), PRE_NIGHT_E(43), DAY_E(44), NIGHT_E(45), INTERMISSION_NIGHT_E(46), CANCEL_E(47),

	/**
	 * A number this version does not know; the decoder reports it to its
	 * {@link DecodeObserver}.
	 */
	UNKNOWN(-1);

	private final int code;

	MarketStatus(int code) {
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
