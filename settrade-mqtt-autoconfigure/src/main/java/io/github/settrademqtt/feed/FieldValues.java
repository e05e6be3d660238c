package io.github.settrademqtt.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.github.settrademqtt.feed.MessageSchema.Field;
import org.jspecify.annotations.Nullable;

/**
 * The values {@link MessageSchema#read(MarketDataKind, byte[])} read from one payload, by
 * declared field: what a decoder builds its event from. A field the payload did not carry
 * has its protobuf default. A value that cannot stand for what its type says (a date that
 * does not exist) is a {@link MarketDataDecodeException} naming the field.
 *
 * @author settrade-mqtt
 */
final class FieldValues {

	private final MessageSchema schema;

	private final MarketDataKind<?, ?> kind;

	private final byte[] payload;

	private final long[] slots;

	FieldValues(MessageSchema schema, MarketDataKind<?, ?> kind, byte[] payload, long[] slots) {
		this.schema = schema;
		this.kind = kind;
		this.payload = payload;
		this.slots = slots;
	}

	/**
	 * Pack where a string's bytes are in the payload into one slot; zero means not sent.
	 */
	static long span(int start, int end) {
		return ((long) (start + 1) << 32) | end;
	}

	long int64(Field field) {
		return this.slots[field.slot()];
	}

	int int32(Field field) {
		return (int) this.slots[field.slot()];
	}

	boolean bool(Field field) {
		return this.slots[field.slot()] != 0;
	}

	/**
	 * Return a string field, decoded as protobuf-java would: empty when not sent.
	 */
	String string(Field field) {
		long span = this.slots[field.slot()];
		return (span != 0) ? ProtobufReader.string(this.payload, start(span), (int) span) : "";
	}

	/**
	 * Return the symbol of the topic, and report a payload whose own symbol field
	 * disagrees: the topic is what the application subscribed to, so it wins.
	 */
	String symbol(Field field, String topic, DecodeObserver observer) {
		long span = this.slots[field.slot()];
		int keyStart = this.kind.keyStart(topic);
		int keyEnd = this.kind.keyEnd(topic, keyStart);
		String symbol = topic.substring(keyStart, keyEnd);
		try {
			if (span != 0 && !ProtobufReader.sameKey(this.payload, start(span), (int) span, topic, keyStart, keyEnd)) {
				observer.symbolMismatch(this.kind, symbol,
						ProtobufReader.string(this.payload, start(span), (int) span));
			}
			return symbol;
		}
		catch (RuntimeException ex) {
			throw failure(field, ex);
		}
	}

	Price price(Field field) {
		return ProtobufReader.price(this.slots, field.slot());
	}

	Instant instant(Field field) {
		try {
			return ProtobufReader.instant(this.slots, field.slot());
		}
		catch (RuntimeException ex) {
			throw failure(field, ex);
		}
	}

	@Nullable LocalDate date(Field field) {
		try {
			return ProtobufReader.localDate(this.slots, field.slot());
		}
		catch (RuntimeException ex) {
			throw failure(field, ex);
		}
	}

	LocalTime timeOfDay(Field field) {
		try {
			return ProtobufReader.localTime(this.slots, field.slot());
		}
		catch (RuntimeException ex) {
			throw failure(field, ex);
		}
	}

	/**
	 * Return the constant an enum field's number stands for, {@code unknown} (and the
	 * observer told) for a number not in {@code byNumber}.
	 */
	<E extends Enum<E>> E enumValue(Field field, @Nullable E[] byNumber, E unknown, DecodeObserver observer) {
		try {
			return ProtobufReader.enumValue(byNumber, (int) this.slots[field.slot()], unknown, observer, this.kind,
					field.path());
		}
		catch (RuntimeException ex) {
			throw failure(field, ex);
		}
	}

	private MarketDataDecodeException failure(Field field, RuntimeException ex) {
		return this.schema.failure(this.kind, field.topLevelNumber(), ex);
	}

	private static int start(long span) {
		return (int) (span >>> 32) - 1;
	}

}
