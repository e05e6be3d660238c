package io.github.settrademqtt.feed;

import java.util.List;

import org.springframework.util.Assert;

/**
 * A ten-level order book snapshot of one symbol (BidOfferV3, topic
 * {@code proto/topic/bidofferv3/<symbol>}). Levels the market does not fill are zero.
 *
 * @param symbol the symbol, from the topic
 * @param bids the ten bid levels, best (level 1) first; unmodifiable
 * @param asks the ten ask (offer) levels, best (level 1) first; unmodifiable
 * @param bidFlag the bid side's session flag
 * @param askFlag the ask side's session flag
 * @param receipt when and on which connection the snapshot arrived
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record BidOffer(String symbol, List<PriceLevel> bids, List<PriceLevel> asks, AuctionFlag bidFlag,
		AuctionFlag askFlag, EventReceipt receipt) implements MarketDataEvent {

	/**
	 * The number of levels on each side.
	 */
	public static final int LEVELS = 10;

	/**
	 * Create a snapshot.
	 * @param symbol the symbol
	 * @param bids exactly ten bid levels, best first
	 * @param asks exactly ten ask levels, best first
	 * @param bidFlag the bid side's session flag
	 * @param askFlag the ask side's session flag
	 * @param receipt when and on which connection the snapshot arrived
	 */
	public BidOffer {
		Assert.notNull(symbol, "'symbol' must not be null");
		bids = List.copyOf(bids);
		asks = List.copyOf(asks);
		Assert.isTrue(bids.size() == LEVELS, "'bids' must have ten levels");
		Assert.isTrue(asks.size() == LEVELS, "'asks' must have ten levels");
		Assert.notNull(bidFlag, "'bidFlag' must not be null");
		Assert.notNull(askFlag, "'askFlag' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
	}

	@Override
	public MarketDataKind<?, ?> kind() {
		return MarketDataKinds.BID_OFFER;
	}

	/**
	 * Return the symbol.
	 * @return the symbol
	 */
	@Override
	public String key() {
		return this.symbol;
	}

	/**
	 * Return the best bid (level 1).
	 * @return the best bid, zero when there is none
	 */
	public PriceLevel bestBid() {
		return this.bids.get(0);
	}

	/**
	 * Return the best ask (level 1).
	 * @return the best ask, zero when there is none
	 */
	public PriceLevel bestAsk() {
		return this.asks.get(0);
	}

	/**
	 * Return whether either side is in an opening or closing auction.
	 * @return whether this is an auction book
	 */
	public boolean isAuction() {
		return isAto() || isAtc();
	}

	/**
	 * Return whether either side is in the opening auction (at the open).
	 * @return whether either flag is {@link AuctionFlag#ATO}
	 */
	public boolean isAto() {
		return this.bidFlag == AuctionFlag.ATO || this.askFlag == AuctionFlag.ATO;
	}

	/**
	 * Return whether either side is in the closing auction (at the close).
	 * @return whether either flag is {@link AuctionFlag#ATC}
	 */
	public boolean isAtc() {
		return this.bidFlag == AuctionFlag.ATC || this.askFlag == AuctionFlag.ATC;
	}

	/**
	 * One level of a side of the book.
	 *
	 * @param price the price
	 * @param volume the volume, in shares or contracts
	 * @since 0.1.0
	 */
	public record PriceLevel(Price price, long volume) {

		/**
		 * Create a level.
		 * @param price the price
		 * @param volume the volume
		 */
		public PriceLevel {
			Assert.notNull(price, "'price' must not be null");
		}

	}

	/**
	 * The session a side of the book is in ({@code bid_flag}, {@code ask_flag}).
	 *
	 * @since 0.1.0
	 */
	public enum AuctionFlag {

		/**
		 * Not sent (0).
		 */
		UNDEFINED,

		/**
		 * Continuous trading (1).
		 */
		NORMAL,

		/**
		 * The opening auction, at the open (2).
		 */
		ATO,

		/**
		 * The closing auction, at the close (3).
		 */
		ATC,

		/**
		 * A number this version does not know; the decoder reports it to its
		 * {@link DecodeObserver}.
		 */
		UNKNOWN

	}

}
