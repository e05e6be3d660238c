package io.github.settrademqtt.test.market;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.CodedOutputStream;
import io.github.settrademqtt.test.market.SimulatedSymbol.BidOffer;
import io.github.settrademqtt.test.market.SimulatedSymbol.Info;
import io.github.settrademqtt.test.SimulatorPayloads;

/**
 * Encodes BidOfferV3 and InfoV3 as the live service sends them, field by field with the
 * numbers of the protocol page, plus the simulator's sequence number in field
 * {@value SimulatorPayloads#SEQUENCE_FIELD}. Written with {@link CodedOutputStream}
 * rather than generated classes, so that the simulator shares no code with the decoders
 * it tests.
 *
 * @author settrade-mqtt
 */
public final class MarketMessages {

	private static final String CURRENCY = "THB";

	private static final int NANOS_PER_SATANG = 10_000_000;

	private MarketMessages() {
	}

	/**
	 * Encodes a BidOfferV3: symbol 1; bid prices 1-5 in 2-6, ask prices 1-5 in 7-11; bid
	 * volumes 1-5 in 12-16, ask volumes 1-5 in 17-21; flags 22 and 23; levels 6-10 in
	 * 24-28, 29-33, 34-38 and 39-43.
	 * @param book the snapshot
	 * @param sequence the sequence number
	 * @return the payload
	 */
	public static byte[] bidOffer(BidOffer book, long sequence) {
		return encode((out) -> {
			out.writeString(1, book.symbol());
			for (int level = 1; level <= 5; level++) {
				money(out, 1 + level, book.bidPrices()[level - 1]);
			}
			for (int level = 1; level <= 5; level++) {
				money(out, 6 + level, book.askPrices()[level - 1]);
			}
			for (int level = 1; level <= 5; level++) {
				int64(out, 11 + level, book.bidVolumes()[level - 1]);
			}
			for (int level = 1; level <= 5; level++) {
				int64(out, 16 + level, book.askVolumes()[level - 1]);
			}
			int64(out, 22, book.bidFlag());
			int64(out, 23, book.askFlag());
			for (int level = 6; level <= 10; level++) {
				money(out, 18 + level, book.bidPrices()[level - 1]);
			}
			for (int level = 6; level <= 10; level++) {
				money(out, 23 + level, book.askPrices()[level - 1]);
			}
			for (int level = 6; level <= 10; level++) {
				int64(out, 28 + level, book.bidVolumes()[level - 1]);
			}
			for (int level = 6; level <= 10; level++) {
				int64(out, 33 + level, book.askVolumes()[level - 1]);
			}
			out.writeInt64(SimulatorPayloads.SEQUENCE_FIELD, sequence);
		});
	}

	/**
	 * Encodes an InfoV3: symbol 1, high 2, low 3, last 4, total volume 5, change 7, total
	 * value 8, market status 9. No projected open price or volume (6 and 10): the market
	 * is open, and proto3 leaves unset fields out.
	 * @param info the snapshot
	 * @param sequence the sequence number
	 * @return the payload
	 */
	public static byte[] info(Info info, long sequence) {
		return encode((out) -> {
			out.writeString(1, info.symbol());
			money(out, 2, info.high());
			money(out, 3, info.low());
			money(out, 4, info.last());
			int64(out, 5, info.totalVolume());
			money(out, 7, info.change());
			money(out, 8, info.totalValue());
			int64(out, 9, info.marketStatus());
			out.writeInt64(SimulatorPayloads.SEQUENCE_FIELD, sequence);
		});
	}

	/**
	 * Writes a {@code google.type.Money}: currency 1, units 2, nanos 3, nanos with the
	 * sign of the units (Java's remainder keeps the dividend's sign, which is just that).
	 * Message fields have presence in proto3, so a zero amount is still written.
	 */
	private static void money(CodedOutputStream out, int field, long satang) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(24);
		CodedOutputStream money = CodedOutputStream.newInstance(bytes);
		money.writeString(1, CURRENCY);
		int64(money, 2, satang / 100);
		int nanos = (int) (satang % 100) * NANOS_PER_SATANG;
		if (nanos != 0) {
			money.writeInt32(3, nanos);
		}
		money.flush();
		out.writeByteArray(field, bytes.toByteArray());
	}

	/**
	 * Writes a varint scalar (int64 or enum), left out when zero as proto3 does.
	 */
	private static void int64(CodedOutputStream out, int field, long value) throws IOException {
		if (value != 0) {
			out.writeInt64(field, value);
		}
	}

	private static byte[] encode(Writer writer) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		try {
			writer.write(out);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	@FunctionalInterface
	private interface Writer {

		void write(CodedOutputStream out) throws IOException;

	}

}
