package io.github.settrademqtt.feed;

import java.util.Arrays;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.github.settrademqtt.feed.BidOffer.AuctionFlag;
import io.github.settrademqtt.feed.BidOffer.PriceLevel;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.Money;
import org.junit.jupiter.api.Test;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Golden tests of {@link BidOfferDecoder} against payloads serialized by protobuf-java.
 */
class BidOfferDecoderTests {

	private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.BID_OFFER);

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	private final BidOfferDecoder decoder = new BidOfferDecoder(this.observer);

	@Test
	void decodesEveryField() {
		BidOfferV3 message = GoldenMessages.bidOffer();
		BidOffer event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event).isEqualTo(GeneratedMessages.bidOffer(message, RECEIPT));
		assertThat(event.symbol()).isEqualTo("AOT");
		assertThat(event.key()).isEqualTo("AOT");
		assertThat(event.kind()).isEqualTo(MarketDataKinds.BID_OFFER);
		assertThat(event.receipt()).isSameAs(RECEIPT);
		for (int i = 0; i < BidOffer.LEVELS; i++) {
			assertThat(event.bids().get(i))
				.isEqualTo(new PriceLevel(price(GoldenMessages.BID_PRICES[i]), GoldenMessages.BID_VOLUMES[i]));
			assertThat(event.asks().get(i))
				.isEqualTo(new PriceLevel(price(GoldenMessages.ASK_PRICES[i]), GoldenMessages.ASK_VOLUMES[i]));
		}
		assertThat(event.bids().get(6).price()).isEqualTo(new Price(0, -1));
		assertThat(event.bids().get(9).price()).isEqualTo(new Price(-Long.MAX_VALUE, -999_999_999));
		assertThat(event.bestBid()).isEqualTo(new PriceLevel(new Price(63, 250_000_000), 100));
		assertThat(event.bestAsk()).isEqualTo(new PriceLevel(new Price(63, 500_000_000), 1_100));
		assertThat(event.bidFlag()).isEqualTo(AuctionFlag.ATO);
		assertThat(event.askFlag()).isEqualTo(AuctionFlag.ATC);
		assertThat(event.isAuction()).isTrue();
		assertThat(event.isAto()).isTrue();
		assertThat(event.isAtc()).isTrue();
		assertThat(this.observer.unknownEnums).isEmpty();
		assertThat(this.observer.symbolMismatches).isEmpty();
	}

	@Test
	void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
		BidOfferV3 message = GoldenMessages.bidOffer();
		byte[] payload = UnknownFields.interleave(message.toByteArray());
		assertThat(UnknownFields.fields(payload)).hasSizeGreaterThan(2 * 43);
		assertThat(this.decoder.decode(payload, RECEIPT)).isEqualTo(GeneratedMessages.bidOffer(message, RECEIPT));
	}

	@Test
	void skipsUnknownFieldsInsideMoney() {
		UnknownFieldSet unknown = UnknownFieldSet.newBuilder()
			.addField(4, UnknownFieldSet.Field.newBuilder().addVarint(9).build())
			.addField(77, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("?")).build())
			.build();
		Money money = FeedFixtures.money("-7.125").toBuilder().setUnknownFields(unknown).build();
		BidOfferV3 message = GoldenMessages.bidOffer().toBuilder().setAskPrice3(money).build();
		BidOffer event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event.asks().get(2).price()).isEqualTo(price("-7.125"));
		assertThat(event).isEqualTo(GeneratedMessages.bidOffer(message, RECEIPT));
	}

	@Test
	void emptyPayloadTakesDefaults() {
		BidOffer event = this.decoder.decode(new byte[0], RECEIPT);
		assertThat(event.symbol()).isEqualTo("AOT");
		assertThat(event.bids()).hasSize(10).allMatch((level) -> level.equals(new PriceLevel(Price.ZERO, 0)));
		assertThat(event.asks()).hasSize(10).allMatch((level) -> level.equals(new PriceLevel(Price.ZERO, 0)));
		assertThat(event.bidFlag()).isEqualTo(AuctionFlag.UNDEFINED);
		assertThat(event.askFlag()).isEqualTo(AuctionFlag.UNDEFINED);
		assertThat(event.isAuction()).isFalse();
		assertThat(event).isEqualTo(GeneratedMessages.bidOffer(BidOfferV3.getDefaultInstance(), RECEIPT));
	}

	@Test
	void listsAreUnmodifiable() {
		BidOffer event = this.decoder.decode(GoldenMessages.bidOffer().toByteArray(), RECEIPT);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> event.bids().set(0, event.asks().get(0)));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> event.asks().clear());
	}

	@Test
	void unknownFlagNumbersBecomeUnknownAndAreReported() {
		BidOfferV3 message = GoldenMessages.bidOffer().toBuilder().setBidFlagValue(4).setAskFlagValue(-2).build();
		BidOffer event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event.bidFlag()).isEqualTo(AuctionFlag.UNKNOWN);
		assertThat(event.askFlag()).isEqualTo(AuctionFlag.UNKNOWN);
		assertThat(event).isEqualTo(GeneratedMessages.bidOffer(message, RECEIPT));
		assertThat(this.observer.unknownEnums).containsExactly("bid-offer bid_flag=4", "bid-offer ask_flag=-2");
	}

	@Test
	void symbolMismatchIsReportedAndTheTopicsSymbolKept() {
		BidOfferV3 message = GoldenMessages.bidOffer().toBuilder().setSymbol("PTT").build();
		BidOffer event = this.decoder.decode(message.toByteArray(), RECEIPT);
		assertThat(event.symbol()).isEqualTo("AOT");
		assertThat(this.observer.symbolMismatches).containsExactly("bid-offer AOT/PTT");
	}

	@Test
	void symbolsCompareAsTextNotAsBytes() {
		EventReceipt thai = FeedFixtures.receipt("proto/topic/bidofferv3/ปตท");
		this.decoder.decode(BidOfferV3.newBuilder().setSymbol("ปตท").build().toByteArray(), thai);
		this.decoder.decode(BidOfferV3.newBuilder().setSymbol("ปตก").build().toByteArray(), thai);
		this.decoder.decode(BidOfferV3.newBuilder().setSymbol("AOTX").build().toByteArray(), RECEIPT);
		assertThat(this.observer.symbolMismatches).containsExactly("bid-offer ปตท/ปตก", "bid-offer AOT/AOTX");
	}

	@Test
	void wrongWireTypeForAKnownFieldNamesTheField() {
		// field 7 (ask_price1) as a varint
		byte[] payload = { (7 << 3), 1 };
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoder.decode(payload, RECEIPT))
			.withMessage("BidOfferV3 field 7 (ask_price1): wire type 0 (varint), expected 2 (length-delimited)")
			.satisfies((ex) -> {
				assertThat(ex.getKind()).isEqualTo(MarketDataKinds.BID_OFFER);
				assertThat(ex.getField()).isEqualTo(7);
			});
	}

	@Test
	void truncatedFieldNamesTheField() {
		byte[] payload = GoldenMessages.bidOffer().toByteArray();
		List<byte[]> fields = UnknownFields.fields(payload);
		// symbol (field 1) whole, then bid_price1 (field 2) cut short
		byte[] truncated = Arrays.copyOf(payload, fields.get(0).length + fields.get(1).length - 1);
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoder.decode(truncated, RECEIPT))
			.withMessage("BidOfferV3 field 2 (bid_price1): truncated message");
	}

	@Test
	void wrongWireTypeInsideMoneyNamesBothFields() {
		// ask_price1 = Money { units: "x" }
		byte[] payload = { (7 << 3) | 2, 3, (2 << 3) | 2, 1, 'x' };
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoder.decode(payload, RECEIPT))
			.withMessage("BidOfferV3 field 7 (ask_price1): Money field 2 (units): wire type 2 (length-delimited), "
					+ "expected 0 (varint)");
	}

}
