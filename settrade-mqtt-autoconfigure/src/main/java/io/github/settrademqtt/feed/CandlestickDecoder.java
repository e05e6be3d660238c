package io.github.settrademqtt.feed;

import io.github.settrademqtt.feed.MessageSchema.Field;

import org.springframework.util.Assert;

/**
 * Decodes CandlestickV3.
 *
 * @author settrade-mqtt
 */
final class CandlestickDecoder implements MarketDataDecoder<Candlestick> {

	private static final MarketDataKind<?, ?> KIND = MarketDataKinds.CANDLESTICK;

	private static final MessageSchema SCHEMA = MessageSchema.of("CandlestickV3");

	private static final Field SYMBOL = SCHEMA.string(1, "symbol");

	private static final Field INTERVAL = SCHEMA.string(2, "interval");

	private static final Field LAST_SEQUENCE = SCHEMA.int64(3, "last_sequence");

	private static final Field TIME = SCHEMA.timestamp(4, "time");

	private static final Field OPEN = SCHEMA.money(5, "open");

	private static final Field HIGH = SCHEMA.money(6, "high");

	private static final Field LOW = SCHEMA.money(7, "low");

	private static final Field CLOSE = SCHEMA.money(8, "close");

	private static final Field VOLUME = SCHEMA.int64(9, "volume");

	private static final Field VALUE = SCHEMA.money(10, "value");

	private final DecodeObserver observer;

	CandlestickDecoder(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public Candlestick decode(byte[] payload, EventReceipt receipt) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(receipt, "'receipt' must not be null");
		FieldValues values = SCHEMA.read(KIND, payload);
		String topic = receipt.topic();
		String topicInterval = interval(topic);
		return new Candlestick(values.symbol(SYMBOL, topic, this.observer),
				topicInterval.isEmpty() ? values.string(INTERVAL) : topicInterval, values.int64(LAST_SEQUENCE),
				values.instant(TIME), values.price(OPEN), values.price(HIGH), values.price(LOW), values.price(CLOSE),
				values.int64(VOLUME), values.price(VALUE), receipt);
	}

	/**
	 * Return the interval a candlestick topic has after the symbol, empty when it has
	 * none.
	 */
	static String interval(String topic) {
		int start = KIND.keyStart(topic);
		int end = KIND.keyEnd(topic, start);
		return (end < topic.length()) ? topic.substring(end + 1) : "";
	}

}
