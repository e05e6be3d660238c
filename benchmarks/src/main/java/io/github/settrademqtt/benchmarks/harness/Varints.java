package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;

/**
 * Appends a varint field to an encoded protobuf message, for numbering template payloads
 * without re-encoding them: field order does not matter on the wire, and a field that
 * comes again replaces the earlier value.
 *
 * @author settrade-mqtt
 */
public final class Varints {

	private Varints() {
	}

	/**
	 * Return the message with a varint field appended.
	 * @param message the encoded message
	 * @param field the field number
	 * @param value the value
	 * @return a new payload
	 */
	public static byte[] withField(byte[] message, int field, long value) {
		byte[] payload = Arrays.copyOf(message, message.length + 15);
		int position = write(payload, message.length, (long) field << 3);
		position = write(payload, position, value);
		return Arrays.copyOf(payload, position);
	}

	private static int write(byte[] buffer, int position, long value) {
		long remaining = value;
		while ((remaining & ~0x7FL) != 0) {
			buffer[position++] = (byte) ((remaining & 0x7F) | 0x80);
			remaining >>>= 7;
		}
		buffer[position++] = (byte) remaining;
		return position;
	}

}
