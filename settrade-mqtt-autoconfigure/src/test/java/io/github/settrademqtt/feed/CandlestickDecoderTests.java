package io.github.settrademqtt.feed;

import java.time.Instant;

import io.github.settrademqtt.test.proto.CandlestickV3;
import io.github.settrademqtt.test.proto.Timestamp;
import org.junit.jupiter.api.Test;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Golden tests of {@link CandlestickDecoder} against payloads serialized by
 * protobuf-java.
 */
class CandlestickDecoderTests {

	private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.CANDLESTICK);

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	private final CandlestickDecoder decoder = new CandlestickDecoder(this.observer);

	@Test
	void decodesEveryField() {
		CandlestickV3 message = GoldenMessages.candlestick();
		Candlestick event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event).isEqualTo(GeneratedMessages.candlestick(message, RECEIPT));
		assertThat(event).isEqualTo(new Candlestick("AOT", "5m", 123_456_789, Instant.parse("2025-01-02T03:04:05.500Z"),
				price("63"), price("64.5"), price("-1.25"), price("63.75"), 5_000_000, price("318750000.5"), RECEIPT));
		assertThat(event.key()).isEqualTo("AOT");
		assertThat(event.kind()).isEqualTo(MarketDataKinds.CANDLESTICK);
		assertThat(this.observer.symbolMismatches).isEmpty();
	}

	@Test
	void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
		CandlestickV3 message = GoldenMessages.candlestick();
		byte[] payload = UnknownFields.interleave(message.toByteArray());
		assertThat(this.decoder.decode(payload, RECEIPT)).isEqualTo(GeneratedMessages.candlestick(message, RECEIPT));
	}

	@Test
	void emptyPayloadTakesDefaults() {
		assertThat(this.decoder.decode(new byte[0], RECEIPT)).isEqualTo(new Candlestick("AOT", "5m", 0, Instant.EPOCH,
				Price.ZERO, Price.ZERO, Price.ZERO, Price.ZERO, 0, Price.ZERO, RECEIPT));
	}

	@Test
	void intervalComesFromThePayloadWhenTheTopicHasNone() {
		EventReceipt receipt = FeedFixtures.receipt("proto/topic/cdlv3/AOT");
		Candlestick event = this.decoder.decode(GoldenMessages.candlestick().toByteArray(), receipt);
		assertThat(event.symbol()).isEqualTo("AOT");
		assertThat(event.interval()).isEqualTo("5m");
	}

	@Test
	void symbolMismatchIsReportedAndTheTopicsSymbolKept() {
		CandlestickV3 message = GoldenMessages.candlestick().toBuilder().setSymbol("PTT").build();
		assertThat(this.decoder.decode(message.toByteArray(), RECEIPT).symbol()).isEqualTo("AOT");
		assertThat(this.observer.symbolMismatches).containsExactly("candlestick AOT/PTT");
	}

	@Test
	void timestampOutOfRangeNamesTheField() {
		CandlestickV3 message = GoldenMessages.candlestick()
			.toBuilder()
			.setTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
			.build();
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoder.decode(message.toByteArray(), RECEIPT))
			.withMessageStartingWith("CandlestickV3 field 4 (time): ");
	}

}
