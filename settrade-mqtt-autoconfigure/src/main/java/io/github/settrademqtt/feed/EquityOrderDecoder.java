package io.github.settrademqtt.feed;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;
import io.github.settrademqtt.feed.EquityOrder.Side;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes OrderEquityV3.
 *
 * @author settrade-mqtt
 */
final class EquityOrderDecoder implements MarketDataDecoder<EquityOrder> {

	private static final TopicKind KIND = TopicKind.EQUITY_ORDERS;

	private static final int VERSION = (1 << 3) | Wire.VARINT;

	private static final int ORDER_NO = (2 << 3) | Wire.LENGTH_DELIMITED;

	private static final int EXT_ORDER_NO = (3 << 3) | Wire.LENGTH_DELIMITED;

	private static final int ACCOUNT_NO = (4 << 3) | Wire.LENGTH_DELIMITED;

	private static final int ENTRY_TIME = (5 << 3) | Wire.LENGTH_DELIMITED;

	private static final int TRADE_DATE = (6 << 3) | Wire.LENGTH_DELIMITED;

	private static final int SYMBOL = (7 << 3) | Wire.LENGTH_DELIMITED;

	private static final int IS_NVDR = (8 << 3) | Wire.VARINT;

	private static final int PRICE = (9 << 3) | Wire.LENGTH_DELIMITED;

	private static final int PRICE_TYPE = (10 << 3) | Wire.VARINT;

	private static final int SIDE = (11 << 3) | Wire.VARINT;

	private static final int VOLUME = (12 << 3) | Wire.VARINT;

	private static final int MATCHED_VOLUME = (13 << 3) | Wire.VARINT;

	private static final int BALANCE_VOLUME = (14 << 3) | Wire.VARINT;

	private static final int CANCELLED_VOLUME = (15 << 3) | Wire.VARINT;

	private static final int STATUS = (16 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CAN_CANCEL = (17 << 3) | Wire.VARINT;

	private static final int CAN_CHANGE_PRICE_VOL = (19 << 3) | Wire.VARINT;

	private static final int VALID = (20 << 3) | Wire.VARINT;

	private static final int UNTIL = (21 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CAN_CHANGE_NVDR = (22 << 3) | Wire.VARINT;

	private static final int CAN_CHANGE_ICEBERG = (23 << 3) | Wire.VARINT;

	private static final int CAN_CHANGE_ACCOUNT = (24 << 3) | Wire.VARINT;

	private static final int IS_TRADE_REPORT = (25 << 3) | Wire.VARINT;

	private static final int PRICE_SLOT = 0;

	private static final int ENTRY_TIME_SLOT = PRICE_SLOT + Wire.MONEY_SLOTS;

	private static final int TRADE_DATE_SLOT = ENTRY_TIME_SLOT + Wire.TIME_OF_DAY_SLOTS;

	private static final int UNTIL_SLOT = TRADE_DATE_SLOT + Wire.DATE_SLOTS;

	private static final int SLOTS = UNTIL_SLOT + Wire.DATE_SLOTS;

	private static final MessageSchema SCHEMA = MessageSchema.of("OrderEquityV3", 25)
		.field(1, "version", Wire.VARINT)
		.field(2, "order_no", Wire.LENGTH_DELIMITED)
		.field(3, "ext_order_no", Wire.LENGTH_DELIMITED)
		.field(4, "account_no", Wire.LENGTH_DELIMITED)
		.field(5, "entry_time", Wire.LENGTH_DELIMITED)
		.field(6, "trade_date", Wire.LENGTH_DELIMITED)
		.field(7, "symbol", Wire.LENGTH_DELIMITED)
		.field(8, "is_nvdr", Wire.VARINT)
		.field(9, "price", Wire.LENGTH_DELIMITED)
		.field(10, "price_type", Wire.VARINT)
		.field(11, "side", Wire.VARINT)
		.field(12, "volume", Wire.VARINT)
		.field(13, "matched_volume", Wire.VARINT)
		.field(14, "balance_volume", Wire.VARINT)
		.field(15, "cancelled_volume", Wire.VARINT)
		.field(16, "status", Wire.LENGTH_DELIMITED)
		.field(17, "can_cancel", Wire.VARINT)
		.field(19, "can_change_price_vol", Wire.VARINT)
		.field(20, "valid", Wire.VARINT)
		.field(21, "until", Wire.LENGTH_DELIMITED)
		.field(22, "can_change_nvdr", Wire.VARINT)
		.field(23, "can_change_iceberg", Wire.VARINT)
		.field(24, "can_change_account", Wire.VARINT)
		.field(25, "is_trade_report", Wire.VARINT);

	/**
	 * Shared with {@link DerivativesOrderDecoder}: both messages number price types
	 * alike.
	 */
	static final @Nullable OrderPriceType[] PRICE_TYPES = { OrderPriceType.UNDEFINED, OrderPriceType.LIMIT,
			OrderPriceType.ATO, OrderPriceType.ATC, OrderPriceType.MARKET, null, OrderPriceType.MARKET_TO_LIMIT };

	private static final @Nullable Side[] SIDES = { Side.UNDEFINED, Side.BUY, Side.SELL };

	private static final @Nullable OrderValidity[] VALIDITIES = { OrderValidity.UNDEFINED, OrderValidity.FOK,
			OrderValidity.IOC, OrderValidity.GTD, OrderValidity.GTC, OrderValidity.DAY };

	private final DecodeObserver observer;

	EquityOrderDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public EquityOrder decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		int version = 0;
		String orderNo = "";
		String extOrderNo = "";
		String accountNo = "";
		String symbol = "";
		boolean nvdr = false;
		int priceType = 0;
		int side = 0;
		long volume = 0;
		long matchedVolume = 0;
		long balanceVolume = 0;
		long cancelledVolume = 0;
		String status = "";
		boolean canCancel = false;
		boolean canChangePriceVolume = false;
		int validity = 0;
		boolean canChangeNvdr = false;
		boolean canChangeIceberg = false;
		boolean canChangeAccount = false;
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
					case ENTRY_TIME -> Wire.timeOfDay(input, slots, ENTRY_TIME_SLOT);
					case TRADE_DATE -> Wire.date(input, slots, TRADE_DATE_SLOT);
					case SYMBOL -> symbol = input.readString();
					case IS_NVDR -> nvdr = input.readBool();
					case PRICE -> Wire.money(input, slots, PRICE_SLOT);
					case PRICE_TYPE -> priceType = input.readEnum();
					case SIDE -> side = input.readEnum();
					case VOLUME -> volume = input.readInt64();
					case MATCHED_VOLUME -> matchedVolume = input.readInt64();
					case BALANCE_VOLUME -> balanceVolume = input.readInt64();
					case CANCELLED_VOLUME -> cancelledVolume = input.readInt64();
					case STATUS -> status = input.readString();
					case CAN_CANCEL -> canCancel = input.readBool();
					case CAN_CHANGE_PRICE_VOL -> canChangePriceVolume = input.readBool();
					case VALID -> validity = input.readEnum();
					case UNTIL -> Wire.date(input, slots, UNTIL_SLOT);
					case CAN_CHANGE_NVDR -> canChangeNvdr = input.readBool();
					case CAN_CHANGE_ICEBERG -> canChangeIceberg = input.readBool();
					case CAN_CHANGE_ACCOUNT -> canChangeAccount = input.readBool();
					case IS_TRADE_REPORT -> tradeReport = input.readBool();
					default -> SCHEMA.skip(input, tag);
				}
				field = 0;
			}
			field = 5;
			LocalTime entryTime = Wire.localTime(slots, ENTRY_TIME_SLOT);
			field = 6;
			LocalDate tradeDate = Wire.localDate(slots, TRADE_DATE_SLOT);
			field = 21;
			LocalDate until = Wire.localDate(slots, UNTIL_SLOT);
			field = 0;
			return new EquityOrder(version, orderNo, extOrderNo, accountNo, entryTime, tradeDate, symbol, nvdr,
					Wire.price(slots, PRICE_SLOT),
					Wire.enumValue(PRICE_TYPES, priceType, OrderPriceType.UNKNOWN, this.observer, KIND, "price_type"),
					Wire.enumValue(SIDES, side, Side.UNKNOWN, this.observer, KIND, "side"), volume, matchedVolume,
					balanceVolume, cancelledVolume, status, canCancel, canChangePriceVolume,
					Wire.enumValue(VALIDITIES, validity, OrderValidity.UNKNOWN, this.observer, KIND, "valid"), until,
					canChangeNvdr, canChangeIceberg, canChangeAccount, tradeReport, receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
