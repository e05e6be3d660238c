package io.github.settrademqtt.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import org.jspecify.annotations.Nullable;

/**
 * Reads the protobuf wire format, for the decoders: the nested well-known types (Money,
 * Timestamp, Date, TimeOfDay), skipping and enum lookup; {@link MessageSchema} holds the
 * one loop that reads a message by its declared fields.
 * <p>
 * Nested messages are read into {@code long[]} slots rather than objects, so that a
 * message that repeats a singular message field merges the occurrences the way protobuf
 * does (a later occurrence overrides only the fields it carries), and so that nothing is
 * allocated until the event is built. Lengths are checked against the payload by
 * {@link CodedInputStream} before anything is allocated, so no payload makes a decoder
 * allocate more than its own size.
 *
 * @author settrade-mqtt
 */
final class ProtobufReader {

	static final int VARINT = WireFormat.WIRETYPE_VARINT;

	static final int LENGTH_DELIMITED = WireFormat.WIRETYPE_LENGTH_DELIMITED;

	/**
	 * Slots of a Money: units, nanos.
	 */
	static final int MONEY_SLOTS = 2;

	/**
	 * Slots of a Timestamp: seconds, nanos.
	 */
	static final int TIMESTAMP_SLOTS = 2;

	/**
	 * Slots of a Date: year, month, day, present.
	 */
	static final int DATE_SLOTS = 4;

	/**
	 * Slots of a TimeOfDay: hours, minutes, seconds, nanos.
	 */
	static final int TIME_OF_DAY_SLOTS = 4;

	/**
	 * Our messages nest two deep; unknown fields may hold groups, which protobuf skips
	 * recursively up to this depth.
	 */
	private static final int RECURSION_LIMIT = 32;

	private static final long NANOS_PER_UNIT = 1_000_000_000L;

	private static final int MONEY_UNITS = (2 << 3) | VARINT;

	private static final int MONEY_NANOS = (3 << 3) | VARINT;

	private static final MessageSchema MONEY = MessageSchema.of("Money");

	private static final int TIMESTAMP_SECONDS = (1 << 3) | VARINT;

	private static final int TIMESTAMP_NANOS = (2 << 3) | VARINT;

	private static final MessageSchema TIMESTAMP = MessageSchema.of("Timestamp");

	private static final int DATE_YEAR = (1 << 3) | VARINT;

	private static final int DATE_MONTH = (2 << 3) | VARINT;

	private static final int DATE_DAY = (3 << 3) | VARINT;

	private static final MessageSchema DATE = MessageSchema.of("Date");

	private static final int TIME_HOURS = (1 << 3) | VARINT;

	private static final int TIME_MINUTES = (2 << 3) | VARINT;

	private static final int TIME_SECONDS = (3 << 3) | VARINT;

	private static final int TIME_NANOS = (4 << 3) | VARINT;

	private static final MessageSchema TIME_OF_DAY = MessageSchema.of("TimeOfDay");

	static {
		// read by hand below, for speed: the schemas only name the fields and check the
		// wire types of what the readers skip
		MONEY.string(1, "currency_code");
		MONEY.int64(2, "units");
		MONEY.int32(3, "nanos");
		TIMESTAMP.int64(1, "seconds");
		TIMESTAMP.int32(2, "nanos");
		DATE.int32(1, "year");
		DATE.int32(2, "month");
		DATE.int32(3, "day");
		TIME_OF_DAY.int32(1, "hours");
		TIME_OF_DAY.int32(2, "minutes");
		TIME_OF_DAY.int32(3, "seconds");
		TIME_OF_DAY.int32(4, "nanos");
	}

	private static final String[] WIRE_TYPES = { "0 (varint)", "1 (fixed64)", "2 (length-delimited)", "3 (start group)",
			"4 (end group)", "5 (fixed32)", "6 (invalid)", "7 (invalid)" };

	private ProtobufReader() {
	}

	/**
	 * Return an input over a whole payload, so that positions are offsets into it.
	 */
	static CodedInputStream input(byte[] payload) {
		CodedInputStream input = CodedInputStream.newInstance(payload, 0, payload.length);
		input.setRecursionLimit(RECURSION_LIMIT);
		return input;
	}

	static String describe(int wireType) {
		return WIRE_TYPES[wireType & 7];
	}

	/**
	 * Skip a field of any wire type, groups included; an end-group tag outside a group is
	 * malformed.
	 */
	static void skip(CodedInputStream input, int tag) throws IOException {
		if (!input.skipField(tag)) {
			throw new InvalidProtocolBufferException("unexpected end-group tag");
		}
	}

	/**
	 * Read the length of a nested message and limit the input to it, returning the limit
	 * to restore with {@link CodedInputStream#popLimit(int)}.
	 */
	static int enter(CodedInputStream input) throws IOException {
		return input.pushLimit(input.readRawVarint32());
	}

	/**
	 * Read a string field's bytes without decoding them, returning where they start in
	 * the payload; they end at {@code input.getTotalBytesRead()} afterwards.
	 */
	static int skipString(CodedInputStream input) throws IOException {
		int length = input.readRawVarint32();
		int start = input.getTotalBytesRead();
		input.skipRawBytes(length);
		return start;
	}

	/**
	 * Read a {@code google.type.Money} into two slots from {@code slot} on, over what
	 * they hold.
	 */
	static void money(CodedInputStream input, long[] slots, int slot) throws IOException {
		int limit = enter(input);
		long units = slots[slot];
		long nanos = slots[slot + 1];
		for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
			switch (tag) {
				case MONEY_UNITS -> units = input.readInt64();
				case MONEY_NANOS -> nanos = input.readInt32();
				default -> MONEY.skip(input, tag);
			}
		}
		input.popLimit(limit);
		if (nanos <= -NANOS_PER_UNIT || nanos >= NANOS_PER_UNIT) {
			try {
				Math.addExact(units, nanos / NANOS_PER_UNIT);
			}
			catch (ArithmeticException ex) {
				throw new InvalidProtocolBufferException("Money out of range");
			}
		}
		slots[slot] = units;
		slots[slot + 1] = nanos;
	}

	/**
	 * Return the price held by two slots. A Money whose nanos are out of range or of the
	 * other sign than its units means {@code units + nanos × 10⁻⁹} all the same, so it is
	 * brought into canonical form rather than refused.
	 */
	static Price price(long[] slots, int slot) {
		long units = slots[slot];
		long nanos = slots[slot + 1];
		if (nanos == 0) {
			return (units != 0) ? new Price(units, 0) : Price.ZERO;
		}
		if (nanos <= -NANOS_PER_UNIT || nanos >= NANOS_PER_UNIT) {
			// range checked by money(...)
			units += nanos / NANOS_PER_UNIT;
			nanos %= NANOS_PER_UNIT;
		}
		if (units > 0 && nanos < 0) {
			units--;
			nanos += NANOS_PER_UNIT;
		}
		else if (units < 0 && nanos > 0) {
			units++;
			nanos -= NANOS_PER_UNIT;
		}
		return new Price(units, (int) nanos);
	}

	/**
	 * Read a {@code google.protobuf.Timestamp} into two slots from {@code slot} on, over
	 * what they hold.
	 */
	static void timestamp(CodedInputStream input, long[] slots, int slot) throws IOException {
		int limit = enter(input);
		for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
			switch (tag) {
				case TIMESTAMP_SECONDS -> slots[slot] = input.readInt64();
				case TIMESTAMP_NANOS -> slots[slot + 1] = input.readInt32();
				default -> TIMESTAMP.skip(input, tag);
			}
		}
		input.popLimit(limit);
	}

	/**
	 * Return the instant held by two slots; {@link Instant#EPOCH}, the default Timestamp,
	 * when it was not sent.
	 */
	static Instant instant(long[] slots, int slot) {
		return Instant.ofEpochSecond(slots[slot], slots[slot + 1]);
	}

	/**
	 * Read a {@code google.type.Date} into four slots from {@code slot} on, over what
	 * they hold.
	 */
	static void date(CodedInputStream input, long[] slots, int slot) throws IOException {
		int limit = enter(input);
		for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
			switch (tag) {
				case DATE_YEAR -> slots[slot] = input.readInt32();
				case DATE_MONTH -> slots[slot + 1] = input.readInt32();
				case DATE_DAY -> slots[slot + 2] = input.readInt32();
				default -> DATE.skip(input, tag);
			}
		}
		input.popLimit(limit);
		slots[slot + 3] = 1;
	}

	/**
	 * Return the date held by four slots: {@code null} when it was not sent or is all
	 * zeros (the default Date, which is no date).
	 */
	static @Nullable LocalDate localDate(long[] slots, int slot) {
		int year = (int) slots[slot];
		int month = (int) slots[slot + 1];
		int day = (int) slots[slot + 2];
		if (slots[slot + 3] == 0 || (year == 0 && month == 0 && day == 0)) {
			return null;
		}
		return LocalDate.of(year, month, day);
	}

	/**
	 * Read a {@code google.type.TimeOfDay} into four slots from {@code slot} on, over
	 * what they hold.
	 */
	static void timeOfDay(CodedInputStream input, long[] slots, int slot) throws IOException {
		int limit = enter(input);
		for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
			switch (tag) {
				case TIME_HOURS -> slots[slot] = input.readInt32();
				case TIME_MINUTES -> slots[slot + 1] = input.readInt32();
				case TIME_SECONDS -> slots[slot + 2] = input.readInt32();
				case TIME_NANOS -> slots[slot + 3] = input.readInt32();
				default -> TIME_OF_DAY.skip(input, tag);
			}
		}
		input.popLimit(limit);
	}

	/**
	 * Return the time of day held by four slots; midnight, the default TimeOfDay, when it
	 * was not sent.
	 */
	static LocalTime localTime(long[] slots, int slot) {
		return LocalTime.of((int) slots[slot], (int) slots[slot + 1], (int) slots[slot + 2], (int) slots[slot + 3]);
	}

	/**
	 * Return the constant an enum number stands for, {@code unknown} (and the observer
	 * told) for a number not in {@code byNumber}.
	 */
	static <E extends Enum<E>> E enumValue(@Nullable E[] byNumber, int number, E unknown, DecodeObserver observer,
			MarketDataKind<?, ?> kind, String field) {
		@Nullable E value = (number >= 0 && number < byNumber.length) ? byNumber[number] : null;
		if (value == null) {
			observer.unknownEnum(kind, field, number);
			return unknown;
		}
		return value;
	}

	/**
	 * Return whether a string field of the payload holds the same characters as a part of
	 * the topic, without decoding it when it is ASCII.
	 */
	static boolean sameKey(byte[] payload, int start, int end, String topic, int keyStart, int keyEnd) {
		if (end - start == keyEnd - keyStart) {
			boolean ascii = true;
			for (int i = 0; i < end - start && ascii; i++) {
				byte b = payload[start + i];
				if (b < 0) {
					ascii = false;
				}
				else if (b != topic.charAt(keyStart + i)) {
					return false;
				}
			}
			if (ascii) {
				return true;
			}
		}
		return string(payload, start, end).equals(topic.substring(keyStart, keyEnd));
	}

	/**
	 * Decode a string field's bytes, as {@link CodedInputStream#readString()} would.
	 */
	static String string(byte[] payload, int start, int end) {
		return new String(payload, start, end - start, StandardCharsets.UTF_8);
	}

}
