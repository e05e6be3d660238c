package io.github.settrademqtt.feed;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * A candlestick of one symbol and interval (CandlestickV3, topic
 * {@code proto/topic/cdlv3/<symbol>/<interval>}).
 *
 * @param symbol the symbol, from the topic
 * @param interval the interval as the topic spells it, such as {@code 1m} (from the
 * payload when the topic has none)
 * @param lastSequence the sequence number of the last trade in the candle
 * @param time the candle's time ({@link Instant#EPOCH} when not sent)
 * @param open the opening price
 * @param high the high
 * @param low the low
 * @param close the closing (latest) price
 * @param volume the traded volume
 * @param value the traded value
 * @param receipt when and on which connection the message arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record Candlestick(String symbol, String interval, long lastSequence, Instant time, Price open, Price high,
		Price low, Price close, long volume, Price value, EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create a candlestick.
	 * @param symbol the symbol
	 * @param interval the interval
	 * @param lastSequence the sequence number of the last trade
	 * @param time the candle's time
	 * @param open the opening price
	 * @param high the high
	 * @param low the low
	 * @param close the closing price
	 * @param volume the traded volume
	 * @param value the traded value
	 * @param receipt when and on which connection the message arrived
	 */
	public Candlestick {
		Assert.notNull(symbol, "'symbol' must not be null");
		Assert.notNull(interval, "'interval' must not be null");
		Assert.notNull(time, "'time' must not be null");
		Assert.notNull(open, "'open' must not be null");
		Assert.notNull(high, "'high' must not be null");
		Assert.notNull(low, "'low' must not be null");
		Assert.notNull(close, "'close' must not be null");
		Assert.notNull(value, "'value' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.CANDLESTICK;
	}

	/**
	 * Return the symbol.
	 * @return the symbol
	 */
	@Override
	public String key() {
		return this.symbol;
	}

}
