package io.github.settrademqtt.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.google.protobuf.CodedOutputStream;
import io.github.settrademqtt.test.proto.DerivExchangeInfoV3;
import io.github.settrademqtt.test.proto.DerivExchangeInfoV3.DerivMarketInfoV3;
import io.github.settrademqtt.test.proto.EquityExchangeInfoV3;
import io.github.settrademqtt.test.proto.EquityExchangeInfoV3.EquityMarketInfoV3;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of the exchange information decoders against payloads serialized by
 * protobuf-java.
 */
class ExchangeInfoDecoderTests {

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	@Nested
	class Equity {

		private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.EQUITY_EXCHANGE_INFO);

		private final EquityExchangeInfoDecoder decoder = new EquityExchangeInfoDecoder(
				ExchangeInfoDecoderTests.this.observer);

		@Test
		void decodesEveryField() {
			EquityExchangeInfoV3 message = GoldenMessages.equityExchangeInfo();
			EquityExchangeInfo event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event).isEqualTo(GeneratedMessages.equityExchangeInfo(message, RECEIPT));
			assertThat(event).isEqualTo(new EquityExchangeInfo("SET", "SET", EquityMarketStatus.OPEN1, price("1400.12"),
					price("1410.5"), price("1390.01"), price("-5.5"), price("-0.39"), 20_000_000_000L,
					price("45000000000.75"), RECEIPT));
			assertThat(event.key()).isEqualTo("SET");
			assertThat(event.kind()).isEqualTo(MarketDataKinds.EQUITY_EXCHANGE_INFO);
		}

		@Test
		void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
			EquityExchangeInfoV3 message = GoldenMessages.equityExchangeInfo();
			byte[] inner = UnknownFields.interleave(message.getMarketInfo().toByteArray());
			assertThat(this.decoder.decode(UnknownFields.interleave(wrap(inner)), RECEIPT))
				.isEqualTo(GeneratedMessages.equityExchangeInfo(message, RECEIPT));
		}

		@Test
		void missingMarketInfoTakesDefaults() {
			assertThat(this.decoder.decode(new byte[0], RECEIPT))
				.isEqualTo(new EquityExchangeInfo("SET", "", EquityMarketStatus.UNDEFINED, Price.ZERO, Price.ZERO,
						Price.ZERO, Price.ZERO, Price.ZERO, 0, Price.ZERO, RECEIPT));
		}

		@Test
		void repeatedMarketInfoMergesAsProtobufDoes() throws Exception {
			EquityMarketInfoV3 first = GoldenMessages.equityExchangeInfo().getMarketInfo();
			EquityMarketInfoV3 second = EquityMarketInfoV3.newBuilder()
				.setName("mai")
				.setHigh(FeedFixtures.money("2"))
				.build();
			byte[] payload = concat(EquityExchangeInfoV3.newBuilder().setMarketInfo(first).build().toByteArray(),
					EquityExchangeInfoV3.newBuilder().setMarketInfo(second).build().toByteArray());
			EquityExchangeInfo event = this.decoder.decode(payload, RECEIPT);
			assertThat(event.name()).isEqualTo("mai");
			// units from the second, nanos (not sent in the second: zero) from the first
			assertThat(event.high()).isEqualTo(price("2.5"));
			assertThat(event.current()).isEqualTo(price("1400.12"));
			assertThat(event)
				.isEqualTo(GeneratedMessages.equityExchangeInfo(EquityExchangeInfoV3.parseFrom(payload), RECEIPT));
		}

		@Test
		void everyStatusTheProtoNamesHasItsJavaConstant() throws Exception {
			for (EquityMarketInfoV3.EquityMarketStatus status : EquityMarketInfoV3.EquityMarketStatus.values()) {
				if (status != EquityMarketInfoV3.EquityMarketStatus.UNRECOGNIZED) {
					byte[] payload = EquityExchangeInfoV3.newBuilder()
						.setMarketInfo(EquityMarketInfoV3.newBuilder().setMarketStatus(status))
						.build()
						.toByteArray();
					EquityExchangeInfo event = this.decoder.decode(payload, RECEIPT);
					assertThat(event.marketStatus().code()).isEqualTo(status.getNumber());
					assertThat(event).isEqualTo(
							GeneratedMessages.equityExchangeInfo(EquityExchangeInfoV3.parseFrom(payload), RECEIPT));
				}
			}
			assertThat(EquityMarketStatus.values()).hasSize(EquityMarketInfoV3.EquityMarketStatus.values().length);
		}

		@Test
		void unknownStatusNumbersBecomeUnknownAndAreReported() {
			byte[] payload = EquityExchangeInfoV3.newBuilder()
				.setMarketInfo(GoldenMessages.equityExchangeInfo().getMarketInfo().toBuilder().setMarketStatusValue(4))
				.build()
				.toByteArray();
			assertThat(this.decoder.decode(payload, RECEIPT).marketStatus()).isEqualTo(EquityMarketStatus.UNKNOWN);
			assertThat(ExchangeInfoDecoderTests.this.observer.unknownEnums)
				.containsExactly("equity-exchange-info market_info.market_status=4");
		}

	}

	@Nested
	class Derivatives {

		private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO);

		private final DerivativesExchangeInfoDecoder decoder = new DerivativesExchangeInfoDecoder(
				ExchangeInfoDecoderTests.this.observer);

		@Test
		void decodesEveryField() {
			DerivExchangeInfoV3 message = GoldenMessages.derivativesExchangeInfo();
			DerivativesExchangeInfo event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event).isEqualTo(GeneratedMessages.derivativesExchangeInfo(message, RECEIPT));
			assertThat(event).isEqualTo(new DerivativesExchangeInfo("TFEX", "TFEX", DerivativesMarketStatus.DAY,
					300_000, 12_345, 987_654, RECEIPT));
			assertThat(event.key()).isEqualTo("TFEX");
			assertThat(event.kind()).isEqualTo(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO);
		}

		@Test
		void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
			DerivExchangeInfoV3 message = GoldenMessages.derivativesExchangeInfo();
			byte[] inner = UnknownFields.interleave(message.getMarketInfo().toByteArray());
			assertThat(this.decoder.decode(UnknownFields.interleave(wrap(inner)), RECEIPT))
				.isEqualTo(GeneratedMessages.derivativesExchangeInfo(message, RECEIPT));
		}

		@Test
		void missingMarketInfoTakesDefaults() {
			assertThat(this.decoder.decode(new byte[0], RECEIPT)).isEqualTo(
					new DerivativesExchangeInfo("TFEX", "", DerivativesMarketStatus.UNDEFINED, 0, 0, 0, RECEIPT));
		}

		@Test
		void everyStatusTheProtoNamesHasItsJavaConstant() throws Exception {
			for (DerivMarketInfoV3.DerivMarketStatus status : DerivMarketInfoV3.DerivMarketStatus.values()) {
				if (status != DerivMarketInfoV3.DerivMarketStatus.UNRECOGNIZED) {
					byte[] payload = DerivExchangeInfoV3.newBuilder()
						.setMarketInfo(DerivMarketInfoV3.newBuilder().setMarketStatus(status))
						.build()
						.toByteArray();
					DerivativesExchangeInfo event = this.decoder.decode(payload, RECEIPT);
					assertThat(event.marketStatus().code()).isEqualTo(status.getNumber());
					assertThat(event).isEqualTo(
							GeneratedMessages.derivativesExchangeInfo(DerivExchangeInfoV3.parseFrom(payload), RECEIPT));
				}
			}
			assertThat(DerivativesMarketStatus.values()).hasSize(DerivMarketInfoV3.DerivMarketStatus.values().length);
		}

		@Test
		void unknownStatusNumbersBecomeUnknownAndAreReported() {
			byte[] payload = DerivExchangeInfoV3.newBuilder()
				.setMarketInfo(DerivMarketInfoV3.newBuilder().setMarketStatusValue(12))
				.build()
				.toByteArray();
			assertThat(this.decoder.decode(payload, RECEIPT).marketStatus()).isEqualTo(DerivativesMarketStatus.UNKNOWN);
			assertThat(ExchangeInfoDecoderTests.this.observer.unknownEnums)
				.containsExactly("derivatives-exchange-info market_info.market_status=12");
		}

	}

	/**
	 * Field 1 (market_info) holding the given bytes.
	 */
	static byte[] wrap(byte[] marketInfo) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		try {
			out.writeByteArray(1, marketInfo);
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
