package io.github.settrademqtt.feed;

import java.io.IOException;
import java.time.Instant;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import io.github.settrademqtt.feed.DerivativesOrder.Position;
import io.github.settrademqtt.feed.DerivativesOrder.Side;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes OrderDerivV3.
 *
 * @author settrade-mqtt
 */
final class DerivativesOrderDecoder implements MarketDataDecoder<DerivativesOrder> {

	private static final TopicKind KIND = TopicKind.DERIVATIVES_ORDERS;

	private static final int VERSION = (1 << 3) | Wire.VARINT;

	private static final int ORDER_NO = (2 << 3) | Wire.LENGTH_DELIMITED;

	private static final int EXT_ORDER_NO = (3 << 3) | Wire.LENGTH_DELIMITED;

	private static final int ACCOUNT_NO = (4 << 3) | Wire.LENGTH_DELIMITED;

	private static final int ENTER_ID = (5 << 3) | Wire.LENGTH_DELIMITED;

	private static final int ENTRY_TIME = (6 << 3) | Wire.LENGTH_DELIMITED;

	private static final int SERIES_ID = (7 << 3) | Wire.LENGTH_DELIMITED;

	private static final int SIDE = (8 << 3) | Wire.VARINT;

	private static final int POSITION = (9 << 3) | Wire.VARINT;

	private static final int PRICE = (10 << 3) | Wire.LENGTH_DELIMITED;

	private static final int PRICE_TYPE = (11 << 3) | Wire.VARINT;

	private static final int VOLUME = (12 << 3) | Wire.VARINT;

	private static final int BALANCE_VOLUME = (13 << 3) | Wire.VARINT;

	private static final int MATCHED_VOLUME = (14 << 3) | Wire.VARINT;

	private static final int CANCELLED_VOLUME = (15 << 3) | Wire.VARINT;

	private static final int VALID = (16 << 3) | Wire.VARINT;

	private static final int UNTIL = (17 << 3) | Wire.LENGTH_DELIMITED;

	private static final int STATUS = (18 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CAN_CANCEL = (19 << 3) | Wire.VARINT;

	private static final int CAN_CHANGE = (20 << 3) | Wire.VARINT;

	private static final int CAN_CHANGE_PRICE_VOL = (21 << 3) | Wire.VARINT;

	private static final int IS_TRADE_REPORT = (22 << 3) | Wire.VARINT;

	private static final int PRICE_SLOT = 0;

	private static final int ENTRY_TIME_SLOT = PRICE_SLOT + Wire.MONEY_SLOTS;

	private static final int SLOTS = ENTRY_TIME_SLOT + Wire.TIMESTAMP_SLOTS;

	private static final MessageSchema SCHEMA = MessageSchema.of("OrderDerivV3", 22)
		.field(1, "version", Wire.VARINT)
		.field(2, "order_no", Wire.LENGTH_DELIMITED)
		.field(3, "ext_order_no", Wire.LENGTH_DELIMITED)
		.field(4, "account_no", Wire.LENGTH_DELIMITED)
		.field(5, "enter_id", Wire.LENGTH_DELIMITED)
		.field(6, "entry_time", Wire.LENGTH_DELIMITED)
		.field(7, "series_id", Wire.LENGTH_DELIMITED)
		.field(8, "side", Wire.VARINT)
		.field(9, "position", Wire.VARINT)
		.field(10, "price", Wire.LENGTH_DELIMITED)
		.field(11, "price_type", Wire.VARINT)
		.field(12, "volume", Wire.VARINT)
		.field(13, "balance_volume", Wire.VARINT)
		.field(14, "matched_volume", Wire.VARINT)
		.field(15, "cancelled_volume", Wire.VARINT)
		.field(16, "valid", Wire.VARINT)
		.field(17, "until", Wire.LENGTH_DELIMITED)
		.field(18, "status", Wire.LENGTH_DELIMITED)
		.field(19, "can_cancel", Wire.VARINT)
		.field(20, "can_change", Wire.VARINT)
		.field(21, "can_change_price_vol", Wire.VARINT)
		.field(22, "is_trade_report", Wire.VARINT);

	private static final @Nullable Side[] SIDES = { Side.UNDEFINED, Side.LONG, Side.SHORT, Side.LONG_AND_SHORT };

	private static final @Nullable Position[] POSITIONS = { Position.UNDEFINED, Position.OPEN, Position.CLOSE,
			Position.AUTO };

	private static final @Nullable OrderValidity[] VALIDITIES = { OrderValidity.UNDEFINED, OrderValidity.FOK,
			OrderValidity.IOC, OrderValidity.GTD, OrderValidity.GTC, null, null, null, OrderValidity.DAY };

	private final DecodeObserver observer;

	DerivativesOrderDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public DerivativesOrder decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		int version = 0;
		String orderNo = "";
		String extOrderNo = "";
		String accountNo = "";
		String enterId = "";
		String seriesId = "";
		int side = 0;
		int position = 0;
		int priceType = 0;
		long volume = 0;
		long balanceVolume = 0;
		long matchedVolume = 0;
		long cancelledVolume = 0;
		int validity = 0;
		String until = "";
		String status = "";
		boolean canCancel = false;
		boolean canChange = false;
		boolean canChangePriceVolume = false;
		boolean tradeReport = false;
		int field = 0;
		try {
			CodedInputStream input = Wire.input(payload);
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				field = tag >>> 3;
				switch (tag) {
					case VERSION -> version = input.readInt32();
					case ORDER_NO -> orderNo = input.readString();
					case EXT_ORDER_NO -> extOrderNo = input.readString();
					case ACCOUNT_NO -> accountNo = input.readString();
					case ENTER_ID -> enterId = input.readString();
					case ENTRY_TIME -> Wire.timestamp(input, slots, ENTRY_TIME_SLOT);
					case SERIES_ID -> seriesId = input.readString();
					case SIDE -> side = input.readEnum();
					case POSITION -> position = input.readEnum();
					case PRICE -> Wire.money(input, slots, PRICE_SLOT);
					case PRICE_TYPE -> priceType = input.readEnum();
					case VOLUME -> volume = input.readInt64();
					case BALANCE_VOLUME -> balanceVolume = input.readInt64();
					case MATCHED_VOLUME -> matchedVolume = input.readInt64();
					case CANCELLED_VOLUME -> cancelledVolume = input.readInt64();
					case VALID -> validity = input.readEnum();
					case UNTIL -> until = input.readString();
					case STATUS -> status = input.readString();
					case CAN_CANCEL -> canCancel = input.readBool();
					case CAN_CHANGE -> canChange = input.readBool();
					case CAN_CHANGE_PRICE_VOL -> canChangePriceVolume = input.readBool();
					case IS_TRADE_REPORT -> tradeReport = input.readBool();
					default -> SCHEMA.skip(input, tag);
				}
				field = 0;
			}
			field = 6;
			Instant entryTime = Wire.instant(slots, ENTRY_TIME_SLOT);
			field = 0;
			return new DerivativesOrder(version, orderNo, extOrderNo, accountNo, enterId, entryTime, seriesId,
					Wire.enumValue(SIDES, side, Side.UNKNOWN, this.observer, KIND, "side"),
					Wire.enumValue(POSITIONS, position, Position.UNKNOWN, this.observer, KIND, "position"),
					Wire.price(slots, PRICE_SLOT),
					Wire.enumValue(EquityOrderDecoder.PRICE_TYPES, priceType, OrderPriceType.UNKNOWN, this.observer,
							KIND, "price_type"),
					volume, balanceVolume, matchedVolume, cancelledVolume,
					Wire.enumValue(VALIDITIES, validity, OrderValidity.UNKNOWN, this.observer, KIND, "valid"), until,
					status, canCancel, canChange, canChangePriceVolume, tradeReport, receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
