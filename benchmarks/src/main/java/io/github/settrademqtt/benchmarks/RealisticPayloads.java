package io.github.settrademqtt.benchmarks;

import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.github.settrademqtt.test.proto.Money;

/**
 * Realistic market data, built with the classes protoc generates from the simulator's
 * schema: what the decode benchmark decodes and the feed harnesses publish.
 *
 * @author settrade-mqtt
 */
public final class RealisticPayloads {

	/**
	 * The field a book's number travels in where a listener can read it, on the decoded
	 * event: the volume of the tenth ask level ({@code book.asks().get(9).volume()}).
	 */
	public static final int NUMBER_FIELD = 43;

	/**
	 * The field a price information's number travels in, on the decoded event: the day's
	 * volume ({@code info.totalVolume()}).
	 */
	public static final int INFO_NUMBER_FIELD = 5;

	private RealisticPayloads() {
	}

	/**
	 * A book around 32.50 THB: ten levels a side, 0.25 THB ticks, board lots.
	 * @param symbol the symbol
	 * @return the book
	 */
	public static BidOfferV3 book(String symbol) {
		BidOfferV3.Builder book = BidOfferV3.newBuilder()
			.setSymbol(symbol)
			.setBidFlag(BidOfferV3.BidAskFlag.NORMAL)
			.setAskFlag(BidOfferV3.BidAskFlag.NORMAL);
		long[] bidVolumes = { 152_300, 98_700, 412_000, 35_600, 220_100, 71_400, 503_200, 18_800, 264_900, 91_000 };
		long[] askVolumes = { 87_400, 311_500, 45_200, 198_000, 62_700, 407_300, 129_600, 88_100, 350_500, 24_900 };
		for (int level = 0; level < 10; level++) {
			Money bid = satang(3_250 - 25 * level);
			Money ask = satang(3_275 + 25 * level);
			switch (level) {
				case 0 ->
					book.setBidPrice1(bid).setAskPrice1(ask).setBidVolume1(bidVolumes[0]).setAskVolume1(askVolumes[0]);
				case 1 ->
					book.setBidPrice2(bid).setAskPrice2(ask).setBidVolume2(bidVolumes[1]).setAskVolume2(askVolumes[1]);
				case 2 ->
					book.setBidPrice3(bid).setAskPrice3(ask).setBidVolume3(bidVolumes[2]).setAskVolume3(askVolumes[2]);
				case 3 ->
					book.setBidPrice4(bid).setAskPrice4(ask).setBidVolume4(bidVolumes[3]).setAskVolume4(askVolumes[3]);
				case 4 ->
					book.setBidPrice5(bid).setAskPrice5(ask).setBidVolume5(bidVolumes[4]).setAskVolume5(askVolumes[4]);
				case 5 ->
					book.setBidPrice6(bid).setAskPrice6(ask).setBidVolume6(bidVolumes[5]).setAskVolume6(askVolumes[5]);
				case 6 ->
					book.setBidPrice7(bid).setAskPrice7(ask).setBidVolume7(bidVolumes[6]).setAskVolume7(askVolumes[6]);
				case 7 ->
					book.setBidPrice8(bid).setAskPrice8(ask).setBidVolume8(bidVolumes[7]).setAskVolume8(askVolumes[7]);
				case 8 ->
					book.setBidPrice9(bid).setAskPrice9(ask).setBidVolume9(bidVolumes[8]).setAskVolume9(askVolumes[8]);
				default -> book.setBidPrice10(bid)
					.setAskPrice10(ask)
					.setBidVolume10(bidVolumes[9])
					.setAskVolume10(askVolumes[9]);
			}
		}
		return book.build();
	}

	/**
	 * Price information around 32.50 THB in the open market: the day's range, last,
	 * change, volume and value.
	 * @param symbol the symbol
	 * @return the information
	 */
	public static InfoV3 info(String symbol) {
		return InfoV3.newBuilder()
			.setSymbol(symbol)
			.setHigh(satang(3_325))
			.setLow(satang(3_200))
			.setLast(satang(3_250))
			.setTotalVolume(48_215_300)
			.setChange(satang(50))
			.setTotalValue(satang(156_699_725_000L))
			.setMarketStatus(InfoV3.SymbolMarketStatus.OPEN1_E)
			.build();
	}

	/**
	 * A THB amount, in canonical form.
	 * @param satang the amount in satang (hundredths of a baht)
	 * @return the amount
	 */
	public static Money satang(long satang) {
		return Money.newBuilder()
			.setCurrencyCode("THB")
			.setUnits(satang / 100)
			.setNanos((int) (satang % 100) * 10_000_000)
			.build();
	}

}
