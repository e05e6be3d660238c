package io.github.settrademqtt.sample;

import io.github.settrademqtt.feed.MarketStatus;

/**
 * A symbol's trading phase in words for the live page ({@code OPEN_E} reads "Open
 * (continuous trading)"), and a tone the page colours it by. The switch names every
 * status, so a status added to the starter fails the build here until it has words.
 *
 * @author settrade-mqtt
 */
final class MarketStatusWords {

	private MarketStatusWords() {
	}

	/**
	 * Return a status in words.
	 * @param status the status
	 * @return the words, never the enum's name
	 */
	static String describe(MarketStatus status) {
		return switch (status) {
			case UNDEFINED -> "Not reported";
			case PRE_OPEN_E -> "Pre-open (orders in, no matching)";
			case PRE_OPEN1_E -> "Pre-open, morning session";
			case PRE_OPEN2_E -> "Pre-open, afternoon session";
			case OPEN_E -> "Open (continuous trading)";
			case OPEN1_E -> "Open, morning session";
			case OPEN2_E -> "Open, afternoon session";
			case INTERMISSION_E -> "Intermission (midday break)";
			case CALL_E -> "Call market (auction)";
			case RUN_OFF_E -> "Run-off (trading at the closing price)";
			case CLOSE_E -> "Closed";
			case FREEZE1_E -> "Frozen (stage 1)";
			case FREEZE2_E -> "Frozen (stage 2)";
			case FREEZE3_E -> "Frozen (stage 3)";
			case HALT_E -> "Halted";
			case FULL_HALT_E -> "Halted (whole market)";
			case CIRCUIT_BREAK_E -> "Circuit breaker (trading paused)";
			case SUSPEND_E -> "Suspended";
			case PAUSE_E -> "Paused";
			case EXPIRED_E -> "Expired";
			case PRE_OPEN_D -> "Pre-open (derivatives)";
			case PRE_OPEN0_D -> "Pre-open, session 0 (derivatives)";
			case PRE_OPEN1_D -> "Pre-open, morning session (derivatives)";
			case PRE_OPEN2_D -> "Pre-open, afternoon session (derivatives)";
			case OPEN0_D -> "Open, session 0 (derivatives)";
			case OPEN1_D -> "Open, morning session (derivatives)";
			case OPEN2_D -> "Open, afternoon session (derivatives)";
			case DAY_D -> "Open, day session (derivatives)";
			case PRE_SETTLEMENT_D -> "Pre-settlement (derivatives)";
			case SETTLEMENT_D -> "Settlement (derivatives)";
			case INTERMISSION1_D -> "Intermission 1 (derivatives)";
			case INTERMISSION2_D -> "Intermission 2 (derivatives)";
			case INTERMISSION3_D -> "Intermission 3 (derivatives)";
			case CLOSE_D -> "Closed (derivatives)";
			case HALT_D -> "Halted (derivatives)";
			case FULL_HALT_D -> "Halted, whole market (derivatives)";
			case CIRCUIT_BREAK_D -> "Circuit breaker (derivatives)";
			case SUSPEND_D -> "Suspended (derivatives)";
			case PAUSE_D -> "Paused (derivatives)";
			case EXPIRED_D -> "Expired (derivatives)";
			case NO_MATCHING_E -> "No matching";
			case PRE_DAY_E -> "Pre-open, day session";
			case PRE_NIGHT_E -> "Pre-open, night session";
			case DAY_E -> "Open, day session";
			case NIGHT_E -> "Open, night session";
			case INTERMISSION_NIGHT_E -> "Intermission before the night session";
			case CANCEL_E -> "Cancellation period";
			case UNKNOWN -> "Unrecognised status";
		};
	}

	/**
	 * Return how a status is shown: {@code open} (trading), {@code halted} (stopped for a
	 * reason), {@code closed} (no session) or {@code between} (pre-open, auctions,
	 * breaks, settlement).
	 * @param status the status
	 * @return the tone
	 */
	static String tone(MarketStatus status) {
		return switch (status) {
			case OPEN_E, OPEN1_E, OPEN2_E, DAY_E, NIGHT_E, OPEN0_D, OPEN1_D, OPEN2_D, DAY_D -> "open";
			case HALT_E, FULL_HALT_E, CIRCUIT_BREAK_E, SUSPEND_E, PAUSE_E, FREEZE1_E, FREEZE2_E, FREEZE3_E, HALT_D,
					FULL_HALT_D, CIRCUIT_BREAK_D, SUSPEND_D, PAUSE_D ->
				"halted";
			case CLOSE_E, CLOSE_D, EXPIRED_E, EXPIRED_D, UNDEFINED, UNKNOWN -> "closed";
			default -> "between";
		};
	}

}
