package io.github.settrademqtt.test;

import java.io.IOException;
import java.util.OptionalLong;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * Reads what the simulator adds to the payloads it generates, for tests that check a
 * client for lost, duplicated or reordered messages.
 * <p>
 * Every message of the {@linkplain SimulatorMarket market generator} carries a per-topic
 * sequence number (1, 2, 3, ...) in field {@value #SEQUENCE_FIELD}, a varint
 * {@code int64} that no Settrade message defines, so that real decoders skip it as an
 * unknown field.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SimulatorPayloads {

	/**
	 * The field number of the sequence number.
	 */
	public static final int SEQUENCE_FIELD = 1000;

	/**
	 * Field number and wire type as one tag, the protobuf way (WireFormat.makeTag is not
	 * public).
	 */
	private static final int SEQUENCE_TAG = (SEQUENCE_FIELD << 3) | WireFormat.WIRETYPE_VARINT;

	private SimulatorPayloads() {
	}

	/**
	 * Reads the sequence number of a payload, checking that the whole payload is a
	 * well-formed protobuf message.
	 * @param payload the payload as received
	 * @return the sequence number, or empty for a well-formed message without one (a
	 * message published with {@link SimulatorMqtt#publish(String, byte[])}, say)
	 * @throws IllegalArgumentException when the payload is not a well-formed protobuf
	 * message, such as one published with {@link SimulatorMqtt#publishMalformed(String)}
	 */
	public static OptionalLong sequence(byte[] payload) {
		CodedInputStream input = CodedInputStream.newInstance(payload);
		OptionalLong sequence = OptionalLong.empty();
		try {
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				if (tag == SEQUENCE_TAG) {
					sequence = OptionalLong.of(input.readInt64());
				}
				else if (!input.skipField(tag)) {
					// An end-group tag outside any group
					throw new IllegalArgumentException("Payload is not a well-formed protobuf message");
				}
			}
			return sequence;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Payload is not a well-formed protobuf message", ex);
		}
	}

}
