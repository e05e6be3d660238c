package io.github.settrademqtt.test.market;

import java.util.Random;

/**
 * The simulated market of one symbol: a last price that walks by one tick at a time,
 * within the SET's tick size table, trades that add up to the day's volume and value, and
 * a ten-level book around the last price. Prices are in satang (0.01 THB), the SET's
 * smallest tick, so that no price passes through a {@code double}. Thread safe.
 *
 * @author settrade-mqtt
 */
public final class SimulatedSymbol {

	static final int LEVELS = 10;

	/**
	 * A realistic {@code market_status} while generating: 4, the equity market open
	 * ({@code OPEN_E} on the protocol page).
	 */
	static final int MARKET_OPEN = 4;

	/**
	 * Side flag "normal" of BidOfferV3 (as opposed to ATO or ATC).
	 */
	static final int FLAG_NORMAL = 1;

	private final String symbol;

	/**
	 * Seeded by the symbol, so that a symbol starts at the same price in every run.
	 */
	private final Random random;

	private final long previousClose;

	private long last;

	private long high;

	private long low;

	private long totalVolume;

	private long totalValue;

	public SimulatedSymbol(String symbol) {
		this.symbol = symbol;
		this.random = new Random(symbol.hashCode());
		long start = 500 + this.random.nextInt(14_500);
		this.previousClose = start - start % tickAbove(start);
		this.last = this.previousClose;
		this.high = this.previousClose;
		this.low = this.previousClose;
	}

	/**
	 * Moves the market one trade on and returns the book.
	 * @return the ten-level order book after the trade
	 */
	public synchronized BidOffer nextBidOffer() {
		trade();
		long[] bids = new long[LEVELS];
		long[] asks = new long[LEVELS];
		long[] bidVolumes = new long[LEVELS];
		long[] askVolumes = new long[LEVELS];
		bids[0] = this.random.nextBoolean() ? this.last : this.last - tickBelow(this.last);
		asks[0] = bids[0] + tickAbove(bids[0]);
		for (int level = 1; level < LEVELS; level++) {
			bids[level] = bids[level - 1] - tickBelow(bids[level - 1]);
			asks[level] = asks[level - 1] + tickAbove(asks[level - 1]);
		}
		for (int level = 0; level < LEVELS; level++) {
			bidVolumes[level] = boardLots(2_000);
			askVolumes[level] = boardLots(2_000);
		}
		return new BidOffer(this.symbol, bids, asks, bidVolumes, askVolumes, FLAG_NORMAL, FLAG_NORMAL);
	}

	/**
	 * Moves the market one trade on and returns the day's summary.
	 * @return the summary after the trade
	 */
	public synchronized Info nextInfo() {
		trade();
		return new Info(this.symbol, this.high, this.low, this.last, this.totalVolume, this.last - this.previousClose,
				this.totalValue, MARKET_OPEN);
	}

	private void trade() {
		int move = this.random.nextInt(10);
		if (move == 0 && this.last - tickBelow(this.last) >= 100) {
			this.last -= tickBelow(this.last);
		}
		else if (move == 1) {
			this.last += tickAbove(this.last);
		}
		long volume = boardLots(50);
		this.totalVolume += volume;
		this.totalValue += this.last * volume;
		this.high = Math.max(this.high, this.last);
		this.low = Math.min(this.low, this.last);
	}

	/**
	 * Volumes trade in board lots of 100 shares.
	 */
	private long boardLots(int maxLots) {
		return 100L * (1 + this.random.nextInt(maxLots));
	}

	/**
	 * The SET tick size for prices from {@code price} upwards, in satang.
	 */
	static long tickAbove(long price) {
		if (price < 200) {
			return 1;
		}
		if (price < 500) {
			return 2;
		}
		if (price < 1_000) {
			return 5;
		}
		if (price < 2_500) {
			return 10;
		}
		if (price < 10_000) {
			return 25;
		}
		if (price < 20_000) {
			return 50;
		}
		if (price < 40_000) {
			return 100;
		}
		return 200;
	}

	/**
	 * The tick size below {@code price}: that of the price range just under it, so that
	 * stepping down from 25.00 gives 24.90, not 24.75.
	 */
	static long tickBelow(long price) {
		return tickAbove(price - 1);
	}

	/**
	 * A BidOfferV3 snapshot; prices in satang, level 1 first.
	 */
	record BidOffer(String symbol, long[] bidPrices, long[] askPrices, long[] bidVolumes, long[] askVolumes,
			int bidFlag, int askFlag) {

	}

	/**
	 * An InfoV3 snapshot; prices and value in satang.
	 */
	public record Info(String symbol, long high, long low, long last, long totalVolume, long change, long totalValue,
			int marketStatus) {

	}

}
