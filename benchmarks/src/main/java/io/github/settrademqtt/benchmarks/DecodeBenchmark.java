package io.github.settrademqtt.benchmarks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.BidOffer.AuctionFlag;
import io.github.settrademqtt.feed.BidOffer.PriceLevel;
import io.github.settrademqtt.feed.EventReceipt;
import io.github.settrademqtt.feed.MarketDataDecoders;
import io.github.settrademqtt.feed.MarketDataEvent;
import io.github.settrademqtt.feed.MarketStatus;
import io.github.settrademqtt.feed.Price;
import io.github.settrademqtt.feed.PriceInfo;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.Date;
import io.github.settrademqtt.test.proto.Money;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.github.settrademqtt.test.proto.TimeOfDay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of decoding a realistic BidOfferV3 and InfoV3 into events: straight from the wire
 * with {@link MarketDataDecoders}, against parsing with the classes protoc generates and
 * mapping them to the same events. Run with {@code -prof gc} for the allocation rate.
 *
 * @author settrade-mqtt
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {

	private static final SessionFacts SESSION = new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO,
			Instant.EPOCH);

	private final MarketDataDecoders decoders = new MarketDataDecoders();

	private byte[] bidOffer;

	private byte[] info;

	private EventReceipt bidOfferReceipt;

	private EventReceipt infoReceipt;

	private byte[] equityOrder;

	private EventReceipt equityOrderReceipt;

	@Setup
	public void setUp() {
		this.bidOffer = bidOfferPayload();
		this.info = infoPayload();
		this.equityOrder = equityOrderPayload();
		this.equityOrderReceipt = new EventReceipt(SettradeTopics.equityOrders("0123456"), Instant.now(),
				System.nanoTime(), SESSION);
		this.bidOfferReceipt = new EventReceipt(SettradeTopics.bidOffer("PTT"), Instant.now(), System.nanoTime(),
				SESSION);
		this.infoReceipt = new EventReceipt(SettradeTopics.priceInfo("PTT"), Instant.now(), System.nanoTime(), SESSION);
	}

	@Benchmark
	public MarketDataEvent bidOfferWire() {
		return this.decoders.decode(this.bidOfferReceipt, this.bidOffer);
	}

	@Benchmark
	public MarketDataEvent bidOfferGenerated() throws InvalidProtocolBufferException {
		return GeneratedMapping.bidOffer(BidOfferV3.parseFrom(this.bidOffer), this.bidOfferReceipt);
	}

	/**
	 * The generated parser alone: no conversion into anything a user can compare.
	 * @return the parsed message
	 * @throws InvalidProtocolBufferException never for this payload
	 */
	@Benchmark
	public BidOfferV3 bidOfferGeneratedParseOnly() throws InvalidProtocolBufferException {
		return BidOfferV3.parseFrom(this.bidOffer);
	}

	/**
	 * What a user of the generated classes writes to get exact prices: parse, then one
	 * {@link BigDecimal} per price.
	 * @return the twenty prices
	 * @throws InvalidProtocolBufferException never for this payload
	 */
	@Benchmark
	public BigDecimal[] bidOfferGeneratedBigDecimal() throws InvalidProtocolBufferException {
		BidOfferV3 book = BidOfferV3.parseFrom(this.bidOffer);
		return new BigDecimal[] { decimal(book.getBidPrice1()), decimal(book.getBidPrice2()),
				decimal(book.getBidPrice3()), decimal(book.getBidPrice4()), decimal(book.getBidPrice5()),
				decimal(book.getBidPrice6()), decimal(book.getBidPrice7()), decimal(book.getBidPrice8()),
				decimal(book.getBidPrice9()), decimal(book.getBidPrice10()), decimal(book.getAskPrice1()),
				decimal(book.getAskPrice2()), decimal(book.getAskPrice3()), decimal(book.getAskPrice4()),
				decimal(book.getAskPrice5()), decimal(book.getAskPrice6()), decimal(book.getAskPrice7()),
				decimal(book.getAskPrice8()), decimal(book.getAskPrice9()), decimal(book.getAskPrice10()) };
	}

	private static BigDecimal decimal(Money money) {
		return BigDecimal.valueOf(money.getUnits()).add(BigDecimal.valueOf(money.getNanos(), 9));
	}

	@Benchmark
	public InfoV3 infoGeneratedParseOnly() throws InvalidProtocolBufferException {
		return InfoV3.parseFrom(this.info);
	}

	@Benchmark
	public MarketDataEvent equityOrderWire() {
		return this.decoders.decode(this.equityOrderReceipt, this.equityOrder);
	}

	@Benchmark
	public OrderEquityV3 equityOrderGeneratedParseOnly() throws InvalidProtocolBufferException {
		return OrderEquityV3.parseFrom(this.equityOrder);
	}

	@Benchmark
	public MarketDataEvent infoWire() {
		return this.decoders.decode(this.infoReceipt, this.info);
	}

	@Benchmark
	public MarketDataEvent infoGenerated() throws InvalidProtocolBufferException {
		return GeneratedMapping.priceInfo(InfoV3.parseFrom(this.info), this.infoReceipt);
	}

	/**
	 * A PTT book around 32.50 THB, sent with the simulator's sequence number (unknown
	 * field 1000) as it is.
	 */
	private static byte[] bidOfferPayload() {
		return withSequence(RealisticPayloads.book("PTT").toByteArray());
	}

	private static byte[] infoPayload() {
		InfoV3 info = InfoV3.newBuilder()
			.setSymbol("PTT")
			.setHigh(RealisticPayloads.satang(3_300))
			.setLow(RealisticPayloads.satang(3_225))
			.setLast(RealisticPayloads.satang(3_250))
			.setTotalVolume(48_215_300)
			.setChange(RealisticPayloads.satang(-25))
			.setTotalValue(RealisticPayloads.satang(156_699_725_000L))
			.setMarketStatus(InfoV3.SymbolMarketStatus.OPEN_E)
			.build();
		return withSequence(info.toByteArray());
	}

	private static byte[] equityOrderPayload() {
		OrderEquityV3 order = OrderEquityV3.newBuilder()
			.setVersion(3)
			.setOrderNo("2611260000123")
			.setExtOrderNo("ext-42")
			.setAccountNo("0123456")
			.setEntryTime(TimeOfDay.newBuilder().setHours(10).setMinutes(15).setSeconds(30))
			.setTradeDate(Date.newBuilder().setYear(2026).setMonth(11).setDay(26))
			.setSymbol("PTT")
			.setPrice(RealisticPayloads.satang(3_250))
			.setPriceType(OrderEquityV3.PriceType.LIMIT)
			.setSide(OrderEquityV3.BuySell.BUY)
			.setVolume(10_000)
			.setMatchedVolume(4_000)
			.setBalanceVolume(6_000)
			.setStatus("PO")
			.setCanCancel(true)
			.setCanChangePriceVol(true)
			.setValid(OrderEquityV3.Valid.DAY)
			.build();
		return withSequence(order.toByteArray());
	}

	/**
	 * Field 1000, varint: what the simulator appends.
	 */
	private static byte[] withSequence(byte[] message) {
		byte[] sequence = { (byte) 0xC0, 0x3E, (byte) 0xE7, 0x07 };
		byte[] payload = new byte[message.length + sequence.length];
		System.arraycopy(message, 0, payload, 0, message.length);
		System.arraycopy(sequence, 0, payload, message.length, sequence.length);
		return payload;
	}

	/**
	 * The baseline: the generated message mapped to the same event, trusting Money to be
	 * in canonical form.
	 */
	static final class GeneratedMapping {

		private static final AuctionFlag[] FLAGS = { AuctionFlag.UNDEFINED, AuctionFlag.NORMAL, AuctionFlag.ATO,
				AuctionFlag.ATC };

		private static final MarketStatus[] STATUSES = new MarketStatus[48];

		static {
			for (MarketStatus status : MarketStatus.values()) {
				if (status.code() >= 0) {
					STATUSES[status.code()] = status;
				}
			}
		}

		private GeneratedMapping() {
		}

		static BidOffer bidOffer(BidOfferV3 book, EventReceipt receipt) {
			List<PriceLevel> bids = List.of(level(book.getBidPrice1(), book.getBidVolume1()),
					level(book.getBidPrice2(), book.getBidVolume2()), level(book.getBidPrice3(), book.getBidVolume3()),
					level(book.getBidPrice4(), book.getBidVolume4()), level(book.getBidPrice5(), book.getBidVolume5()),
					level(book.getBidPrice6(), book.getBidVolume6()), level(book.getBidPrice7(), book.getBidVolume7()),
					level(book.getBidPrice8(), book.getBidVolume8()), level(book.getBidPrice9(), book.getBidVolume9()),
					level(book.getBidPrice10(), book.getBidVolume10()));
			List<PriceLevel> asks = List.of(level(book.getAskPrice1(), book.getAskVolume1()),
					level(book.getAskPrice2(), book.getAskVolume2()), level(book.getAskPrice3(), book.getAskVolume3()),
					level(book.getAskPrice4(), book.getAskVolume4()), level(book.getAskPrice5(), book.getAskVolume5()),
					level(book.getAskPrice6(), book.getAskVolume6()), level(book.getAskPrice7(), book.getAskVolume7()),
					level(book.getAskPrice8(), book.getAskVolume8()), level(book.getAskPrice9(), book.getAskVolume9()),
					level(book.getAskPrice10(), book.getAskVolume10()));
			return new BidOffer(symbol(MarketDataKinds.BID_OFFER, receipt), bids, asks, flag(book.getBidFlagValue()),
					flag(book.getAskFlagValue()), receipt);
		}

		static PriceInfo priceInfo(InfoV3 info, EventReceipt receipt) {
			int status = info.getMarketStatusValue();
			MarketStatus marketStatus = (status >= 0 && status < STATUSES.length && STATUSES[status] != null)
					? STATUSES[status] : MarketStatus.UNKNOWN;
			return new PriceInfo(symbol(MarketDataKinds.PRICE_INFO, receipt), price(info.getHigh()),
					price(info.getLow()), price(info.getLast()), info.getTotalVolume(),
					price(info.getProjectedOpenPrice()), price(info.getChange()), price(info.getTotalValue()),
					marketStatus, info.getProjectedOpenVolume(), receipt);
		}

		private static PriceLevel level(Money price, long volume) {
			return new PriceLevel(price(price), volume);
		}

		private static Price price(Money money) {
			return new Price(money.getUnits(), money.getNanos());
		}

		private static AuctionFlag flag(int number) {
			return (number >= 0 && number < FLAGS.length) ? FLAGS[number] : AuctionFlag.UNKNOWN;
		}

		private static String symbol(MarketDataKind<?, ?> kind, EventReceipt receipt) {
			String topic = receipt.topic();
			return topic.substring(topic.lastIndexOf('/') + 1);
		}

	}

}
