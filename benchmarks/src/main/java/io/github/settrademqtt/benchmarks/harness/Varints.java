package io.github.settrademqtt.benchmarks.harness;

/**
 * Writes protobuf varints, for numbering template payloads without re-encoding them.
 *
 * @author settrade-mqtt
 */
public final class Varints {

	private Varints() {
	}

	/**
	 * Write a value as a varint.
	 * @param buffer where to write, with room for ten bytes at {@code position}
	 * @param position where to start
	 * @param value the value
	 * @return the position after the varint
	 */
	public static int write(byte[] buffer, int position, long value) {
		long remaining = value;
		while ((remaining & ~0x7FL) != 0) {
			buffer[position++] = (byte) ((remaining & 0x7F) | 0x80);
			remaining >>>= 7;
		}
		buffer[position++] = (byte) remaining;
		return position;
	}

}
