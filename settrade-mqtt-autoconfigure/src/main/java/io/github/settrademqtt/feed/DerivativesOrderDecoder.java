package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.DerivativesOrder.Position;
import io.github.settrademqtt.feed.DerivativesOrder.Side;
import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Decodes OrderDerivV3.
 *
 * @author settrade-mqtt
 */
final class DerivativesOrderDecoder implements MarketDataDecoder<DerivativesOrder> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.DERIVATIVES_ORDERS;

	private static final MessageSchema SCHEMA = MessageSchema.of("OrderDerivV3");

	private static final Field VERSION = SCHEMA.int32(1, "version");

	private static final Field ORDER_NO = SCHEMA.string(2, "order_no");

	private static final Field EXT_ORDER_NO = SCHEMA.string(3, "ext_order_no");

	private static final Field ACCOUNT_NO = SCHEMA.string(4, "account_no");

	private static final Field ENTER_ID = SCHEMA.string(5, "enter_id");

	private static final Field ENTRY_TIME = SCHEMA.timestamp(6, "entry_time");

	private static final Field SERIES_ID = SCHEMA.string(7, "series_id");

	private static final Field SIDE = SCHEMA.enumeration(8, "side");

	private static final Field POSITION = SCHEMA.enumeration(9, "position");

	private static final Field PRICE = SCHEMA.money(10, "price");

	private static final Field PRICE_TYPE = SCHEMA.enumeration(11, "price_type");

	private static final Field VOLUME = SCHEMA.int64(12, "volume");

	private static final Field BALANCE_VOLUME = SCHEMA.int64(13, "balance_volume");

	private static final Field MATCHED_VOLUME = SCHEMA.int64(14, "matched_volume");

	private static final Field CANCELLED_VOLUME = SCHEMA.int64(15, "cancelled_volume");

	private static final Field VALID = SCHEMA.enumeration(16, "valid");

	private static final Field UNTIL = SCHEMA.string(17, "until");

	private static final Field STATUS = SCHEMA.string(18, "status");

	private static final Field CAN_CANCEL = SCHEMA.bool(19, "can_cancel");

	private static final Field CAN_CHANGE = SCHEMA.bool(20, "can_change");

	private static final Field CAN_CHANGE_PRICE_VOL = SCHEMA.bool(21, "can_change_price_vol");

	private static final Field IS_TRADE_REPORT = SCHEMA.bool(22, "is_trade_report");

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
		FieldValues values = SCHEMA.read(KIND, payload);
		return new DerivativesOrder(values.int32(VERSION), values.string(ORDER_NO), values.string(EXT_ORDER_NO),
				values.string(ACCOUNT_NO), values.string(ENTER_ID), values.instant(ENTRY_TIME),
				values.string(SERIES_ID), values.enumValue(SIDE, SIDES, Side.UNKNOWN, this.observer),
				values.enumValue(POSITION, POSITIONS, Position.UNKNOWN, this.observer), values.price(PRICE),
				values.enumValue(PRICE_TYPE, EquityOrderDecoder.PRICE_TYPES, OrderPriceType.UNKNOWN, this.observer),
				values.int64(VOLUME), values.int64(BALANCE_VOLUME), values.int64(MATCHED_VOLUME),
				values.int64(CANCELLED_VOLUME),
				values.enumValue(VALID, VALIDITIES, OrderValidity.UNKNOWN, this.observer), values.string(UNTIL),
				values.string(STATUS), values.bool(CAN_CANCEL), values.bool(CAN_CHANGE),
				values.bool(CAN_CHANGE_PRICE_VOL), values.bool(IS_TRADE_REPORT), receipt);
	}

}
