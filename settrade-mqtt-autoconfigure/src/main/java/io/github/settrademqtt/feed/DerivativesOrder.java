package io.github.settrademqtt.feed;

import java.time.Instant;

import org.springframework.util.Assert;

/**
 * An update of a derivatives order (OrderDerivV3, topic
 * {@code proto/ua/_broker/<account>/_front/orderdvv3}).
 *
 * @param version the version of the order, increasing with each update
 * @param orderNo the order number
 * @param extOrderNo the exchange's order number
 * @param accountNo the account number, from the payload
 * @param enterId who entered the order
 * @param entryTime when the order was entered ({@link Instant#EPOCH} when not sent)
 * @param seriesId the series (the contract)
 * @param side long, short or both
 * @param position whether the order opens or closes a position
 * @param price the price
 * @param priceType how the order is priced
 * @param volume the volume, in contracts
 * @param balanceVolume the volume still open
 * @param matchedVolume the matched volume
 * @param cancelledVolume the cancelled volume
 * @param validity how long the order stays in the market
 * @param until the last day of a good-till-date order, as Settrade sends it (a string)
 * @param status the order's status, as Settrade spells it
 * @param canCancel whether the order can be cancelled
 * @param canChange whether the order can be changed
 * @param canChangePriceVolume whether the price and volume can be changed
 * @param tradeReport whether this is a trade report
 * @param receipt when and on which connection the update arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record DerivativesOrder(int version, String orderNo, String extOrderNo, String accountNo, String enterId,
		Instant entryTime, String seriesId, Side side, Position position, Price price, OrderPriceType priceType,
		long volume, long balanceVolume, long matchedVolume, long cancelledVolume, OrderValidity validity, String until,
		String status, boolean canCancel, boolean canChange, boolean canChangePriceVolume, boolean tradeReport,
		EventReceipt receipt) implements MarketDataEvent {

	/**
	 * Create a derivatives order update.
	 * @param version the version of the order
	 * @param orderNo the order number
	 * @param extOrderNo the exchange's order number
	 * @param accountNo the account number
	 * @param enterId who entered the order
	 * @param entryTime when the order was entered
	 * @param seriesId the series
	 * @param side long, short or both
	 * @param position whether the order opens or closes a position
	 * @param price the price
	 * @param priceType how the order is priced
	 * @param volume the volume
	 * @param balanceVolume the volume still open
	 * @param matchedVolume the matched volume
	 * @param cancelledVolume the cancelled volume
	 * @param validity how long the order stays in the market
	 * @param until the last day of a good-till-date order
	 * @param status the order's status, as Settrade spells it
	 * @param canCancel whether the order can be cancelled
	 * @param canChange whether the order can be changed
	 * @param canChangePriceVolume whether the price and volume can be changed
	 * @param tradeReport whether this is a trade report
	 * @param receipt when and on which connection the update arrived
	 */
	public DerivativesOrder {
		Assert.notNull(orderNo, "'orderNo' must not be null");
		Assert.notNull(extOrderNo, "'extOrderNo' must not be null");
		Assert.notNull(accountNo, "'accountNo' must not be null");
		Assert.notNull(enterId, "'enterId' must not be null");
		Assert.notNull(entryTime, "'entryTime' must not be null");
		Assert.notNull(seriesId, "'seriesId' must not be null");
		Assert.notNull(side, "'side' must not be null");
		Assert.notNull(position, "'position' must not be null");
		Assert.notNull(price, "'price' must not be null");
		Assert.notNull(priceType, "'priceType' must not be null");
		Assert.notNull(validity, "'validity' must not be null");
		Assert.notNull(until, "'until' must not be null");
		Assert.notNull(status, "'status' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.DERIVATIVES_ORDERS;
	}

	/**
	 * Return the account of the topic.
	 * @return the account
	 */
	@Override
	public String key() {
		return MarketDataKinds.DERIVATIVES_ORDERS.key(this.receipt.topic());
	}

	/**
	 * The side of a derivatives order ({@code side}).
	 *
	 * @since 0.1.0
	 */
	public enum Side {

		/**
		 * Not sent (0).
		 */
		UNDEFINED,

		/**
		 * Long (1).
		 */
		LONG,

		/**
		 * Short (2).
		 */
		SHORT,

		/**
		 * Long and short (3).
		 */
		LONG_AND_SHORT,

		/**
		 * A number this version does not know; the decoder reports it to its
		 * {@link DecodeObserver}.
		 */
		UNKNOWN

	}

	/**
	 * Whether a derivatives order opens or closes a position ({@code position}).
	 *
	 * @since 0.1.0
	 */
	public enum Position {

		/**
		 * Not sent (0).
		 */
		UNDEFINED,

		/**
		 * Opens a position (1).
		 */
		OPEN,

		/**
		 * Closes a position (2).
		 */
		CLOSE,

		/**
		 * Opens or closes, as the exchange decides (3).
		 */
		AUTO,

		/**
		 * A number this version does not know; the decoder reports it to its
		 * {@link DecodeObserver}.
		 */
		UNKNOWN

	}

}
