package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes DerivExchangeInfoV3: one {@code market_info} (field 1), flattened.
 *
 * @author settrade-mqtt
 */
final class DerivativesExchangeInfoDecoder implements MarketDataDecoder<DerivativesExchangeInfo> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.DERIVATIVES_EXCHANGE_INFO;

	private static final MessageSchema SCHEMA = MessageSchema.of("DerivExchangeInfoV3");

	private static final MessageSchema MARKET_INFO = SCHEMA.message(1, "market_info", "DerivMarketInfoV3");

	private static final Field NAME = MARKET_INFO.string(1, "name");

	private static final Field MARKET_STATUS = MARKET_INFO.enumeration(2, "market_status");

	private static final Field TOTAL_VOLUME = MARKET_INFO.int64(3, "total_volume");

	private static final Field TOTAL_DEAL = MARKET_INFO.int64(4, "total_deal");

	private static final Field OPEN_INTEREST = MARKET_INFO.int32(5, "open_interest");

	private static final @Nullable DerivativesMarketStatus[] STATUSES = EnumsByNumber
		.index(DerivativesMarketStatus.values(), DerivativesMarketStatus::code);

	private final DecodeObserver observer;

	DerivativesExchangeInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public DerivativesExchangeInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		FieldValues values = SCHEMA.read(KIND, payload);
		return new DerivativesExchangeInfo(KIND.key(receipt.topic()), values.string(NAME),
				values.enumValue(MARKET_STATUS, STATUSES, DerivativesMarketStatus.UNKNOWN, this.observer),
				values.int64(TOTAL_VOLUME), values.int64(TOTAL_DEAL), values.int32(OPEN_INTEREST), receipt);
	}

}
