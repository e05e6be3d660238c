package io.github.settrademqtt.feed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import com.google.protobuf.CodedOutputStream;
import com.sun.management.ThreadMXBean;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Random and mutated payloads through {@link MarketDataDecoders}, for every kind of
 * topic: nothing but {@link MarketDataDecodeException} may escape, no payload may make a
 * decoder allocate much, and whatever both this decoder and protobuf-java accept must
 * decode to the same event. Seeded, so that a failure can be replayed.
 */
class MarketDataDecodersFuzzTests {

	private static final long SEED = 0x5E77_ADE5L;

	private static final int PAYLOADS = 1_000_000;

	/**
	 * Lengths a varint prefix may claim: 2^31 - 1 and neighbours, values that are
	 * negative as an int32, and a ten-byte varint.
	 */
	private static final long[] HUGE_LENGTHS = { Integer.MAX_VALUE, Integer.MAX_VALUE - 1, 1L << 28, 1L << 30,
			0xFFFF_FFFFL, 1L << 35, Long.MAX_VALUE, -1L };

	private static final MarketDataKind<?, ?>[] KINDS = MarketDataKinds.standard()
		.all()
		.toArray(new MarketDataKind<?, ?>[0]);

	private final Map<MarketDataKind<?, ?>, List<byte[]>> seeds = seeds();

	private final Map<MarketDataKind<?, ?>, EventReceipt> receipts = receipts();

	@Test
	void onlyDecodeExceptionsEscapeAndWhatDecodesMatchesProtobufJava() {
		Random random = new Random(SEED);
		MarketDataDecoders decoders = new MarketDataDecoders(MarketDataKinds.standard(), new DecodeObserver() {
		});
		long start = System.nanoTime();
		long decoded = 0;
		long refused = 0;
		long compared = 0;
		for (int i = 0; i < PAYLOADS; i++) {
			MarketDataKind<?, ?> kind = KINDS[i % KINDS.length];
			byte[] payload = payload(random, kind);
			EventReceipt receipt = this.receipts.get(kind);
			MarketDataEvent event;
			try {
				event = decoders.decode(receipt, payload);
			}
			catch (MarketDataDecodeException ex) {
				refused++;
				continue;
			}
			catch (Throwable ex) {
				throw new AssertionError("Payload " + i + " (" + kind + ") escaped with " + ex + ": "
						+ HexFormat.of().formatHex(payload), ex);
			}
			decoded++;
			MarketDataEvent expected;
			try {
				expected = GeneratedMessages.parse(kind, payload, receipt);
			}
			catch (Exception ex) {
				// protobuf-java refuses what we take (invalid UTF-8, say)
				continue;
			}
			compared++;
			if (!Objects.equals(event, expected)) {
				fail("Payload " + i + " (" + kind + ") decoded to " + event + " but protobuf-java reads " + expected
						+ ": " + HexFormat.of().formatHex(payload));
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		System.out.printf("Fuzzed %,d payloads in %,d ms: %,d decoded (%,d compared with protobuf-java), %,d refused%n",
				PAYLOADS, millis, decoded, compared, refused);
		assertThat(decoded + refused).isEqualTo(PAYLOADS);
		// every kind of outcome is exercised
		assertThat(compared).isGreaterThan(PAYLOADS / 20);
		assertThat(refused).isGreaterThan(PAYLOADS / 4);
	}

	@Test
	void lengthClaimsAreRefusedQuicklyAndWithoutAllocating() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		Random random = new Random(SEED);
		MarketDataDecoders decoders = new MarketDataDecoders();
		List<byte[]> payloads = new ArrayList<>();
		List<MarketDataKind<?, ?>> kinds = new ArrayList<>();
		for (int i = 0; i < 70_000; i++) {
			MarketDataKind<?, ?> kind = KINDS[i % KINDS.length];
			kinds.add(kind);
			payloads.add(claimHugeLength(random, pick(random, this.seeds.get(kind))));
		}
		long maxAllocated = 0;
		long start = System.nanoTime();
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < payloads.size(); i++) {
				EventReceipt receipt = this.receipts.get(kinds.get(i));
				long before = threads.getCurrentThreadAllocatedBytes();
				try {
					decoders.decode(receipt, payloads.get(i));
				}
				catch (MarketDataDecodeException ex) {
					// expected mostly; a claim inside an unknown field's group may still
					// fail later
				}
				long allocated = threads.getCurrentThreadAllocatedBytes() - before;
				if (round == 1) {
					maxAllocated = Math.max(maxAllocated, allocated);
				}
			}
		}
		long micros = (System.nanoTime() - start) / 1_000 / (2 * payloads.size());
		System.out.printf("Length claims: at most %,d bytes allocated per payload, %d us each on average%n",
				maxAllocated, micros);
		assertThat(maxAllocated).isLessThan(64 * 1024);
		assertThat(micros).isLessThan(1_000);
	}

	@Test
	void aHundredBytePayloadAllocatesLittle() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		Random random = new Random(SEED);
		MarketDataDecoders decoders = new MarketDataDecoders();
		long maxAllocated = 0;
		for (int i = 0; i < 200_000; i++) {
			MarketDataKind<?, ?> kind = KINDS[i % KINDS.length];
			byte[] payload = mutate(random, Arrays.copyOf(pick(random, this.seeds.get(kind)), 100));
			long before = threads.getCurrentThreadAllocatedBytes();
			try {
				decoders.decode(this.receipts.get(kind), payload);
			}
			catch (MarketDataDecodeException ex) {
				// fine
			}
			long allocated = threads.getCurrentThreadAllocatedBytes() - before;
			if (i >= 100_000) {
				maxAllocated = Math.max(maxAllocated, allocated);
			}
		}
		System.out.printf("100-byte payloads: at most %,d bytes allocated per payload%n", maxAllocated);
		assertThat(maxAllocated).isLessThan(64 * 1024);
	}

	private byte[] payload(Random random, MarketDataKind<?, ?> kind) {
		int choice = random.nextInt(16);
		if (choice == 0) {
			byte[] bytes = new byte[random.nextInt(160)];
			random.nextBytes(bytes);
			return bytes;
		}
		byte[] payload = pick(random, this.seeds.get(kind));
		if (choice == 1) {
			return payload;
		}
		if (choice == 2) {
			return claimHugeLength(random, payload);
		}
		if (choice <= 5) {
			// a field repeated: later scalars win, messages merge
			return concat(payload, pick(random, this.seeds.get(kind)));
		}
		int mutations = 1 + random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			payload = mutate(random, payload);
		}
		return payload;
	}

	private static byte[] mutate(Random random, byte[] payload) {
		if (payload.length == 0) {
			byte[] bytes = new byte[1 + random.nextInt(16)];
			random.nextBytes(bytes);
			return bytes;
		}
		byte[] mutated = payload.clone();
		switch (random.nextInt(6)) {
			case 0 -> {
				// flip bits
				int flips = 1 + random.nextInt(4);
				for (int i = 0; i < flips; i++) {
					mutated[random.nextInt(mutated.length)] ^= (byte) (1 + random.nextInt(255));
				}
			}
			case 1 -> mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length));
			case 2 -> {
				byte[] tail = new byte[1 + random.nextInt(32)];
				random.nextBytes(tail);
				mutated = concat(mutated, tail);
			}
			case 3 -> {
				// overwrite a run
				int at = random.nextInt(mutated.length);
				int length = Math.min(1 + random.nextInt(8), mutated.length - at);
				for (int i = at; i < at + length; i++) {
					mutated[i] = (byte) random.nextInt(256);
				}
			}
			case 4 -> {
				// a byte that could be a tag, a length or a varint continuation
				int at = random.nextInt(mutated.length);
				mutated[at] = new byte[] { 0, 1, 0x7F, (byte) 0x80, (byte) 0xFF, 0x0A, 0x12, 0x0B, 0x0C }[random
					.nextInt(9)];
			}
			default -> {
				// drop a run
				int at = random.nextInt(mutated.length);
				int length = Math.min(1 + random.nextInt(8), mutated.length - at);
				mutated = concat(Arrays.copyOf(mutated, at), Arrays.copyOfRange(mutated, at + length, mutated.length));
			}
		}
		return mutated;
	}

	/**
	 * Insert, at a random place, a length-delimited field (known or unknown) whose length
	 * prefix claims far more than the payload holds.
	 */
	private static byte[] claimHugeLength(Random random, byte[] payload) {
		int field = 1 + random.nextInt(50);
		long length = HUGE_LENGTHS[random.nextInt(HUGE_LENGTHS.length)];
		byte[] claim = new byte[16];
		CodedOutputStream out = CodedOutputStream.newInstance(claim);
		int size;
		try {
			out.writeTag(field, 2);
			out.writeUInt64NoTag(length);
			size = claim.length - out.spaceLeft();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		int at = (payload.length == 0) ? 0 : random.nextInt(payload.length + 1);
		byte[] tail = new byte[random.nextInt(8)];
		random.nextBytes(tail);
		return concat(Arrays.copyOf(payload, at), Arrays.copyOf(claim, size), tail,
				Arrays.copyOfRange(payload, at, payload.length));
	}

	private static byte[] pick(Random random, List<byte[]> payloads) {
		return payloads.get(random.nextInt(payloads.size()));
	}

	private static byte[] concat(byte[]... parts) {
		return ExchangeInfoDecoderTests.concat(parts);
	}

	private static Map<MarketDataKind<?, ?>, List<byte[]>> seeds() {
		Map<MarketDataKind<?, ?>, List<byte[]>> seeds = new HashMap<>();
		seeds.put(MarketDataKinds.BID_OFFER, variants(GoldenMessages.bidOffer().toByteArray(),
				BidOfferV3.newBuilder().setSymbol("AOT").setBidFlagValue(9).build().toByteArray()));
		seeds.put(MarketDataKinds.PRICE_INFO, variants(GoldenMessages.info().toByteArray(),
				InfoV3.newBuilder().setMarketStatusValue(41).build().toByteArray()));
		seeds.put(MarketDataKinds.CANDLESTICK, variants(GoldenMessages.candlestick().toByteArray()));
		seeds.put(MarketDataKinds.EQUITY_EXCHANGE_INFO, variants(GoldenMessages.equityExchangeInfo().toByteArray()));
		seeds.put(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO,
				variants(GoldenMessages.derivativesExchangeInfo().toByteArray()));
		seeds.put(MarketDataKinds.EQUITY_ORDERS, variants(GoldenMessages.equityOrder().toByteArray(),
				OrderEquityV3.newBuilder().setSideValue(7).clearTradeDate().build().toByteArray()));
		seeds.put(MarketDataKinds.DERIVATIVES_ORDERS, variants(GoldenMessages.derivativesOrder().toByteArray()));
		return seeds;
	}

	private static List<byte[]> variants(byte[]... messages) {
		List<byte[]> variants = new ArrayList<>();
		for (byte[] message : messages) {
			variants.add(message);
			variants.add(UnknownFields.interleave(message));
		}
		variants.add(new byte[0]);
		return variants;
	}

	private static Map<MarketDataKind<?, ?>, EventReceipt> receipts() {
		Map<MarketDataKind<?, ?>, EventReceipt> receipts = new HashMap<>();
		for (MarketDataKind<?, ?> kind : KINDS) {
			receipts.put(kind, FeedFixtures.receipt(kind));
		}
		return receipts;
	}

}
