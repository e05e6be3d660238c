package io.github.settrademqtt.feed;

import org.springframework.util.Assert;

/**
 * Index and status of an equity market (EquityExchangeInfoV3, topic
 * {@code proto/topic/exchinfoeqv3/<market>}). The message holds one {@code market_info};
 * its fields are flattened here, and take their defaults when it is missing.
 *
 * @param market the market, from the topic
 * @param name the market's or index's name, from the payload
 * @param marketStatus the market's trading phase
 * @param current the index's current value
 * @param high the index's high
 * @param low the index's low
 * @param change the change from the previous close
 * @param percentChange the change in percent
 * @param totalIndexVolume the market's volume
 * @param totalIndexValue the market's traded value
 * @param receipt when and on which connection the message arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record EquityExchangeInfo(String market, String name, EquityMarketStatus marketStatus, Price current, Price high,
		Price low, Price change, Price percentChange, long totalIndexVolume, Price totalIndexValue,
		EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create equity exchange information.
	 * @param market the market
	 * @param name the market's name
	 * @param marketStatus the market's trading phase
	 * @param current the index's current value
	 * @param high the index's high
	 * @param low the index's low
	 * @param change the change from the previous close
	 * @param percentChange the change in percent
	 * @param totalIndexVolume the market's volume
	 * @param totalIndexValue the market's traded value
	 * @param receipt when and on which connection the message arrived
	 */
	public EquityExchangeInfo {
		Assert.notNull(market, "'market' must not be null");
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(marketStatus, "'marketStatus' must not be null");
		Assert.notNull(current, "'current' must not be null");
		Assert.notNull(high, "'high' must not be null");
		Assert.notNull(low, "'low' must not be null");
		Assert.notNull(change, "'change' must not be null");
		Assert.notNull(percentChange, "'percentChange' must not be null");
		Assert.notNull(totalIndexValue, "'totalIndexValue' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.EQUITY_EXCHANGE_INFO;
	}

	/**
	 * Return the market.
	 * @return the market
	 */
	@Override
	public String key() {
		return this.market;
	}

}
