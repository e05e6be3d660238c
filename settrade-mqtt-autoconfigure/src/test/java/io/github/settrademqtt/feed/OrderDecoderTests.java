package io.github.settrademqtt.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.github.settrademqtt.test.proto.Date;
import io.github.settrademqtt.test.proto.OrderDerivV3;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.github.settrademqtt.test.proto.TimeOfDay;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Golden tests of the order decoders against payloads serialized by protobuf-java.
 */
class OrderDecoderTests {

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	@Nested
	class Equity {

		private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.EQUITY_ORDERS);

		private final EquityOrderDecoder decoder = new EquityOrderDecoder(OrderDecoderTests.this.observer);

		@Test
		void decodesEveryField() {
			OrderEquityV3 message = GoldenMessages.equityOrder();
			EquityOrder event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event).isEqualTo(GeneratedMessages.equityOrder(message, RECEIPT));
			assertThat(event).isEqualTo(new EquityOrder(3, "OE123", "X987", FeedFixtures.ACCOUNT,
					LocalTime.of(10, 15, 30, 123_456_789), LocalDate.of(2025, 1, 2), "AOT", true, price("63.25"),
					OrderPriceType.MARKET_TO_LIMIT, EquityOrder.Side.SELL, 1_000, 400, 500, 100, "M", true, true,
					OrderValidity.GTD, LocalDate.of(2025, 1, 31), true, true, true, true, RECEIPT));
			assertThat(event.key()).isEqualTo(FeedFixtures.ACCOUNT);
			assertThat(event.kind()).isEqualTo(MarketDataKinds.EQUITY_ORDERS);
			assertThat(OrderDecoderTests.this.observer.unknownEnums).isEmpty();
		}

		@Test
		void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
			OrderEquityV3 message = GoldenMessages.equityOrder();
			byte[] payload = UnknownFields.interleave(message.toByteArray());
			assertThat(this.decoder.decode(payload, RECEIPT))
				.isEqualTo(GeneratedMessages.equityOrder(message, RECEIPT));
		}

		@Test
		void emptyPayloadTakesDefaults() {
			EquityOrder event = this.decoder.decode(new byte[0], RECEIPT);
			assertThat(event).isEqualTo(new EquityOrder(0, "", "", "", LocalTime.MIDNIGHT, null, "", false, Price.ZERO,
					OrderPriceType.UNDEFINED, EquityOrder.Side.UNDEFINED, 0, 0, 0, 0, "", false, false,
					OrderValidity.UNDEFINED, null, false, false, false, false, RECEIPT));
			assertThat(event).isEqualTo(GeneratedMessages.equityOrder(OrderEquityV3.getDefaultInstance(), RECEIPT));
		}

		@Test
		void allZeroDateIsNoDate() {
			OrderEquityV3 message = GoldenMessages.equityOrder()
				.toBuilder()
				.setUntil(Date.getDefaultInstance())
				.build();
			assertThat(this.decoder.decode(message.toByteArray(), RECEIPT).until()).isNull();
		}

		@Test
		void invalidDateNamesTheField() {
			OrderEquityV3 message = GoldenMessages.equityOrder()
				.toBuilder()
				.setTradeDate(Date.newBuilder().setYear(2025).setMonth(2).setDay(30))
				.build();
			assertThatExceptionOfType(MarketDataDecodeException.class)
				.isThrownBy(() -> this.decoder.decode(message.toByteArray(), RECEIPT))
				.withMessageStartingWith("OrderEquityV3 field 6 (trade_date): ");
		}

		@Test
		void invalidTimeNamesTheField() {
			OrderEquityV3 message = GoldenMessages.equityOrder()
				.toBuilder()
				.setEntryTime(TimeOfDay.newBuilder().setHours(25))
				.build();
			assertThatExceptionOfType(MarketDataDecodeException.class)
				.isThrownBy(() -> this.decoder.decode(message.toByteArray(), RECEIPT))
				.withMessageStartingWith("OrderEquityV3 field 5 (entry_time): ");
		}

		@Test
		void unknownEnumNumbersBecomeUnknownAndAreReported() {
			OrderEquityV3 message = GoldenMessages.equityOrder()
				.toBuilder()
				.setPriceTypeValue(5)
				.setSideValue(3)
				.setValidValue(8)
				.build();
			EquityOrder event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event.priceType()).isEqualTo(OrderPriceType.UNKNOWN);
			assertThat(event.side()).isEqualTo(EquityOrder.Side.UNKNOWN);
			assertThat(event.validity()).isEqualTo(OrderValidity.UNKNOWN);
			assertThat(event).isEqualTo(GeneratedMessages.equityOrder(message, RECEIPT));
			assertThat(OrderDecoderTests.this.observer.unknownEnums).containsExactly("equity-orders price_type=5",
					"equity-orders side=3", "equity-orders valid=8");
		}

	}

	@Nested
	class Derivatives {

		private static final EventReceipt RECEIPT = FeedFixtures.receipt(MarketDataKinds.DERIVATIVES_ORDERS);

		private final DerivativesOrderDecoder decoder = new DerivativesOrderDecoder(OrderDecoderTests.this.observer);

		@Test
		void decodesEveryField() {
			OrderDerivV3 message = GoldenMessages.derivativesOrder();
			DerivativesOrder event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event).isEqualTo(GeneratedMessages.derivativesOrder(message, RECEIPT));
			assertThat(event).isEqualTo(new DerivativesOrder(7, "OD1", "X2", FeedFixtures.ACCOUNT, "trader1",
					Instant.parse("2025-01-02T03:04:05.250Z"), "S50H25", DerivativesOrder.Side.LONG_AND_SHORT,
					DerivativesOrder.Position.AUTO, price("-3.5"), OrderPriceType.ATC, 10, 4, 5, 1, OrderValidity.DAY,
					"20250131", "Matched", true, true, true, true, RECEIPT));
			assertThat(event.key()).isEqualTo(FeedFixtures.ACCOUNT);
			assertThat(event.kind()).isEqualTo(MarketDataKinds.DERIVATIVES_ORDERS);
			assertThat(OrderDecoderTests.this.observer.unknownEnums).isEmpty();
		}

		@Test
		void skipsUnknownFieldsBeforeBetweenAndAfterKnownOnes() {
			OrderDerivV3 message = GoldenMessages.derivativesOrder();
			byte[] payload = UnknownFields.interleave(message.toByteArray());
			assertThat(this.decoder.decode(payload, RECEIPT))
				.isEqualTo(GeneratedMessages.derivativesOrder(message, RECEIPT));
		}

		@Test
		void emptyPayloadTakesDefaults() {
			assertThat(this.decoder.decode(new byte[0], RECEIPT))
				.isEqualTo(new DerivativesOrder(0, "", "", "", "", Instant.EPOCH, "", DerivativesOrder.Side.UNDEFINED,
						DerivativesOrder.Position.UNDEFINED, Price.ZERO, OrderPriceType.UNDEFINED, 0, 0, 0, 0,
						OrderValidity.UNDEFINED, "", "", false, false, false, false, RECEIPT));
		}

		@Test
		void dayIsEightForDerivatives() {
			OrderDerivV3 message = OrderDerivV3.newBuilder().setValidValue(5).build();
			assertThat(this.decoder.decode(message.toByteArray(), RECEIPT).validity()).isEqualTo(OrderValidity.UNKNOWN);
			assertThat(OrderDecoderTests.this.observer.unknownEnums).containsExactly("derivatives-orders valid=5");
		}

		@Test
		void unknownEnumNumbersBecomeUnknownAndAreReported() {
			OrderDerivV3 message = GoldenMessages.derivativesOrder()
				.toBuilder()
				.setSideValue(4)
				.setPositionValue(9)
				.setPriceTypeValue(5)
				.setValidValue(6)
				.build();
			DerivativesOrder event = this.decoder.decode(message.toByteArray(), RECEIPT);
			assertThat(event.side()).isEqualTo(DerivativesOrder.Side.UNKNOWN);
			assertThat(event.position()).isEqualTo(DerivativesOrder.Position.UNKNOWN);
			assertThat(event.priceType()).isEqualTo(OrderPriceType.UNKNOWN);
			assertThat(event.validity()).isEqualTo(OrderValidity.UNKNOWN);
			assertThat(event).isEqualTo(GeneratedMessages.derivativesOrder(message, RECEIPT));
			assertThat(OrderDecoderTests.this.observer.unknownEnums).containsExactly("derivatives-orders side=4",
					"derivatives-orders position=9", "derivatives-orders price_type=5", "derivatives-orders valid=6");
		}

	}

}
