package io.github.settrademqtt.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.UnknownFieldSet;

/**
 * Puts fields no Settrade message defines before, between and after the fields of a
 * serialized message: every wire type, groups nested in groups, the simulator's field
 * 1000 and the highest field number protobuf allows.
 */
final class UnknownFields {

	private static final List<byte[]> BLOBS = List.of(
			set(UnknownFieldSet.Field.newBuilder().addVarint(123_456_789L).build(), 1000),
			set(UnknownFieldSet.Field.newBuilder().addFixed64(0xCAFEBABEL).build(), 500),
			set(UnknownFieldSet.Field.newBuilder().addFixed32(0xBEEF).build(), 501),
			set(UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("not a field")).build(),
					502),
			set(UnknownFieldSet.Field.newBuilder().addGroup(nestedGroups()).build(), 503),
			set(UnknownFieldSet.Field.newBuilder().addVarint(-1).build(), 536_870_911),
			set(UnknownFieldSet.Field.newBuilder().addLengthDelimited(FeedFixtures.money("1.5").toByteString()).build(),
					999));

	private UnknownFields() {
	}

	/**
	 * Interleave unknown fields with the top-level fields of a message.
	 * @param message a serialized message
	 * @return the message with unknown fields around each of its fields
	 */
	static byte[] interleave(byte[] message) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int blob = 0;
		for (byte[] field : fields(message)) {
			out.writeBytes(BLOBS.get(blob++ % BLOBS.size()));
			out.writeBytes(field);
		}
		for (byte[] unknown : BLOBS) {
			out.writeBytes(unknown);
		}
		return out.toByteArray();
	}

	/**
	 * Split a serialized message into its top-level fields, tag included.
	 */
	static List<byte[]> fields(byte[] message) {
		List<byte[]> fields = new ArrayList<>();
		CodedInputStream input = CodedInputStream.newInstance(message);
		try {
			int start = 0;
			for (int tag = input.readTag(); tag != 0; tag = input.readTag()) {
				input.skipField(tag);
				int end = input.getTotalBytesRead();
				fields.add(Arrays.copyOfRange(message, start, end));
				start = end;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return fields;
	}

	private static UnknownFieldSet nestedGroups() {
		UnknownFieldSet inner = UnknownFieldSet.newBuilder()
			.addField(1, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
			.addField(2, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("x")).build())
			.build();
		return UnknownFieldSet.newBuilder()
			.addField(1, UnknownFieldSet.Field.newBuilder().addFixed32(1).build())
			.addField(4, UnknownFieldSet.Field.newBuilder().addGroup(inner).build())
			.build();
	}

	private static byte[] set(UnknownFieldSet.Field field, int number) {
		return UnknownFieldSet.newBuilder().addField(number, field).build().toByteArray();
	}

}
