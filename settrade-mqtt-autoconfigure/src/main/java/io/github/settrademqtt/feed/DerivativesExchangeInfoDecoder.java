package io.github.settrademqtt.feed;

import java.io.IOException;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes DerivExchangeInfoV3: one {@code market_info} (field 1), flattened.
 *
 * @author settrade-mqtt
 */
final class DerivativesExchangeInfoDecoder implements MarketDataDecoder<DerivativesExchangeInfo> {

	private static final TopicKind KIND = TopicKind.DERIVATIVES_EXCHANGE_INFO;

	private static final int MARKET_INFO = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int NAME = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int MARKET_STATUS = (2 << 3) | Wire.VARINT;

	private static final int TOTAL_VOLUME = (3 << 3) | Wire.VARINT;

	private static final int TOTAL_DEAL = (4 << 3) | Wire.VARINT;

	private static final int OPEN_INTEREST = (5 << 3) | Wire.VARINT;

	private static final MessageSchema SCHEMA = MessageSchema.of("DerivExchangeInfoV3", 1)
		.field(1, "market_info", Wire.LENGTH_DELIMITED);

	private static final MessageSchema MARKET_INFO_SCHEMA = MessageSchema.of("DerivMarketInfoV3", 5)
		.field(1, "name", Wire.LENGTH_DELIMITED)
		.field(2, "market_status", Wire.VARINT)
		.field(3, "total_volume", Wire.VARINT)
		.field(4, "total_deal", Wire.VARINT)
		.field(5, "open_interest", Wire.VARINT);

	private static final @Nullable DerivativesMarketStatus[] STATUSES = EnumNumbers
		.index(DerivativesMarketStatus.values(), DerivativesMarketStatus::code);

	private final DecodeObserver observer;

	DerivativesExchangeInfoDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public DerivativesExchangeInfo decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		String name = "";
		int marketStatus = 0;
		long totalVolume = 0;
		long totalDeal = 0;
		int openInterest = 0;
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
							case TOTAL_VOLUME -> totalVolume = input.readInt64();
							case TOTAL_DEAL -> totalDeal = input.readInt64();
							case OPEN_INTEREST -> openInterest = input.readInt32();
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
			return new DerivativesExchangeInfo(
					TopicKeys.key(KIND, receipt.topic()), name, Wire.enumValue(STATUSES, marketStatus,
							DerivativesMarketStatus.UNKNOWN, this.observer, KIND, "market_info.market_status"),
					totalVolume, totalDeal, openInterest, receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
