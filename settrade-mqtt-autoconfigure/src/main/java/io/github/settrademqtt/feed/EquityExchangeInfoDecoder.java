package io.github.settrademqtt.feed;

import java.io.IOException;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes EquityExchangeInfoV3: one {@code market_info} (field 1), flattened.
 *
 * @author settrade-mqtt
 */
final class EquityExchangeInfoDecoder implements MarketDataDecoder<EquityExchangeInfo> {

	private static final TopicKind KIND = TopicKind.EQUITY_EXCHANGE_INFO;

	private static final int MARKET_INFO = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int NAME = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int MARKET_STATUS = (2 << 3) | Wire.VARINT;

	private static final int CURRENT = (3 << 3) | Wire.LENGTH_DELIMITED;

	private static final int HIGH = (4 << 3) | Wire.LENGTH_DELIMITED;

	private static final int LOW = (5 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CHANGE = (6 << 3) | Wire.LENGTH_DELIMITED;

	private static final int PERCENT_CHANGE = (7 << 3) | Wire.LENGTH_DELIMITED;

	private static final int TOTAL_INDEX_VOLUME = (8 << 3) | Wire.VARINT;

	private static final int TOTAL_INDEX_VALUE = (9 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CURRENT_SLOT = 0;

	private static final int HIGH_SLOT = CURRENT_SLOT + Wire.MONEY_SLOTS;

	private static final int LOW_SLOT = HIGH_SLOT + Wire.MONEY_SLOTS;

	private static final int CHANGE_SLOT = LOW_SLOT + Wire.MONEY_SLOTS;

	private static final int PERCENT_CHANGE_SLOT = CHANGE_SLOT + Wire.MONEY_SLOTS;

	private static final int TOTAL_INDEX_VALUE_SLOT = PERCENT_CHANGE_SLOT + Wire.MONEY_SLOTS;

	private static final int SLOTS = TOTAL_INDEX_VALUE_SLOT + Wire.MONEY_SLOTS;

	private static final MessageSchema SCHEMA = MessageSchema.of("EquityExchangeInfoV3", 1)
		.field(1, "market_info", Wire.LENGTH_DELIMITED);

	private static final MessageSchema MARKET_INFO_SCHEMA = MessageSchema.of("EquityMarketInfoV3", 9)
		.field(1, "name", Wire.LENGTH_DELIMITED)
		.field(2, "market_status", Wire.VARINT)
		.field(3, "current", Wire.LENGTH_DELIMITED)
		.field(4, "high", Wire.LENGTH_DELIMITED)
		.field(5, "low", Wire.LENGTH_DELIMITED)
		.field(6, "change", Wire.LENGTH_DELIMITED)
		.field(7, "percent_change", Wire.LENGTH_DELIMITED)
		.field(8, "total_index_volume", Wire.VARINT)
		.field(9, "total_index_value", Wire.LENGTH_DELIMITED);

	private static final @Nullable EquityMarketStatus[] STATUSES = EnumNumbers.index(EquityMarketStatus.values(),
			EquityMarketStatus::code);

	private final DecodeObserver observer;

	EquityExchangeInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public EquityExchangeInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		String name = "";
		int marketStatus = 0;
		long totalIndexVolume = 0;
		int field = 0;
		try {
			CodedInputStream input = Wire.input(payload);
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				field = tag >>> 3;
				if (tag == MARKET_INFO) {
					// a repeated occurrence merges into the first, as protobuf does
					int limit = Wire.enter(input);
					for (int inner = input.readTag(); inner != 0; inner = input.readTag()) {
						switch (inner) {
							case NAME -> name = input.readString();
							case MARKET_STATUS -> marketStatus = input.readEnum();
							case CURRENT -> Wire.money(input, slots, CURRENT_SLOT);
							case HIGH -> Wire.money(input, slots, HIGH_SLOT);
							case LOW -> Wire.money(input, slots, LOW_SLOT);
							case CHANGE -> Wire.money(input, slots, CHANGE_SLOT);
							case PERCENT_CHANGE -> Wire.money(input, slots, PERCENT_CHANGE_SLOT);
							case TOTAL_INDEX_VOLUME -> totalIndexVolume = input.readInt64();
							case TOTAL_INDEX_VALUE -> Wire.money(input, slots, TOTAL_INDEX_VALUE_SLOT);
							default -> MARKET_INFO_SCHEMA.skip(input, inner);
						}
					}
					input.popLimit(limit);
				}
				else {
					SCHEMA.skip(input, tag);
				}
				field = 0;
			}
			return new EquityExchangeInfo(TopicKeys.key(KIND, receipt.topic()), name,
					Wire.enumValue(STATUSES, marketStatus, EquityMarketStatus.UNKNOWN, this.observer, KIND,
							"market_info.market_status"),
					Wire.price(slots, CURRENT_SLOT), Wire.price(slots, HIGH_SLOT), Wire.price(slots, LOW_SLOT),
					Wire.price(slots, CHANGE_SLOT), Wire.price(slots, PERCENT_CHANGE_SLOT), totalIndexVolume,
					Wire.price(slots, TOTAL_INDEX_VALUE_SLOT), receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
