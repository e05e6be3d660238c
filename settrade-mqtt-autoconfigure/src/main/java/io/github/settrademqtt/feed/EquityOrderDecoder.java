package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.EquityOrder.Side;
import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes OrderEquityV3.
 *
 * @author settrade-mqtt
 */
final class EquityOrderDecoder implements MarketDataDecoder<EquityOrder> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.EQUITY_ORDERS;

	private static final MessageSchema SCHEMA = MessageSchema.of("OrderEquityV3");

	private static final Field VERSION = SCHEMA.int32(1, "version");

	private static final Field ORDER_NO = SCHEMA.string(2, "order_no");

	private static final Field EXT_ORDER_NO = SCHEMA.string(3, "ext_order_no");

	private static final Field ACCOUNT_NO = SCHEMA.string(4, "account_no");

	private static final Field ENTRY_TIME = SCHEMA.timeOfDay(5, "entry_time");

	private static final Field TRADE_DATE = SCHEMA.date(6, "trade_date");

	private static final Field SYMBOL = SCHEMA.string(7, "symbol");

	private static final Field IS_NVDR = SCHEMA.bool(8, "is_nvdr");

	private static final Field PRICE = SCHEMA.money(9, "price");

	private static final Field PRICE_TYPE = SCHEMA.enumeration(10, "price_type");

	private static final Field SIDE = SCHEMA.enumeration(11, "side");

	private static final Field VOLUME = SCHEMA.int64(12, "volume");

	private static final Field MATCHED_VOLUME = SCHEMA.int64(13, "matched_volume");

	private static final Field BALANCE_VOLUME = SCHEMA.int64(14, "balance_volume");

	private static final Field CANCELLED_VOLUME = SCHEMA.int64(15, "cancelled_volume");

	private static final Field STATUS = SCHEMA.string(16, "status");

	private static final Field CAN_CANCEL = SCHEMA.bool(17, "can_cancel");

	private static final Field CAN_CHANGE_PRICE_VOL = SCHEMA.bool(19, "can_change_price_vol");

	private static final Field VALID = SCHEMA.enumeration(20, "valid");

	private static final Field UNTIL = SCHEMA.date(21, "until");

	private static final Field CAN_CHANGE_NVDR = SCHEMA.bool(22, "can_change_nvdr");

	private static final Field CAN_CHANGE_ICEBERG = SCHEMA.bool(23, "can_change_iceberg");

	private static final Field CAN_CHANGE_ACCOUNT = SCHEMA.bool(24, "can_change_account");

	private static final Field IS_TRADE_REPORT = SCHEMA.bool(25, "is_trade_report");

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
		FieldValues values = SCHEMA.read(KIND, payload);
		return new EquityOrder(values.int32(VERSION), values.string(ORDER_NO), values.string(EXT_ORDER_NO),
				values.string(ACCOUNT_NO), values.timeOfDay(ENTRY_TIME), values.date(TRADE_DATE), values.string(SYMBOL),
				values.bool(IS_NVDR), values.price(PRICE),
				values.enumValue(PRICE_TYPE, PRICE_TYPES, OrderPriceType.UNKNOWN, this.observer),
				values.enumValue(SIDE, SIDES, Side.UNKNOWN, this.observer), values.int64(VOLUME),
				values.int64(MATCHED_VOLUME), values.int64(BALANCE_VOLUME), values.int64(CANCELLED_VOLUME),
				values.string(STATUS), values.bool(CAN_CANCEL), values.bool(CAN_CHANGE_PRICE_VOL),
				values.enumValue(VALID, VALIDITIES, OrderValidity.UNKNOWN, this.observer), values.date(UNTIL),
				values.bool(CAN_CHANGE_NVDR), values.bool(CAN_CHANGE_ICEBERG), values.bool(CAN_CHANGE_ACCOUNT),
				values.bool(IS_TRADE_REPORT), receipt);
	}

}
