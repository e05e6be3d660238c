package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes EquityExchangeInfoV3: one {@code market_info} (field 1), flattened.
 *
 * @author settrade-mqtt
 */
final class EquityExchangeInfoDecoder implements MarketDataDecoder<EquityExchangeInfo> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.EQUITY_EXCHANGE_INFO;

	private static final MessageSchema SCHEMA = MessageSchema.of("EquityExchangeInfoV3");

	private static final MessageSchema MARKET_INFO = SCHEMA.message(1, "market_info", "EquityMarketInfoV3");

	private static final Field NAME = MARKET_INFO.string(1, "name");

	private static final Field MARKET_STATUS = MARKET_INFO.enumeration(2, "market_status");

	private static final Field CURRENT = MARKET_INFO.money(3, "current");

	private static final Field HIGH = MARKET_INFO.money(4, "high");

	private static final Field LOW = MARKET_INFO.money(5, "low");

	private static final Field CHANGE = MARKET_INFO.money(6, "change");

	private static final Field PERCENT_CHANGE = MARKET_INFO.money(7, "percent_change");

	private static final Field TOTAL_INDEX_VOLUME = MARKET_INFO.int64(8, "total_index_volume");

	private static final Field TOTAL_INDEX_VALUE = MARKET_INFO.money(9, "total_index_value");

	private static final @Nullable EquityMarketStatus[] STATUSES = EnumsByNumber.index(EquityMarketStatus.values(),
			EquityMarketStatus::code);

	private final DecodeObserver observer;

	EquityExchangeInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public EquityExchangeInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		FieldValues values = SCHEMA.read(KIND, payload);
		return new EquityExchangeInfo(KIND.key(receipt.topic()), values.string(NAME),
				values.enumValue(MARKET_STATUS, STATUSES, EquityMarketStatus.UNKNOWN, this.observer),
				values.price(CURRENT), values.price(HIGH), values.price(LOW), values.price(CHANGE),
				values.price(PERCENT_CHANGE), values.int64(TOTAL_INDEX_VOLUME), values.price(TOTAL_INDEX_VALUE),
				receipt);
	}

}
