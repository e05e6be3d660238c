package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes InfoV3.
 *
 * @author settrade-mqtt
 */
final class PriceInfoDecoder implements MarketDataDecoder<PriceInfo> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.PRICE_INFO;

	private static final MessageSchema SCHEMA = MessageSchema.of("InfoV3");

	private static final Field SYMBOL = SCHEMA.string(1, "symbol");

	private static final Field HIGH = SCHEMA.money(2, "high");

	private static final Field LOW = SCHEMA.money(3, "low");

	private static final Field LAST = SCHEMA.money(4, "last");

	private static final Field TOTAL_VOLUME = SCHEMA.int64(5, "total_volume");

	private static final Field PROJECTED_OPEN_PRICE = SCHEMA.money(6, "projected_open_price");

	private static final Field CHANGE = SCHEMA.money(7, "change");

	private static final Field TOTAL_VALUE = SCHEMA.money(8, "total_value");

	private static final Field MARKET_STATUS = SCHEMA.enumeration(9, "market_status");

	private static final Field PROJECTED_OPEN_VOLUME = SCHEMA.int64(10, "projected_open_volume");

	private static final @Nullable MarketStatus[] STATUSES = EnumsByNumber.index(MarketStatus.values(),
			MarketStatus::code);

	private final DecodeObserver observer;

	PriceInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public PriceInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		FieldValues values = SCHEMA.read(KIND, payload);
		return new PriceInfo(values.symbol(SYMBOL, receipt.topic(), this.observer), values.price(HIGH),
				values.price(LOW), values.price(LAST), values.int64(TOTAL_VOLUME), values.price(PROJECTED_OPEN_PRICE),
				values.price(CHANGE), values.price(TOTAL_VALUE),
				values.enumValue(MARKET_STATUS, STATUSES, MarketStatus.UNKNOWN, this.observer),
				values.int64(PROJECTED_OPEN_VOLUME), receipt);
	}

}
