package io.github.settrademqtt.feed;

import java.util.List;

import io.github.settrademqtt.feed.BidOffer.AuctionFlag;
import io.github.settrademqtt.feed.BidOffer.PriceLevel;
import io.github.settrademqtt.feed.MessageSchema.Field;

import org.springframework.util.Assert;

/**
 * Decodes BidOfferV3. The hot path: prices and volumes stay in the schema's slots and
 * become objects only when the event is built; empty levels share one instance.
 *
 * @author settrade-mqtt
 */
final class BidOfferDecoder implements MarketDataDecoder<BidOffer> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.BID_OFFER;

	private static final int LEVELS = BidOffer.LEVELS;

	private static final MessageSchema SCHEMA = MessageSchema.of("BidOfferV3");

	private static final Field SYMBOL = SCHEMA.string(1, "symbol");

	private static final Field BID_FLAG = SCHEMA.enumeration(22, "bid_flag");

	private static final Field ASK_FLAG = SCHEMA.enumeration(23, "ask_flag");

	/**
	 * Level by level: levels 1-5 are fields 2-21, levels 6-10 fields 24-43, each block
	 * bid prices, then ask prices, then bid volumes, then ask volumes.
	 */
	private static final Field[] BID_PRICES = new Field[LEVELS];

	private static final Field[] ASK_PRICES = new Field[LEVELS];

	private static final Field[] BID_VOLUMES = new Field[LEVELS];

	private static final Field[] ASK_VOLUMES = new Field[LEVELS];

	static {
		for (int level = 1; level <= LEVELS; level++) {
			int block = (level <= 5) ? 1 : 23;
			int index = (level <= 5) ? level : level - 5;
			BID_PRICES[level - 1] = SCHEMA.money(block + index, "bid_price" + level);
			ASK_PRICES[level - 1] = SCHEMA.money(block + 5 + index, "ask_price" + level);
			BID_VOLUMES[level - 1] = SCHEMA.int64(block + 10 + index, "bid_volume" + level);
			ASK_VOLUMES[level - 1] = SCHEMA.int64(block + 15 + index, "ask_volume" + level);
		}
	}

	private static final AuctionFlag[] FLAGS = { AuctionFlag.UNDEFINED, AuctionFlag.NORMAL, AuctionFlag.ATO,
			AuctionFlag.ATC };

	private static final PriceLevel EMPTY = new PriceLevel(Price.ZERO, 0);

	private final DecodeObserver observer;

	BidOfferDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public BidOffer decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		FieldValues values = SCHEMA.read(KIND, payload);
		return new BidOffer(values.symbol(SYMBOL, receipt.topic(), this.observer),
				levels(values, BID_PRICES, BID_VOLUMES), levels(values, ASK_PRICES, ASK_VOLUMES),
				values.enumValue(BID_FLAG, FLAGS, AuctionFlag.UNKNOWN, this.observer),
				values.enumValue(ASK_FLAG, FLAGS, AuctionFlag.UNKNOWN, this.observer), receipt);
	}

	/**
	 * Build one side: ten levels straight into an immutable list, which the record keeps
	 * as it is.
	 */
	private static List<PriceLevel> levels(FieldValues values, Field[] prices, Field[] volumes) {
		return List.of(level(values, prices[0], volumes[0]), level(values, prices[1], volumes[1]),
				level(values, prices[2], volumes[2]), level(values, prices[3], volumes[3]),
				level(values, prices[4], volumes[4]), level(values, prices[5], volumes[5]),
				level(values, prices[6], volumes[6]), level(values, prices[7], volumes[7]),
				level(values, prices[8], volumes[8]), level(values, prices[9], volumes[9]));
	}

	private static PriceLevel level(FieldValues values, Field price, Field volume) {
		Price levelPrice = values.price(price);
		long levelVolume = values.int64(volume);
		return (levelVolume == 0 && levelPrice == Price.ZERO) ? EMPTY : new PriceLevel(levelPrice, levelVolume);
	}

}
