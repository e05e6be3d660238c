package io.github.settrademqtt.test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;

/**
 * A protobuf message read field by field with {@link CodedInputStream}, the way a decoder
 * without generated classes reads Settrade payloads. Written for the tests from the
 * protocol page, independently of the simulator's encoder.
 */
final class ProtobufFields {

	private final Map<Integer, List<Object>> fields;

	private ProtobufFields(Map<Integer, List<Object>> fields) {
		this.fields = fields;
	}

	static ProtobufFields parse(byte[] payload) {
		Map<Integer, List<Object>> fields = new LinkedHashMap<>();
		CodedInputStream input = CodedInputStream.newInstance(payload);
		try {
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				int number = WireFormat.getTagFieldNumber(tag);
				Object value = switch (WireFormat.getTagWireType(tag)) {
					case WireFormat.WIRETYPE_VARINT -> input.readInt64();
					case WireFormat.WIRETYPE_LENGTH_DELIMITED -> input.readByteArray();
					case WireFormat.WIRETYPE_FIXED64 -> input.readFixed64();
					case WireFormat.WIRETYPE_FIXED32 -> (long) input.readFixed32();
					default -> throw new IllegalArgumentException("Unexpected wire type in tag " + tag);
				};
				fields.computeIfAbsent(number, (key) -> new ArrayList<>()).add(value);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
		return new ProtobufFields(fields);
	}

	boolean has(int field) {
		return this.fields.containsKey(field);
	}

	long varint(int field) {
		List<Object> values = this.fields.get(field);
		return (values != null) ? (Long) values.get(values.size() - 1) : 0;
	}

	String string(int field) {
		return new String(bytes(field), StandardCharsets.UTF_8);
	}

	ProtobufFields message(int field) {
		return parse(bytes(field));
	}

	/**
	 * Reads a {@code google.type.Money} field exactly: units + nanos x 10^-9, checking
	 * the currency and that nanos carry the sign of the units.
	 */
	BigDecimal money(int field) {
		ProtobufFields money = message(field);
		if (!money.string(1).equals("THB")) {
			throw new AssertionError("Currency of field " + field + " is " + money.string(1));
		}
		long units = money.varint(2);
		long nanos = (int) money.varint(3);
		if ((units > 0 && nanos < 0) || (units < 0 && nanos > 0)) {
			throw new AssertionError("Units and nanos of field " + field + " differ in sign");
		}
		return BigDecimal.valueOf(units).add(BigDecimal.valueOf(nanos, 9)).stripTrailingZeros();
	}

	private byte[] bytes(int field) {
		List<Object> values = this.fields.get(field);
		if (values == null) {
			throw new AssertionError("No field " + field + " in " + this.fields.keySet());
		}
		return (byte[]) values.get(values.size() - 1);
	}

}
