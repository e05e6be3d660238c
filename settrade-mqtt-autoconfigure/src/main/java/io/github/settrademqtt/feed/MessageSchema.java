package io.github.settrademqtt.feed;

import java.io.IOException;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.settrademqtt.connection.TopicKind;

/**
 * The field names and wire types of one protobuf message type, for skipping fields a
 * decoder does not read and for naming the field in error messages.
 *
 * @author settrade-mqtt
 */
final class MessageSchema {

	private static final String[][] REASONS = { { "input ended unexpectedly", "truncated message" },
			{ "negative size", "negative length" }, { "malformed varint", "malformed varint" },
			{ "invalid tag (zero)", "invalid tag (field number 0)" }, { "invalid wire type", "invalid wire type" },
			{ "too many levels of nesting", "groups nested too deeply" },
			{ "end-group tag did not match", "unexpected end-group tag" } };

	private final String name;

	private final String[] fields;

	private final int[] wireTypes;

	private MessageSchema(String name, String[] fields, int[] wireTypes) {
		this.name = name;
		this.fields = fields;
		this.wireTypes = wireTypes;
	}

	/**
	 * Start a schema.
	 * @param name the message type's name, such as {@code BidOfferV3}
	 * @param maxField the highest field number
	 * @return the schema, to add fields to
	 */
	static MessageSchema of(String name, int maxField) {
		return new MessageSchema(name, new String[maxField + 1], new int[maxField + 1]);
	}

	/**
	 * Add a field; for static initialisers only.
	 * @param number the field number
	 * @param field the field's protobuf name
	 * @param wireType its wire type
	 * @return this schema
	 */
	MessageSchema field(int number, String field, int wireType) {
		this.fields[number] = field;
		this.wireTypes[number] = wireType;
		return this;
	}

	String name() {
		return this.name;
	}

	/**
	 * Return the protobuf name of a field.
	 * @param number the field number
	 * @return the name, or {@code unknown}
	 */
	String field(int number) {
		String field = (number > 0 && number < this.fields.length) ? this.fields[number] : null;
		return (field != null) ? field : "unknown";
	}

	/**
	 * Skip a field the decoder did not read: an unknown field, or a known field the event
	 * leaves out. A known field with another wire type than its own is an error, not an
	 * unknown field: the payload is not what the schema says.
	 * @param input the input, positioned after the tag
	 * @param tag the tag
	 * @throws IOException if the field is malformed or has the wrong wire type
	 */
	void skip(CodedInputStream input, int tag) throws IOException {
		int number = tag >>> 3;
		if (number < this.fields.length && this.fields[number] != null && (tag & 7) != this.wireTypes[number]) {
			throw new InvalidProtocolBufferException(this.name + " field " + number + " (" + this.fields[number]
					+ "): wire type " + Wire.describe(tag & 7) + ", expected " + Wire.describe(this.wireTypes[number]));
		}
		Wire.skip(input, tag);
	}

	/**
	 * Return the exception for a failure while decoding a field.
	 * @param kind the kind of topic
	 * @param number the top-level field being decoded, 0 if none
	 * @param ex what went wrong
	 * @return the exception to throw
	 */
	MarketDataDecodeException failure(TopicKind kind, int number, Throwable ex) {
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

}
