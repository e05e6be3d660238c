package io.github.settrademqtt.feed;

import java.io.IOException;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes InfoV3.
 *
 * @author settrade-mqtt
 */
final class PriceInfoDecoder implements MarketDataDecoder<PriceInfo> {

	private static final TopicKind KIND = TopicKind.PRICE_INFO;

	private static final int SYMBOL = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int HIGH = (2 << 3) | Wire.LENGTH_DELIMITED;

	private static final int LOW = (3 << 3) | Wire.LENGTH_DELIMITED;

	private static final int LAST = (4 << 3) | Wire.LENGTH_DELIMITED;

	private static final int TOTAL_VOLUME = (5 << 3) | Wire.VARINT;

	private static final int PROJECTED_OPEN_PRICE = (6 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CHANGE = (7 << 3) | Wire.LENGTH_DELIMITED;

	private static final int TOTAL_VALUE = (8 << 3) | Wire.LENGTH_DELIMITED;

	private static final int MARKET_STATUS = (9 << 3) | Wire.VARINT;

	private static final int PROJECTED_OPEN_VOLUME = (10 << 3) | Wire.VARINT;

	private static final int HIGH_SLOT = 0;

	private static final int LOW_SLOT = HIGH_SLOT + Wire.MONEY_SLOTS;

	private static final int LAST_SLOT = LOW_SLOT + Wire.MONEY_SLOTS;

	private static final int PROJECTED_OPEN_PRICE_SLOT = LAST_SLOT + Wire.MONEY_SLOTS;

	private static final int CHANGE_SLOT = PROJECTED_OPEN_PRICE_SLOT + Wire.MONEY_SLOTS;

	private static final int TOTAL_VALUE_SLOT = CHANGE_SLOT + Wire.MONEY_SLOTS;

	private static final int SLOTS = TOTAL_VALUE_SLOT + Wire.MONEY_SLOTS;

	private static final MessageSchema SCHEMA = MessageSchema.of("InfoV3", 10)
		.field(1, "symbol", Wire.LENGTH_DELIMITED)
		.field(2, "high", Wire.LENGTH_DELIMITED)
		.field(3, "low", Wire.LENGTH_DELIMITED)
		.field(4, "last", Wire.LENGTH_DELIMITED)
		.field(5, "total_volume", Wire.VARINT)
		.field(6, "projected_open_price", Wire.LENGTH_DELIMITED)
		.field(7, "change", Wire.LENGTH_DELIMITED)
		.field(8, "total_value", Wire.LENGTH_DELIMITED)
		.field(9, "market_status", Wire.VARINT)
		.field(10, "projected_open_volume", Wire.VARINT);

	private static final @Nullable MarketStatus[] STATUSES = EnumNumbers.index(MarketStatus.values(),
			MarketStatus::code);

	private final DecodeObserver observer;

	PriceInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public PriceInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		long totalVolume = 0;
		long projectedOpenVolume = 0;
		int marketStatus = 0;
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
					case HIGH -> Wire.money(input, slots, HIGH_SLOT);
					case LOW -> Wire.money(input, slots, LOW_SLOT);
					case LAST -> Wire.money(input, slots, LAST_SLOT);
					case TOTAL_VOLUME -> totalVolume = input.readInt64();
					case PROJECTED_OPEN_PRICE -> Wire.money(input, slots, PROJECTED_OPEN_PRICE_SLOT);
					case CHANGE -> Wire.money(input, slots, CHANGE_SLOT);
					case TOTAL_VALUE -> Wire.money(input, slots, TOTAL_VALUE_SLOT);
					case MARKET_STATUS -> marketStatus = input.readEnum();
					case PROJECTED_OPEN_VOLUME -> projectedOpenVolume = input.readInt64();
					default -> SCHEMA.skip(input, tag);
				}
				field = 0;
			}
			String topic = receipt.topic();
			String symbol = TopicKeys.symbol(KIND, topic, payload, symbolStart, symbolEnd, this.observer);
			return new PriceInfo(symbol, Wire.price(slots, HIGH_SLOT), Wire.price(slots, LOW_SLOT),
					Wire.price(slots, LAST_SLOT), totalVolume, Wire.price(slots, PROJECTED_OPEN_PRICE_SLOT),
					Wire.price(slots, CHANGE_SLOT), Wire.price(slots, TOTAL_VALUE_SLOT),
					Wire.enumValue(STATUSES, marketStatus, MarketStatus.UNKNOWN, this.observer, KIND, "market_status"),
					projectedOpenVolume, receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
