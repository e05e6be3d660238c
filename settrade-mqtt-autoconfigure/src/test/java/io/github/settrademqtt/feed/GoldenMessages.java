package io.github.settrademqtt.feed;

import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.CandlestickV3;
import io.github.settrademqtt.test.proto.Date;
import io.github.settrademqtt.test.proto.DerivExchangeInfoV3;
import io.github.settrademqtt.test.proto.DerivExchangeInfoV3.DerivMarketInfoV3;
import io.github.settrademqtt.test.proto.EquityExchangeInfoV3;
import io.github.settrademqtt.test.proto.EquityExchangeInfoV3.EquityMarketInfoV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.OrderDerivV3;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.github.settrademqtt.test.proto.TimeOfDay;
import io.github.settrademqtt.test.proto.Timestamp;

import static io.github.settrademqtt.feed.FeedFixtures.money;

/**
 * Fully populated messages, built with the generated classes: every field set to a value
 * other than its default, prices of both signs (negative ones with negative nanos), at
 * the limits of int64, and ten distinct levels per side of the book.
 */
final class GoldenMessages {

	static final String[] BID_PRICES = { "63.25", "63", "62.75", "62.5", "62.25", "-1.5", "-0.000000001",
			"92233720368.547758807", "0.5", "-9223372036854775807.999999999" };

	static final String[] ASK_PRICES = { "63.5", "63.75", "64", "64.25", "64.5", "64.75", "65", "65.25", "65.5",
			"-0.25" };

	static final long[] BID_VOLUMES = { 100, 200, 300, 400, 500, 600, 700, 800, 900, Long.MAX_VALUE };

	static final long[] ASK_VOLUMES = { 1_100, 1_200, 1_300, 1_400, 1_500, 1_600, 1_700, 1_800, 1_900, 2_000 };

	private GoldenMessages() {
	}

	static BidOfferV3 bidOffer() {
		return BidOfferV3.newBuilder()
			.setSymbol(FeedFixtures.SYMBOL)
			.setBidPrice1(money(BID_PRICES[0]))
			.setBidPrice2(money(BID_PRICES[1]))
			.setBidPrice3(money(BID_PRICES[2]))
			.setBidPrice4(money(BID_PRICES[3]))
			.setBidPrice5(money(BID_PRICES[4]))
			.setBidPrice6(money(BID_PRICES[5]))
			.setBidPrice7(money(BID_PRICES[6]))
			.setBidPrice8(money(BID_PRICES[7]))
			.setBidPrice9(money(BID_PRICES[8]))
			.setBidPrice10(money(BID_PRICES[9]))
			.setAskPrice1(money(ASK_PRICES[0]))
			.setAskPrice2(money(ASK_PRICES[1]))
			.setAskPrice3(money(ASK_PRICES[2]))
			.setAskPrice4(money(ASK_PRICES[3]))
			.setAskPrice5(money(ASK_PRICES[4]))
			.setAskPrice6(money(ASK_PRICES[5]))
			.setAskPrice7(money(ASK_PRICES[6]))
			.setAskPrice8(money(ASK_PRICES[7]))
			.setAskPrice9(money(ASK_PRICES[8]))
			.setAskPrice10(money(ASK_PRICES[9]))
			.setBidVolume1(BID_VOLUMES[0])
			.setBidVolume2(BID_VOLUMES[1])
			.setBidVolume3(BID_VOLUMES[2])
			.setBidVolume4(BID_VOLUMES[3])
			.setBidVolume5(BID_VOLUMES[4])
			.setBidVolume6(BID_VOLUMES[5])
			.setBidVolume7(BID_VOLUMES[6])
			.setBidVolume8(BID_VOLUMES[7])
			.setBidVolume9(BID_VOLUMES[8])
			.setBidVolume10(BID_VOLUMES[9])
			.setAskVolume1(ASK_VOLUMES[0])
			.setAskVolume2(ASK_VOLUMES[1])
			.setAskVolume3(ASK_VOLUMES[2])
			.setAskVolume4(ASK_VOLUMES[3])
			.setAskVolume5(ASK_VOLUMES[4])
			.setAskVolume6(ASK_VOLUMES[5])
			.setAskVolume7(ASK_VOLUMES[6])
			.setAskVolume8(ASK_VOLUMES[7])
			.setAskVolume9(ASK_VOLUMES[8])
			.setAskVolume10(ASK_VOLUMES[9])
			.setBidFlag(BidOfferV3.BidAskFlag.ATO)
			.setAskFlag(BidOfferV3.BidAskFlag.ATC)
			.build();
	}

	static InfoV3 info() {
		return InfoV3.newBuilder()
			.setSymbol(FeedFixtures.SYMBOL)
			.setHigh(money("64.5"))
			.setLow(money("-62.125"))
			.setLast(money("63.25"))
			.setTotalVolume(12_345_678_900L)
			.setProjectedOpenPrice(money("63.333333333"))
			.setChange(money("-0.75"))
			.setTotalValue(money("780123456.78"))
			.setMarketStatus(InfoV3.SymbolMarketStatus.HALT_E)
			.setProjectedOpenVolume(98_765)
			.build();
	}

	static CandlestickV3 candlestick() {
		return CandlestickV3.newBuilder()
			.setSymbol(FeedFixtures.SYMBOL)
			.setInterval("5m")
			.setLastSequence(123_456_789)
			.setTime(Timestamp.newBuilder().setSeconds(1_735_787_045).setNanos(500_000_000))
			.setOpen(money("63"))
			.setHigh(money("64.5"))
			.setLow(money("-1.25"))
			.setClose(money("63.75"))
			.setVolume(5_000_000)
			.setValue(money("318750000.5"))
			.build();
	}

	static EquityExchangeInfoV3 equityExchangeInfo() {
		return EquityExchangeInfoV3.newBuilder()
			.setMarketInfo(EquityMarketInfoV3.newBuilder()
				.setName("SET")
				.setMarketStatus(EquityMarketInfoV3.EquityMarketStatus.OPEN1)
				.setCurrent(money("1400.12"))
				.setHigh(money("1410.5"))
				.setLow(money("1390.01"))
				.setChange(money("-5.5"))
				.setPercentChange(money("-0.39"))
				.setTotalIndexVolume(20_000_000_000L)
				.setTotalIndexValue(money("45000000000.75")))
			.build();
	}

	static DerivExchangeInfoV3 derivativesExchangeInfo() {
		return DerivExchangeInfoV3.newBuilder()
			.setMarketInfo(DerivMarketInfoV3.newBuilder()
				.setName("TFEX")
				.setMarketStatus(DerivMarketInfoV3.DerivMarketStatus.DAY)
				.setTotalVolume(300_000)
				.setTotalDeal(12_345)
				.setOpenInterest(987_654))
			.build();
	}

	static OrderEquityV3 equityOrder() {
		return OrderEquityV3.newBuilder()
			.setVersion(3)
			.setOrderNo("OE123")
			.setExtOrderNo("X987")
			.setAccountNo(FeedFixtures.ACCOUNT)
			.setEntryTime(TimeOfDay.newBuilder().setHours(10).setMinutes(15).setSeconds(30).setNanos(123_456_789))
			.setTradeDate(Date.newBuilder().setYear(2025).setMonth(1).setDay(2))
			.setSymbol(FeedFixtures.SYMBOL)
			.setIsNvdr(true)
			.setPrice(money("63.25"))
			.setPriceType(OrderEquityV3.PriceType.MARKET_TO_LIMIT)
			.setSide(OrderEquityV3.BuySell.SELL)
			.setVolume(1_000)
			.setMatchedVolume(400)
			.setBalanceVolume(500)
			.setCancelledVolume(100)
			.setStatus("M")
			.setCanCancel(true)
			.setCanChangePriceVol(true)
			.setValid(OrderEquityV3.Valid.GTD)
			.setUntil(Date.newBuilder().setYear(2025).setMonth(1).setDay(31))
			.setCanChangeNvdr(true)
			.setCanChangeIceberg(true)
			.setCanChangeAccount(true)
			.setIsTradeReport(true)
			.build();
	}

	static OrderDerivV3 derivativesOrder() {
		return OrderDerivV3.newBuilder()
			.setVersion(7)
			.setOrderNo("OD1")
			.setExtOrderNo("X2")
			.setAccountNo(FeedFixtures.ACCOUNT)
			.setEnterId("trader1")
			.setEntryTime(Timestamp.newBuilder().setSeconds(1_735_787_045).setNanos(250_000_000))
			.setSeriesId("S50H25")
			.setSide(OrderDerivV3.LongShort.LONG_AND_SHORT)
			.setPosition(OrderDerivV3.Position.AUTO)
			.setPrice(money("-3.5"))
			.setPriceType(OrderDerivV3.PriceType.ATC)
			.setVolume(10)
			.setBalanceVolume(4)
			.setMatchedVolume(5)
			.setCancelledVolume(1)
			.setValid(OrderDerivV3.Valid.DAY)
			.setUntil("20250131")
			.setStatus("Matched")
			.setCanCancel(true)
			.setCanChange(true)
			.setCanChangePriceVol(true)
			.setIsTradeReport(true)
			.build();
	}

}
