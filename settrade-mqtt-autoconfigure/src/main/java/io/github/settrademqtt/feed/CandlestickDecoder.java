package io.github.settrademqtt.feed;

import java.io.IOException;
import java.time.Instant;

import com.google.protobuf.CodedInputStream;
import io.github.settrademqtt.connection.TopicKind;

import org.springframework.util.Assert;

/**
 * Decodes CandlestickV3.
 *
 * @author settrade-mqtt
 */
final class CandlestickDecoder implements MarketDataDecoder<Candlestick> {

	private static final TopicKind KIND = TopicKind.CANDLESTICK;

	private static final int SYMBOL = (1 << 3) | Wire.LENGTH_DELIMITED;

	private static final int INTERVAL = (2 << 3) | Wire.LENGTH_DELIMITED;

	private static final int LAST_SEQUENCE = (3 << 3) | Wire.VARINT;

	private static final int TIME = (4 << 3) | Wire.LENGTH_DELIMITED;

	private static final int OPEN = (5 << 3) | Wire.LENGTH_DELIMITED;

	private static final int HIGH = (6 << 3) | Wire.LENGTH_DELIMITED;

	private static final int LOW = (7 << 3) | Wire.LENGTH_DELIMITED;

	private static final int CLOSE = (8 << 3) | Wire.LENGTH_DELIMITED;

	private static final int VOLUME = (9 << 3) | Wire.VARINT;

	private static final int VALUE = (10 << 3) | Wire.LENGTH_DELIMITED;

	private static final int TIME_SLOT = 0;

	private static final int OPEN_SLOT = TIME_SLOT + Wire.TIMESTAMP_SLOTS;

	private static final int HIGH_SLOT = OPEN_SLOT + Wire.MONEY_SLOTS;

	private static final int LOW_SLOT = HIGH_SLOT + Wire.MONEY_SLOTS;

	private static final int CLOSE_SLOT = LOW_SLOT + Wire.MONEY_SLOTS;

	private static final int VALUE_SLOT = CLOSE_SLOT + Wire.MONEY_SLOTS;

	private static final int SLOTS = VALUE_SLOT + Wire.MONEY_SLOTS;

	private static final MessageSchema SCHEMA = MessageSchema.of("CandlestickV3", 10)
		.field(1, "symbol", Wire.LENGTH_DELIMITED)
		.field(2, "interval", Wire.LENGTH_DELIMITED)
		.field(3, "last_sequence", Wire.VARINT)
		.field(4, "time", Wire.LENGTH_DELIMITED)
		.field(5, "open", Wire.LENGTH_DELIMITED)
		.field(6, "high", Wire.LENGTH_DELIMITED)
		.field(7, "low", Wire.LENGTH_DELIMITED)
		.field(8, "close", Wire.LENGTH_DELIMITED)
		.field(9, "volume", Wire.VARINT)
		.field(10, "value", Wire.LENGTH_DELIMITED);

	private final DecodeObserver observer;

	CandlestickDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public Candlestick decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		long[] slots = new long[SLOTS];
		String interval = "";
		long lastSequence = 0;
		long volume = 0;
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
					case INTERVAL -> interval = input.readString();
					case LAST_SEQUENCE -> lastSequence = input.readInt64();
					case TIME -> Wire.timestamp(input, slots, TIME_SLOT);
					case OPEN -> Wire.money(input, slots, OPEN_SLOT);
					case HIGH -> Wire.money(input, slots, HIGH_SLOT);
					case LOW -> Wire.money(input, slots, LOW_SLOT);
					case CLOSE -> Wire.money(input, slots, CLOSE_SLOT);
					case VOLUME -> volume = input.readInt64();
					case VALUE -> Wire.money(input, slots, VALUE_SLOT);
					default -> SCHEMA.skip(input, tag);
				}
				field = 0;
			}
			String topic = receipt.topic();
			String symbol = TopicKeys.symbol(KIND, topic, payload, symbolStart, symbolEnd, this.observer);
			String topicInterval = TopicKeys.interval(topic);
			field = 4;
			Instant time = Wire.instant(slots, TIME_SLOT);
			field = 0;
			return new Candlestick(symbol, topicInterval.isEmpty() ? interval : topicInterval, lastSequence, time,
					Wire.price(slots, OPEN_SLOT), Wire.price(slots, HIGH_SLOT), Wire.price(slots, LOW_SLOT),
					Wire.price(slots, CLOSE_SLOT), volume, Wire.price(slots, VALUE_SLOT), receipt);
		}
		catch (IOException | RuntimeException ex) {
			throw SCHEMA.failure(KIND, field, ex);
		}
	}

}
