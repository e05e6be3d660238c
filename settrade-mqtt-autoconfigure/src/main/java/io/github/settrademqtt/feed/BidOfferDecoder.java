package io.github.settrademqtt.feed;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import io.github.settrademqtt.feed.BidOffer.AuctionFlag;
import io.github.settrademqtt.feed.BidOffer.PriceLevel;

import org.springframework.util.Assert;

/**
 * Decodes BidOfferV3. The hot path: prices and volumes go into one {@code long[]} and
 * become objects only when the event is built; empty levels share one instance.
 *
 * @author settrade-mqtt
 */
final class BidOfferDecoder implements MarketDataDecoder<BidOffer> {

	private static final TopicKind KIND = TopicKind.BID_OFFER;

	private static final int LEVELS = BidOffer.LEVELS;

	private static final int SYMBOL = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int BID_FLAG = (22 << 3) | Wire.VARINT;

	private static final int ASK_FLAG = (23 << 3) | Wire.VARINT;

	/**
	 * Prices first, two slots each (bids 1-10, then asks 1-10), then volumes, one slot
	 * each in the same order.
	 */
	private static final int VOLUMES = 2 * LEVELS * Wire.MONEY_SLOTS;

	private static final int SLOTS = VOLUMES + 2 * LEVELS;

	/**
	 * The slot of each price and volume field, by field number; -1 for other fields.
	 */
	private static final int[] SLOT_OF_FIELD = new int[44];

	private static final MessageSchema SCHEMA = MessageSchema.of("BidOfferV3", 43)
		.field(1, "symbol", Wire.LENGTH_DELIMITED)
		.field(22, "bid_flag", Wire.VARINT)
		.field(23, "ask_flag", Wire.VARINT);

	private static final AuctionFlag[] FLAGS = { AuctionFlag.UNDEFINED, AuctionFlag.NORMAL, AuctionFlag.ATO,
			AuctionFlag.ATC };

	private static final PriceLevel EMPTY = new PriceLevel(Price.ZERO, 0);

	static {
		Arrays.fill(SLOT_OF_FIELD, -1);
		for (int level = 1; level <= LEVELS; level++) {
			int bidPrice = (level <= 5) ? 1 + level : 18 + level;
			int askPrice = (level <= 5) ? 6 + level : 23 + level;
			int bidVolume = (level <= 5) ? 11 + level : 28 + level;
			int askVolume = (level <= 5) ? 16 + level : 33 + level;
			SLOT_OF_FIELD[bidPrice] = (level - 1) * Wire.MONEY_SLOTS;
			SLOT_OF_FIELD[askPrice] = (LEVELS + level - 1) * Wire.MONEY_SLOTS;
			SLOT_OF_FIELD[bidVolume] = VOLUMES + level - 1;
			SLOT_OF_FIELD[askVolume] = VOLUMES + LEVELS + level - 1;
			SCHEMA.field(bidPrice, "bid_price" + level, Wire.LENGTH_DELIMITED)
				.field(askPrice, "ask_price" + level, Wire.LENGTH_DELIMITED)
				.field(bidVolume, "bid_volume" + level, Wire.VARINT)
				.field(askVolume, "ask_volume" + level, Wire.VARINT);
		}
	}

	private final DecodeObserver observer;

	BidOfferDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public BidOffer decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		int bidFlag = 0;
		int askFlag = 0;
		int symbolStart = -1;
		int symbolEnd = -1;
		int field = 0;
		try {
			CodedInputStream input = Wire.input(payload);
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				field = tag >>> 3;
				switch (tag) {
					case SYMBOL -> {
						symbolStart = Wire.skipString(input);
						symbolEnd = input.getTotalBytesRead();
					}
					case BID_FLAG -> bidFlag = input.readEnum();
					case ASK_FLAG -> askFlag = input.readEnum();
					default -> {
						int slot = (field < SLOT_OF_FIELD.length) ? SLOT_OF_FIELD[field] : -1;
						int wireType = tag & 7;
						if (slot >= VOLUMES && wireType == Wire.VARINT) {
							slots[slot] = input.readInt64();
						}
						else if (slot >= 0 && slot < VOLUMES && wireType == Wire.LENGTH_DELIMITED) {
							Wire.money(input, slots, slot);
						}
						else {
							SCHEMA.skip(input, tag);
						}
					}
				}
				field = 0;
			}
			String topic = receipt.topic();
			String symbol = TopicKeys.symbol(KIND, topic, payload, symbolStart, symbolEnd, this.observer);
			return new BidOffer(symbol, levels(slots, 0), levels(slots, LEVELS),
					Wire.enumValue(FLAGS, bidFlag, AuctionFlag.UNKNOWN, this.observer, KIND, "bid_flag"),
					Wire.enumValue(FLAGS, askFlag, AuctionFlag.UNKNOWN, this.observer, KIND, "ask_flag"), receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

	/**
	 * Build one side: ten levels straight into an immutable list, which the record keeps
	 * as it is.
	 */
	private static List<PriceLevel> levels(long[] slots, int first) {
		return List.of(level(slots, first), level(slots, first + 1), level(slots, first + 2), level(slots, first + 3),
				level(slots, first + 4), level(slots, first + 5), level(slots, first + 6), level(slots, first + 7),
				level(slots, first + 8), level(slots, first + 9));
	}

	private static PriceLevel level(long[] slots, int index) {
		int price = index * Wire.MONEY_SLOTS;
		long volume = slots[VOLUMES + index];
		if (volume == 0 && slots[price] == 0 && slots[price + 1] == 0) {
			return EMPTY;
		}
		return new PriceLevel(Wire.price(slots, price), volume);
	}

}
