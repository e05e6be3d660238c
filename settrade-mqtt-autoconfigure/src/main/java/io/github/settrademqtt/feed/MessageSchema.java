package io.github.settrademqtt.feed;

import java.io.IOException;
import java.util.Arrays;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one protobuf message type, each declared once with its number, name and
 * type; the one decode loop of every decoder reads a payload by it. Each declared field
 * gets slots in a {@code long[]} (nested messages share their parent's), so nothing but
 * that array is allocated while reading; the decoder then builds its event from the
 * {@link FieldValues}. Fields not declared are skipped; a declared field with another
 * wire type than its own is an error, not an unknown field: the payload is not what the
 * schema says.
 * <p>
 * Schemas are built in static initialisers and read-only afterwards.
 *
 * @author settrade-mqtt
 */
final class MessageSchema {

	private static final String[][] REASONS = { { "input ended unexpectedly", "truncated message" },
			{ "negative size", "negative length" }, { "malformed varint", "malformed varint" },
			{ "invalid tag (zero)", "invalid tag (field number 0)" }, { "invalid wire type", "invalid wire type" },
			{ "too many levels of nesting", "groups nested too deeply" },
			{ "end-group tag did not match", "unexpected end-group tag" } };

	// the types of field a schema reads; a switch on an int is the decode loop's
	// cheapest dispatch
	private static final int INT64 = 0;

	private static final int INT32 = 1;

	private static final int ENUM = 2;

	private static final int BOOL = 3;

	private static final int STRING = 4;

	private static final int MONEY = 5;

	private static final int TIMESTAMP = 6;

	private static final int DATE = 7;

	private static final int TIME_OF_DAY = 8;

	private static final int MESSAGE = 9;

	private final String name;

	private final @Nullable MessageSchema parent;

	private final String path;

	private final int number;

	private Field[] fields = new Field[1];

	/**
	 * The fields by tag (number and wire type): the decode loop's one lookup. A tag with
	 * no field here is unknown, or a known field with the wrong wire type, which
	 * {@link #skip(CodedInputStream, int)} tells apart.
	 */
	private Field[] byTag = new Field[8];

	/**
	 * The same, packed for the decode loop: {@code slot << 4 | type + 1} by tag, 0 for
	 * none; one load per field instead of three.
	 */
	private int[] readerByTag = new int[8];

	private int slots;

	private MessageSchema(String name, @Nullable MessageSchema parent, String path, int number) {
		this.name = name;
		this.parent = parent;
		this.path = path;
		this.number = number;
	}

	/**
	 * Start the schema of a message type, such as {@code BidOfferV3}, to declare fields
	 * in.
	 */
	static MessageSchema of(String name) {
		return new MessageSchema(name, null, "", 0);
	}

	// each type of field, by the protobuf type it declares: its wire type and the slots
	// its value takes (a string's bytes are decoded only when the event asks)

	Field int64(int number, String name) {
		return add(number, name, INT64, ProtobufReader.VARINT, 1, null);
	}

	Field int32(int number, String name) {
		return add(number, name, INT32, ProtobufReader.VARINT, 1, null);
	}

	Field enumeration(int number, String name) {
		return add(number, name, ENUM, ProtobufReader.VARINT, 1, null);
	}

	Field bool(int number, String name) {
		return add(number, name, BOOL, ProtobufReader.VARINT, 1, null);
	}

	Field string(int number, String name) {
		return add(number, name, STRING, ProtobufReader.LENGTH_DELIMITED, 1, null);
	}

	Field money(int number, String name) {
		return add(number, name, MONEY, ProtobufReader.LENGTH_DELIMITED, ProtobufReader.MONEY_SLOTS, null);
	}

	Field timestamp(int number, String name) {
		return add(number, name, TIMESTAMP, ProtobufReader.LENGTH_DELIMITED, ProtobufReader.TIMESTAMP_SLOTS, null);
	}

	Field date(int number, String name) {
		return add(number, name, DATE, ProtobufReader.LENGTH_DELIMITED, ProtobufReader.DATE_SLOTS, null);
	}

	Field timeOfDay(int number, String name) {
		return add(number, name, TIME_OF_DAY, ProtobufReader.LENGTH_DELIMITED, ProtobufReader.TIME_OF_DAY_SLOTS, null);
	}

	/**
	 * Declare a singular message field, returning its schema to declare its fields in; a
	 * repeated occurrence merges into the first, as protobuf does.
	 */
	MessageSchema message(int number, String name, String typeName) {
		MessageSchema nested = new MessageSchema(typeName, this, this.path + name + ".",
				(this.parent != null) ? this.number : number);
		add(number, name, MESSAGE, ProtobufReader.LENGTH_DELIMITED, 0, nested);
		return nested;
	}

	private Field add(int number, String name, int type, int wireType, int slots, @Nullable MessageSchema nested) {
		if (number >= this.fields.length) {
			this.fields = Arrays.copyOf(this.fields, number + 1);
		}
		if (this.fields[number] != null) {
			throw new IllegalStateException(this.name + " field " + number + " declared twice");
		}
		MessageSchema root = root();
		Field field = new Field(number, (this.parent != null) ? this.number : number, this.path + name, wireType,
				root.slots, nested);
		root.slots += slots;
		this.fields[number] = field;
		int tag = (number << 3) | wireType;
		if (tag >= this.byTag.length) {
			this.byTag = Arrays.copyOf(this.byTag, tag + 1);
			this.readerByTag = Arrays.copyOf(this.readerByTag, tag + 1);
		}
		this.byTag[tag] = field;
		this.readerByTag[tag] = (field.slot() << 4) | (type + 1);
		return field;
	}

	private MessageSchema root() {
		return (this.parent != null) ? this.parent.root() : this;
	}

	String name() {
		return this.name;
	}

	/**
	 * Read a payload: the decode loop of every decoder. A malformed payload is a
	 * {@link MarketDataDecodeException} naming the top-level field being read.
	 */
	FieldValues read(MarketDataKind<?, ?> kind, byte[] payload) {
		long[] slots = new long[this.slots];
		int field = 0;
		try {
			CodedInputStream input = ProtobufReader.input(payload);
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				field = tag >>> 3;
				readField(input, tag, slots);
				field = 0;
			}
		}
		catch (IOException | RuntimeException ex) {
			throw failure(kind, field, ex);
		}
		return new FieldValues(this, kind, payload, slots);
	}

	private void readField(CodedInputStream input, int tag, long[] slots) throws IOException {
		int reader = (tag > 0 && tag < this.readerByTag.length) ? this.readerByTag[tag] : 0;
		if (reader == 0) {
			skip(input, tag);
			return;
		}
		int slot = reader >>> 4;
		switch ((reader & 15) - 1) {
			case INT64 -> slots[slot] = input.readInt64();
			case INT32 -> slots[slot] = input.readInt32();
			case ENUM -> slots[slot] = input.readEnum();
			case BOOL -> slots[slot] = input.readBool() ? 1 : 0;
			case STRING -> {
				int start = ProtobufReader.skipString(input);
				slots[slot] = FieldValues.span(start, input.getTotalBytesRead());
			}
			case MONEY -> ProtobufReader.money(input, slots, slot);
			case TIMESTAMP -> ProtobufReader.timestamp(input, slots, slot);
			case DATE -> ProtobufReader.date(input, slots, slot);
			case TIME_OF_DAY -> ProtobufReader.timeOfDay(input, slots, slot);
			default -> { // MESSAGE
				MessageSchema nested = this.byTag[tag].nested();
				int limit = ProtobufReader.enter(input);
				for (int inner = input.readTag(); inner != 0; inner = input.readTag()) {
					nested.readField(input, inner, slots);
				}
				input.popLimit(limit);
			}
		}
	}

	/**
	 * Return the protobuf name of a top-level field, or {@code unknown}.
	 */
	String field(int number) {
		Field field = (number > 0 && number < this.fields.length) ? this.fields[number] : null;
		return (field != null) ? field.name() : "unknown";
	}

	/**
	 * Skip a field a hand-written reader did not read, checking the wire type of a
	 * declared one (for the well-known types {@link ProtobufReader} reads by hand).
	 */
	void skip(CodedInputStream input, int tag) throws IOException {
		int number = tag >>> 3;
		Field field = (number < this.fields.length) ? this.fields[number] : null;
		if (field != null) {
			checkWireType(field, tag);
		}
		ProtobufReader.skip(input, tag);
	}

	private void checkWireType(Field field, int tag) throws InvalidProtocolBufferException {
		if ((tag & 7) != field.wireType()) {
			throw new InvalidProtocolBufferException(this.name + " field " + field.number() + " (" + field.name()
					+ "): wire type " + ProtobufReader.describe(tag & 7) + ", expected "
					+ ProtobufReader.describe(field.wireType()));
		}
	}

	/**
	 * Return the exception for a failure while decoding a top-level field (0 if none).
	 */
	MarketDataDecodeException failure(MarketDataKind<?, ?> kind, int number, Throwable ex) {
		if (ex instanceof MarketDataDecodeException decodeException) {
			return decodeException;
		}
		String where = (number != 0) ? this.name + " field " + number + " (" + field(number) + ")" : this.name;
		return new MarketDataDecodeException(kind, number, where + ": " + reason(ex), ex);
	}

	private String reason(Throwable ex) {
		String message = ex.getMessage();
		if (message == null) {
			return ex.getClass().getSimpleName();
		}
		if (ex instanceof InvalidProtocolBufferException) {
			for (String[] reason : REASONS) {
				if (message.contains(reason[0])) {
					return reason[1];
				}
			}
			// our own messages name the nested field already: keep only the innermost
			// part
			if (message.startsWith(this.name + " field ")) {
				return message.substring(message.indexOf(": ") + 2);
			}
		}
		return message;
	}

	/**
	 * A declared field: where its value is kept, and how to name it.
	 *
	 * @param number the field number
	 * @param topLevelNumber the number of the top-level field it is in (its own at the
	 * top level), for errors
	 * @param path its path from the top-level message, such as
	 * {@code market_info.market_status}
	 * @param wireType the wire type it is sent with
	 * @param slot its first slot
	 * @param nested the schema of a message field's type, {@code null} for other fields
	 */
	record Field(int number, int topLevelNumber, String path, int wireType, int slot, @Nullable MessageSchema nested) {

		/**
		 * Return the field's protobuf name, without the names of enclosing fields.
		 */
		String name() {
			int dot = this.path.lastIndexOf('.');
			return (dot >= 0) ? this.path.substring(dot + 1) : this.path;
		}

	}

}
