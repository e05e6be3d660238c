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

	/**
	 * Return the value of the varint that ends a message, such as the field
	 * {@link #withField} appended: read from the end, without parsing the fields before
	 * it (the last byte of a varint has its top bit clear, the others set, so the byte
	 * before the value, the last of its tag, ends the scan).
	 * @param message the encoded message, whose last field is a varint
	 * @return its value
	 */
	public static long lastValue(byte[] message) {
		int end = message.length;
		int start = end - 1;
		while (start > 0 && (message[start - 1] & 0x80) != 0) {
			start--;
		}
		long value = 0;
		for (int i = end - 1; i >= start; i--) {
			value = (value << 7) | (message[i] & 0x7F);
		}
		return value;
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
