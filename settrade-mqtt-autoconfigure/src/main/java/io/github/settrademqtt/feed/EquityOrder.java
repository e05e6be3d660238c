package io.github.settrademqtt.feed;

import java.time.LocalDate;
import java.time.LocalTime;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An update of an equity order (OrderEquityV3, topic
 * {@code proto/ua/_broker/<account>/_front/ordereqv3}).
 *
 * @param version the version of the order, increasing with each update
 * @param orderNo the order number
 * @param extOrderNo the exchange's order number
 * @param accountNo the account number, from the payload
 * @param entryTime the time of day the order was entered (midnight when not sent)
 * @param tradeDate the trade date, or {@code null} when not sent
 * @param symbol the symbol
 * @param nvdr whether the order is for NVDRs
 * @param price the price
 * @param priceType how the order is priced
 * @param side buy or sell
 * @param volume the volume
 * @param matchedVolume the matched volume
 * @param balanceVolume the volume still open
 * @param cancelledVolume the cancelled volume
 * @param status the order's status, as Settrade spells it
 * @param canCancel whether the order can be cancelled
 * @param canChangePriceVolume whether the price and volume can be changed
 * @param validity how long the order stays in the market
 * @param until the last day of a good-till-date order, or {@code null} when not sent
 * @param canChangeNvdr whether the NVDR flag can be changed
 * @param canChangeIceberg whether the iceberg volume can be changed
 * @param canChangeAccount whether the account can be changed
 * @param tradeReport whether this is a trade report
 * @param receipt when and on which connection the update arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record EquityOrder(int version, String orderNo, String extOrderNo, String accountNo, LocalTime entryTime,
		@Nullable LocalDate tradeDate, String symbol, boolean nvdr, Price price, OrderPriceType priceType, Side side,
		long volume, long matchedVolume, long balanceVolume, long cancelledVolume, String status, boolean canCancel,
		boolean canChangePriceVolume, OrderValidity validity, @Nullable LocalDate until, boolean canChangeNvdr,
		boolean canChangeIceberg, boolean canChangeAccount, boolean tradeReport,
		EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create an equity order update.
	 * @param version the version of the order
	 * @param orderNo the order number
	 * @param extOrderNo the exchange's order number
	 * @param accountNo the account number
	 * @param entryTime the time of day the order was entered
	 * @param tradeDate the trade date, or {@code null}
	 * @param symbol the symbol
	 * @param nvdr whether the order is for NVDRs
	 * @param price the price
	 * @param priceType how the order is priced
	 * @param side buy or sell
	 * @param volume the volume
	 * @param matchedVolume the matched volume
	 * @param balanceVolume the volume still open
	 * @param cancelledVolume the cancelled volume
	 * @param status the order's status
	 * @param canCancel whether the order can be cancelled
	 * @param canChangePriceVolume whether the price and volume can be changed
	 * @param validity how long the order stays in the market
	 * @param until the last day of a good-till-date order, or {@code null}
	 * @param canChangeNvdr whether the NVDR flag can be changed
	 * @param canChangeIceberg whether the iceberg volume can be changed
	 * @param canChangeAccount whether the account can be changed
	 * @param tradeReport whether this is a trade report
	 * @param receipt when and on which connection the update arrived
	 */
	public EquityOrder {
		Assert.notNull(orderNo, "'orderNo' must not be null");
		Assert.notNull(extOrderNo, "'extOrderNo' must not be null");
		Assert.notNull(accountNo, "'accountNo' must not be null");
		Assert.notNull(entryTime, "'entryTime' must not be null");
		Assert.notNull(symbol, "'symbol' must not be null");
		Assert.notNull(price, "'price' must not be null");
		Assert.notNull(priceType, "'priceType' must not be null");
		Assert.notNull(side, "'side' must not be null");
		Assert.notNull(status, "'status' must not be null");
		Assert.notNull(validity, "'validity' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.EQUITY_ORDERS;
	}

	/**
	 * Return the account of the topic.
	 * @return the account
	 */
	@Override
	public String key() {
		return MarketDataKinds.EQUITY_ORDERS.key(this.receipt.topic());
	}

	/**
	 * The side of an equity order ({@code side}).
	 *
	 * @since 0.1.0
	 */
	public enum Side {

		/**
		 * Not sent (0).
		 */
		UNDEFINED,

		/**
		 * Buy (1).
		 */
		BUY,

		/**
		 * Sell (2).
		 */
		SELL,

		/**
		 * A number this version does not know; the decoder reports it to its
		 * {@link DecodeObserver}.
		 */
		UNKNOWN

	}

}
