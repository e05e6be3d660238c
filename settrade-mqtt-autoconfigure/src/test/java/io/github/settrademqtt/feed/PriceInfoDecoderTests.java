package io.github.settrademqtt.feed;

import io.github.settrademqtt.test.proto.InfoV3;
import org.junit.jupiter.api.Test;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden tests of {@link PriceInfoDecoder} against payloads serialized by protobuf-java.
 */
class PriceInfoDecoderTests {

	private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.PRICE_INFO);

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	private final PriceInfoDecoder decoder = new PriceInfoDecoder(this.observer);

	@Test
	void decodesEveryField() {
		InfoV3 message = GoldenMessages.info();
		PriceInfo event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event).isEqualTo(GeneratedMessages.priceInfo(message, RECEIPT));
		assertThat(event).isEqualTo(new PriceInfo("AOT", price("64.5"), price("-62.125"), price("63.25"),
				12_345_678_900L, price("63.333333333"), price("-0.75"), price("780123456.78"), MarketStatus.HALT_E,
				98_765, RECEIPT));
		assertThat(event.key()).isEqualTo("AOT");
		assertThat(event.kind()).isEqualTo(MarketDataKinds.PRICE_INFO);
		assertThat(this.observer.unknownEnums).isEmpty();
		assertThat(this.observer.symbolMismatches).isEmpty();
	}

	@Test
	void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
		InfoV3 message = GoldenMessages.info();
		byte[] payload = UnknownFields.interleave(message.toByteArray());
		assertThat(this.decoder.decode(payload, RECEIPT)).isEqualTo(GeneratedMessages.priceInfo(message, RECEIPT));
	}

	@Test
	void emptyPayloadTakesDefaults() {
		assertThat(this.decoder.decode(new byte[0], RECEIPT)).isEqualTo(new PriceInfo("AOT", Price.ZERO, Price.ZERO,
				Price.ZERO, 0, Price.ZERO, Price.ZERO, Price.ZERO, MarketStatus.UNDEFINED, 0, RECEIPT));
	}

	@Test
	void everyStatusTheProtoNamesHasItsJavaConstant() {
		for (InfoV3.SymbolMarketStatus status : InfoV3.SymbolMarketStatus.values()) {
			if (status != InfoV3.SymbolMarketStatus.UNRECOGNIZED) {
				InfoV3 message = InfoV3.newBuilder().setMarketStatus(status).build();
				PriceInfo event = this.decoder.decode(message.toByteArray(), RECEIPT);
				assertThat(event.marketStatus().code()).isEqualTo(status.getNumber());
				assertThat(event).isEqualTo(GeneratedMessages.priceInfo(message, RECEIPT));
			}
		}
		assertThat(MarketStatus.values()).hasSize(InfoV3.SymbolMarketStatus.values().length);
		assertThat(this.observer.unknownEnums).isEmpty();
	}

	@Test
	void unknownStatusNumbersBecomeUnknownAndAreReported() {
		for (int number : new int[] { 41, 48, 1_000_000, -1 }) {
			InfoV3 message = GoldenMessages.info().toBuilder().setMarketStatusValue(number).build();
			PriceInfo event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event.marketStatus()).isEqualTo(MarketStatus.UNKNOWN);
			assertThat(event).isEqualTo(GeneratedMessages.priceInfo(message, RECEIPT));
		}
		assertThat(this.observer.unknownEnums).containsExactly("price-info market_status=41",
				"price-info market_status=48", "price-info market_status=1000000", "price-info market_status=-1");
	}

	@Test
	void symbolMismatchIsReportedAndTheTopicsSymbolKept() {
		InfoV3 message = GoldenMessages.info().toBuilder().setSymbol("aot").build();
		assertThat(this.decoder.decode(message.toByteArray(), RECEIPT).symbol()).isEqualTo("AOT");
		assertThat(this.observer.symbolMismatches).containsExactly("price-info AOT/aot");
	}

	@Test
	void missingSymbolIsNotAMismatch() {
		InfoV3 message = GoldenMessages.info().toBuilder().clearSymbol().build();
		assertThat(this.decoder.decode(message.toByteArray(), RECEIPT).symbol()).isEqualTo("AOT");
		assertThat(this.observer.symbolMismatches).isEmpty();
	}

}
