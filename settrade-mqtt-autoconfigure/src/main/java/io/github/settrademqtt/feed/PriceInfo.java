package io.github.settrademqtt.feed;

import org.springframework.util.Assert;

/**
 * The day's price information of one symbol (InfoV3, topic
 * {@code proto/topic/infov3/<symbol>}).
 *
 * @param symbol the symbol, from the topic
 * @param high the day's high
 * @param low the day's low
 * @param last the last traded price
 * @param totalVolume the day's volume
 * @param projectedOpenPrice the projected opening price during an auction, zero otherwise
 * @param change the change from the previous close
 * @param totalValue the day's traded value
 * @param marketStatus the symbol's trading phase
 * @param projectedOpenVolume the projected opening volume during an auction, zero
 * otherwise
 * @param receipt when and on which connection the message arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record PriceInfo(String symbol, Price high, Price low, Price last, long totalVolume, Price projectedOpenPrice,
		Price change, Price totalValue, MarketStatus marketStatus, long projectedOpenVolume,
		EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create price information.
	 * @param symbol the symbol
	 * @param high the day's high
	 * @param low the day's low
	 * @param last the last traded price
	 * @param totalVolume the day's volume
	 * @param projectedOpenPrice the projected opening price
	 * @param change the change from the previous close
	 * @param totalValue the day's traded value
	 * @param marketStatus the symbol's trading phase
	 * @param projectedOpenVolume the projected opening volume
	 * @param receipt when and on which connection the message arrived
	 */
	public PriceInfo {
		Assert.notNull(symbol, "'symbol' must not be null");
		Assert.notNull(high, "'high' must not be null");
		Assert.notNull(low, "'low' must not be null");
		Assert.notNull(last, "'last' must not be null");
		Assert.notNull(projectedOpenPrice, "'projectedOpenPrice' must not be null");
		Assert.notNull(change, "'change' must not be null");
		Assert.notNull(totalValue, "'totalValue' must not be null");
		Assert.notNull(marketStatus, "'marketStatus' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.PRICE_INFO;
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
