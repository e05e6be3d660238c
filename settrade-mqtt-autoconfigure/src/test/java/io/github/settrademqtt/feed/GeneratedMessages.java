package io.github.settrademqtt.feed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ProtocolMessageEnum;
import io.github.settrademqtt.feed.BidOffer.AuctionFlag;
import io.github.settrademqtt.feed.BidOffer.PriceLevel;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.CandlestickV3;
import io.github.settrademqtt.test.proto.Date;
import io.github.settrademqtt.test.proto.DerivExchangeInfoV3;
import io.github.settrademqtt.test.proto.EquityExchangeInfoV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.Money;
import io.github.settrademqtt.test.proto.OrderDerivV3;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.github.settrademqtt.test.proto.TimeOfDay;
import io.github.settrademqtt.test.proto.Timestamp;
import org.jspecify.annotations.Nullable;

/**
 * The expected events: payloads parsed with the generated classes and mapped field by
 * field through their getters, independently of the decoders under test. Enum constants
 * are matched by name with the .proto file's, so that the Java enums' numbers are checked
 * too.
 */
final class GeneratedMessages {

	private GeneratedMessages() {
	}

	/**
	 * Parse a payload with the generated class of its kind and map it.
	 * @throws InvalidProtocolBufferException if protobuf-java refuses the payload
	 * @throws RuntimeException if a value has no event counterpart (a date out of range,
	 * say)
	 */
	static MarketDataEvent parse(MarketDataKind<?, ?> kind, byte[] payload, EventReceipt receipt)
			throws InvalidProtocolBufferException {
		return switch (kind.tag()) {
			case "bid-offer" -> bidOffer(BidOfferV3.parseFrom(payload), receipt);
			case "price-info" -> priceInfo(InfoV3.parseFrom(payload), receipt);
			case "candlestick" -> candlestick(CandlestickV3.parseFrom(payload), receipt);
			case "equity-exchange-info" -> equityExchangeInfo(EquityExchangeInfoV3.parseFrom(payload), receipt);
			case "derivatives-exchange-info" ->
				derivativesExchangeInfo(DerivExchangeInfoV3.parseFrom(payload), receipt);
			case "equity-orders" -> equityOrder(OrderEquityV3.parseFrom(payload), receipt);
			case "derivatives-orders" -> derivativesOrder(OrderDerivV3.parseFrom(payload), receipt);
			default -> throw new IllegalArgumentException("No fixture for " + kind);
		};
	}

	static BidOffer bidOffer(BidOfferV3 message, EventReceipt receipt) {
		List<Money> bidPrices = List.of(message.getBidPrice1(), message.getBidPrice2(), message.getBidPrice3(),
				message.getBidPrice4(), message.getBidPrice5(), message.getBidPrice6(), message.getBidPrice7(),
				message.getBidPrice8(), message.getBidPrice9(), message.getBidPrice10());
		List<Money> askPrices = List.of(message.getAskPrice1(), message.getAskPrice2(), message.getAskPrice3(),
				message.getAskPrice4(), message.getAskPrice5(), message.getAskPrice6(), message.getAskPrice7(),
				message.getAskPrice8(), message.getAskPrice9(), message.getAskPrice10());
		long[] bidVolumes = { message.getBidVolume1(), message.getBidVolume2(), message.getBidVolume3(),
				message.getBidVolume4(), message.getBidVolume5(), message.getBidVolume6(), message.getBidVolume7(),
				message.getBidVolume8(), message.getBidVolume9(), message.getBidVolume10() };
		long[] askVolumes = { message.getAskVolume1(), message.getAskVolume2(), message.getAskVolume3(),
				message.getAskVolume4(), message.getAskVolume5(), message.getAskVolume6(), message.getAskVolume7(),
				message.getAskVolume8(), message.getAskVolume9(), message.getAskVolume10() };
		List<PriceLevel> bids = new ArrayList<>();
		List<PriceLevel> asks = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			bids.add(new PriceLevel(price(bidPrices.get(i)), bidVolumes[i]));
			asks.add(new PriceLevel(price(askPrices.get(i)), askVolumes[i]));
		}
		return new BidOffer(segment(receipt, 3), bids, asks, javaEnum(message.getBidFlag(), AuctionFlag.class),
				javaEnum(message.getAskFlag(), AuctionFlag.class), receipt);
	}

	static PriceInfo priceInfo(InfoV3 message, EventReceipt receipt) {
		return new PriceInfo(segment(receipt, 3), price(message.getHigh()), price(message.getLow()),
				price(message.getLast()), message.getTotalVolume(), price(message.getProjectedOpenPrice()),
				price(message.getChange()), price(message.getTotalValue()),
				javaEnum(message.getMarketStatus(), MarketStatus.class), message.getProjectedOpenVolume(), receipt);
	}

	static Candlestick candlestick(CandlestickV3 message, EventReceipt receipt) {
		String interval = segment(receipt, 4);
		return new Candlestick(segment(receipt, 3), interval.isEmpty() ? message.getInterval() : interval,
				message.getLastSequence(), instant(message.getTime()), price(message.getOpen()),
				price(message.getHigh()), price(message.getLow()), price(message.getClose()), message.getVolume(),
				price(message.getValue()), receipt);
	}

	static EquityExchangeInfo equityExchangeInfo(EquityExchangeInfoV3 message, EventReceipt receipt) {
		EquityExchangeInfoV3.EquityMarketInfoV3 info = message.getMarketInfo();
		return new EquityExchangeInfo(segment(receipt, 3), info.getName(),
				javaEnum(info.getMarketStatus(), EquityMarketStatus.class), price(info.getCurrent()),
				price(info.getHigh()), price(info.getLow()), price(info.getChange()), price(info.getPercentChange()),
				info.getTotalIndexVolume(), price(info.getTotalIndexValue()), receipt);
	}

	static DerivativesExchangeInfo derivativesExchangeInfo(DerivExchangeInfoV3 message, EventReceipt receipt) {
		DerivExchangeInfoV3.DerivMarketInfoV3 info = message.getMarketInfo();
		return new DerivativesExchangeInfo(segment(receipt, 3), info.getName(),
				javaEnum(info.getMarketStatus(), DerivativesMarketStatus.class), info.getTotalVolume(),
				info.getTotalDeal(), info.getOpenInterest(), receipt);
	}

	static EquityOrder equityOrder(OrderEquityV3 message, EventReceipt receipt) {
		return new EquityOrder(message.getVersion(), message.getOrderNo(), message.getExtOrderNo(),
				message.getAccountNo(), localTime(message.getEntryTime()),
				message.hasTradeDate() ? localDate(message.getTradeDate()) : null, message.getSymbol(),
				message.getIsNvdr(), price(message.getPrice()), javaEnum(message.getPriceType(), OrderPriceType.class),
				javaEnum(message.getSide(), EquityOrder.Side.class), message.getVolume(), message.getMatchedVolume(),
				message.getBalanceVolume(), message.getCancelledVolume(), message.getStatus(), message.getCanCancel(),
				message.getCanChangePriceVol(), javaEnum(message.getValid(), OrderValidity.class),
				message.hasUntil() ? localDate(message.getUntil()) : null, message.getCanChangeNvdr(),
				message.getCanChangeIceberg(), message.getCanChangeAccount(), message.getIsTradeReport(), receipt);
	}

	static DerivativesOrder derivativesOrder(OrderDerivV3 message, EventReceipt receipt) {
		return new DerivativesOrder(message.getVersion(), message.getOrderNo(), message.getExtOrderNo(),
				message.getAccountNo(), message.getEnterId(), instant(message.getEntryTime()), message.getSeriesId(),
				javaEnum(message.getSide(), DerivativesOrder.Side.class),
				javaEnum(message.getPosition(), DerivativesOrder.Position.class), price(message.getPrice()),
				javaEnum(message.getPriceType(), OrderPriceType.class), message.getVolume(), message.getBalanceVolume(),
				message.getMatchedVolume(), message.getCancelledVolume(),
				javaEnum(message.getValid(), OrderValidity.class), message.getUntil(), message.getStatus(),
				message.getCanCancel(), message.getCanChange(), message.getCanChangePriceVol(),
				message.getIsTradeReport(), receipt);
	}

	/**
	 * units + nanos × 10⁻⁹ through BigDecimal: exact whatever the signs.
	 */
	static Price price(Money money) {
		return Price.of(BigDecimal.valueOf(money.getUnits()).add(BigDecimal.valueOf(money.getNanos(), 9)));
	}

	private static Instant instant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}

	private static @Nullable LocalDate localDate(Date date) {
		if (date.getYear() == 0 && date.getMonth() == 0 && date.getDay() == 0) {
			return null;
		}
		return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
	}

	private static LocalTime localTime(TimeOfDay time) {
		return LocalTime.of(time.getHours(), time.getMinutes(), time.getSeconds(), time.getNanos());
	}

	/**
	 * The Java constant of the same name; UNDEFINED for the proto's zero value and
	 * UNKNOWN for numbers the .proto file does not name.
	 */
	private static <E extends Enum<E>> E javaEnum(ProtocolMessageEnum value, Class<E> type) {
		String name = ((Enum<?>) value).name();
		if (name.equals("UNRECOGNIZED")) {
			return Enum.valueOf(type, "UNKNOWN");
		}
		if (value.getNumber() == 0) {
			return Enum.valueOf(type, "UNDEFINED");
		}
		return Enum.valueOf(type, name);
	}

	/**
	 * A segment of the topic: 3 is the symbol, market or account, 4 the interval of a
	 * candlestick topic.
	 */
	private static String segment(EventReceipt receipt, int index) {
		String[] segments = receipt.topic().split("/");
		return (index < segments.length) ? segments[index] : "";
	}

}
