package io.github.settrademqtt.feed;

import org.springframework.util.Assert;

/**
 * Totals and status of a derivatives market (DerivExchangeInfoV3, topic
 * {@code proto/topic/exchinfodvv3/<market>}). The message holds one {@code market_info};
 * its fields are flattened here, and take their defaults when it is missing.
 *
 * @param market the market, from the topic
 * @param name the market's name, from the payload
 * @param marketStatus the market's trading phase
 * @param totalVolume the market's volume, in contracts
 * @param totalDeal the number of deals
 * @param openInterest the open interest
 * @param receipt when and on which connection the message arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record DerivativesExchangeInfo(String market, String name, DerivativesMarketStatus marketStatus,
		long totalVolume, long totalDeal, int openInterest, EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create derivatives exchange information.
	 * @param market the market
	 * @param name the market's name
	 * @param marketStatus the market's trading phase
	 * @param totalVolume the market's volume
	 * @param totalDeal the number of deals
	 * @param openInterest the open interest
	 * @param receipt when and on which connection the message arrived
	 */
	public DerivativesExchangeInfo {
		Assert.notNull(market, "'market' must not be null");
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(marketStatus, "'marketStatus' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.DERIVATIVES_EXCHANGE_INFO;
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
