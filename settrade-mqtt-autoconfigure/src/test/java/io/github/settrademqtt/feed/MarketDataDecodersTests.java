package io.github.settrademqtt.feed;

import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.settrademqtt.feed.FeedFixtures.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MarketDataDecoders}: choosing the decoder, and what all decoders
 * share.
 */
class MarketDataDecodersTests {

	private final RecordingDecodeObserver observer = new RecordingDecodeObserver();

	private final MarketDataDecoders decoders = new MarketDataDecoders(MarketDataKinds.standard(), this.observer);

	@Test
	void choosesTheDecoderByTopic() throws Exception {
		assertThat(decode(MarketDataKinds.BID_OFFER, GoldenMessages.bidOffer().toByteArray()))
			.isInstanceOf(BidOffer.class);
		assertThat(decode(MarketDataKinds.PRICE_INFO, GoldenMessages.info().toByteArray()))
			.isInstanceOf(PriceInfo.class);
		assertThat(decode(MarketDataKinds.CANDLESTICK, GoldenMessages.candlestick().toByteArray()))
			.isInstanceOf(Candlestick.class);
		assertThat(decode(MarketDataKinds.EQUITY_EXCHANGE_INFO, GoldenMessages.equityExchangeInfo().toByteArray()))
			.isInstanceOf(EquityExchangeInfo.class);
		assertThat(decode(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO,
				GoldenMessages.derivativesExchangeInfo().toByteArray()))
			.isInstanceOf(DerivativesExchangeInfo.class);
		assertThat(decode(MarketDataKinds.EQUITY_ORDERS, GoldenMessages.equityOrder().toByteArray()))
			.isInstanceOf(EquityOrder.class);
		assertThat(decode(MarketDataKinds.DERIVATIVES_ORDERS, GoldenMessages.derivativesOrder().toByteArray()))
			.isInstanceOf(DerivativesOrder.class);
	}

	@ParameterizedTest
	@MethodSource("io.github.settrademqtt.feed.FeedFixtures#kinds")
	void eventsCarryTheirKindKeyAndReceipt(MarketDataKind<?, ?> kind) {
		EventReceipt receipt = FeedFixtures.receipt(kind);
		MarketDataEvent event = this.decoders.decode(receipt, new byte[0]);
		assertThat(event.kind()).isEqualTo(kind);
		assertThat(event.receipt()).isSameAs(receipt);
		assertThat(receipt.topic()).contains("/" + event.key());
		assertThat(this.decoders.decoder(kind).decode(new byte[0], receipt)).isEqualTo(event);
	}

	@Test
	void unknownTopicIsADecodeException() {
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt("proto/topic/tickerv9/AOT"), new byte[0]))
			.withMessage("No decoder for topic 'proto/topic/tickerv9/AOT'")
			.satisfies((ex) -> assertThat(ex.getKind()).isNull());
	}

	@ParameterizedTest
	@MethodSource("io.github.settrademqtt.feed.FeedFixtures#kinds")
	void malformedPayloadIsADecodeExceptionNamingTheField(MarketDataKind<?, ?> kind) {
		// field 1, length-delimited, announcing twenty bytes and carrying three
		byte[] payload = { 0x0A, 0x14, 'P', 'T', 'T' };
		String expected = switch (kind.tag()) {
			case "bid-offer" -> "BidOfferV3 field 1 (symbol): truncated message";
			case "price-info" -> "InfoV3 field 1 (symbol): truncated message";
			case "candlestick" -> "CandlestickV3 field 1 (symbol): truncated message";
			case "equity-exchange-info" -> "EquityExchangeInfoV3 field 1 (market_info): truncated message";
			case "derivatives-exchange-info" -> "DerivExchangeInfoV3 field 1 (market_info): truncated message";
			// version is a varint
			case "equity-orders" ->
				"OrderEquityV3 field 1 (version): wire type 2 (length-delimited), expected 0 (varint)";
			case "derivatives-orders" ->
				"OrderDerivV3 field 1 (version): wire type 2 (length-delimited), expected 0 (varint)";
			default -> throw new IllegalArgumentException("No fixture for " + kind);
		};
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(kind), payload))
			.withMessage(expected)
			.satisfies((ex) -> assertThat(ex.getKind()).isEqualTo(kind))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo(1));
	}

	@Test
	void hugeLengthIsRefusedBeforeAllocating() {
		// symbol claiming 2^31 - 1 bytes
		byte[] payload = { 0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'A' };
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.EQUITY_ORDERS),
					new byte[] { 0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 'A' }))
			.withMessage("OrderEquityV3 field 2 (order_no): truncated message");
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.BID_OFFER), payload))
			.withMessage("BidOfferV3 field 1 (symbol): truncated message");
	}

	@Test
	void negativeLengthIsRefused() {
		byte[] payload = { 0x0A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F };
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.BID_OFFER), payload))
			.withMessage("BidOfferV3 field 1 (symbol): negative length");
	}

	@Test
	void deeplyNestedUnknownGroupsAreRefusedWithoutOverflowingTheStack() {
		// field 99 start-group, 100,000 deep
		byte[] payload = new byte[200_000];
		for (int i = 0; i < payload.length; i += 2) {
			payload[i] = (byte) 0x9B;
			payload[i + 1] = 0x06;
		}
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.BID_OFFER), payload))
			.withMessage("BidOfferV3 field 99 (unknown): groups nested too deeply");
	}

	@Test
	void endGroupOutsideAGroupIsRefused() {
		// field 99, end-group
		byte[] payload = { (byte) 0x9C, 0x06 };
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.PRICE_INFO), payload))
			.withMessage("InfoV3 field 99 (unknown): unexpected end-group tag");
	}

	@Test
	void fieldNumberZeroIsRefused() {
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(
					() -> this.decoders.decode(FeedFixtures.receipt(MarketDataKinds.PRICE_INFO), new byte[] { 0x00 }))
			.withMessage("InfoV3: invalid tag (field number 0)");
	}

	@Test
	void repeatedScalarFieldsKeepTheLastValueAndMessagesMerge() throws Exception {
		byte[] first = InfoV3.newBuilder()
			.setSymbol("AOT")
			.setTotalVolume(1)
			.setHigh(FeedFixtures.money("1.5"))
			.build()
			.toByteArray();
		byte[] second = InfoV3.newBuilder()
			.setTotalVolume(2)
			.setHigh(Money.newBuilder().setUnits(7))
			.build()
			.toByteArray();
		byte[] payload = ExchangeInfoDecoderTests.concat(first, second);
		PriceInfo event = (PriceInfo) decode(MarketDataKinds.PRICE_INFO, payload);
		assertThat(event.totalVolume()).isEqualTo(2);
		// units from the second, nanos from the first
		assertThat(event.high()).isEqualTo(price("7.5"));
		assertThat(event).isEqualTo(GeneratedMessages.parse(MarketDataKinds.PRICE_INFO, payload, event.receipt()));
	}

	@Test
	void moneyOutsideCanonicalFormMeansUnitsPlusNanos() throws Exception {
		BidOfferV3 message = BidOfferV3.newBuilder()
			.setBidPrice1(Money.newBuilder().setUnits(2).setNanos(-250_000_000))
			.setBidPrice2(Money.newBuilder().setUnits(-2).setNanos(250_000_000))
			.setBidPrice3(Money.newBuilder().setUnits(1).setNanos(2_100_000_000))
			.setBidPrice4(Money.newBuilder().setUnits(-1).setNanos(-2_100_000_000))
			.setBidPrice5(Money.newBuilder().setUnits(Long.MAX_VALUE).setNanos(-1))
			.build();
		BidOffer event = (BidOffer) decode(MarketDataKinds.BID_OFFER, message.toByteArray());
		assertThat(event.bids().subList(0, 5)).extracting(BidOffer.PriceLevel::price)
			.containsExactly(price("1.75"), price("-1.75"), price("3.1"), price("-3.1"),
					price("9223372036854775806.999999999"));
		assertThat(event).isEqualTo(GeneratedMessages.parse(MarketDataKinds.BID_OFFER, message.toByteArray(),
				FeedFixtures.receipt(MarketDataKinds.BID_OFFER)));
	}

	@Test
	void moneyBeyondTheRangeOfUnitsIsRefused() {
		BidOfferV3 message = BidOfferV3.newBuilder()
			.setAskPrice2(Money.newBuilder().setUnits(Long.MAX_VALUE).setNanos(1_000_000_000))
			.build();
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> decode(MarketDataKinds.BID_OFFER, message.toByteArray()))
			.withMessage("BidOfferV3 field 8 (ask_price2): Money out of range");
	}

	@Test
	void observerExceptionsBecomeDecodeExceptions() {
		MarketDataDecoders failing = new MarketDataDecoders(MarketDataKinds.standard(), new DecodeObserver() {

			@Override
			public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
				throw new IllegalStateException("observer failed");
			}

		});
		byte[] payload = BidOfferV3.newBuilder().setSymbol("PTT").build().toByteArray();
		assertThatExceptionOfType(MarketDataDecodeException.class)
			.isThrownBy(() -> failing.decode(FeedFixtures.receipt(MarketDataKinds.BID_OFFER), payload))
			.withMessage("BidOfferV3 field 1 (symbol): observer failed");
	}

	@Test
	void topicKeysMatchTheTopicBuilders() {
		assertThat(MarketDataKinds.BID_OFFER.key(SettradeTopics.bidOffer("ptt"))).isEqualTo("PTT");
		assertThat(MarketDataKinds.PRICE_INFO.key(SettradeTopics.priceInfo("ptt"))).isEqualTo("PTT");
		assertThat(MarketDataKinds.CANDLESTICK.key(SettradeTopics.candlestick("ptt", "1d"))).isEqualTo("PTT");
		assertThat(CandlestickDecoder.interval(SettradeTopics.candlestick("ptt", "1d"))).isEqualTo("1d");
		assertThat(MarketDataKinds.EQUITY_EXCHANGE_INFO.key(SettradeTopics.equityExchangeInfo("mai"))).isEqualTo("mai");
		assertThat(MarketDataKinds.DERIVATIVES_EXCHANGE_INFO.key(SettradeTopics.derivativesExchangeInfo("TFEX")))
			.isEqualTo("TFEX");
		assertThat(MarketDataKinds.EQUITY_ORDERS.key(SettradeTopics.equityOrders("123-4"))).isEqualTo("123-4");
		assertThat(MarketDataKinds.DERIVATIVES_ORDERS.key(SettradeTopics.derivativesOrders("123-4")))
			.isEqualTo("123-4");
	}

	@Test
	void malformedTopicsGiveEmptyKeys() {
		assertThat(MarketDataKinds.EQUITY_ORDERS.key("proto/ua/_broker/_front/ordereqv3")).isEmpty();
		assertThat(MarketDataKinds.BID_OFFER.key("proto/")).isEmpty();
		assertThat(CandlestickDecoder.interval("proto/topic/cdlv3/AOT")).isEmpty();
		MarketDataEvent event = this.decoders.decode(FeedFixtures.receipt("proto/ua/_broker/_front/ordereqv3"),
				new byte[0]);
		assertThat(event.key()).isEmpty();
	}

	private MarketDataEvent decode(MarketDataKind<?, ?> kind, byte[] payload) {
		return this.decoders.decode(FeedFixtures.receipt(kind), payload);
	}

}
