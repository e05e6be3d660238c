package io.github.settrademqtt.feed;

import java.util.Arrays;
import java.util.List;

import io.github.settrademqtt.feed.MarketDataKind.Delivery;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.CandlestickListener;
import io.github.settrademqtt.feed.listener.DerivativesExchangeInfoListener;
import io.github.settrademqtt.feed.listener.DerivativesOrderListener;
import io.github.settrademqtt.feed.listener.EquityExchangeInfoListener;
import io.github.settrademqtt.feed.listener.EquityOrderListener;
import io.github.settrademqtt.feed.listener.PriceInfoListener;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The table of message kinds: one row per kind, each naming its topic pattern, event
 * type, decoder, delivery and listener type. Decoding, delivery to listeners, meters and
 * headers all read this table; adding a kind is adding its event record, its decoder and
 * a row (see {@code docs/architecture.md}). An application may extend the table with
 * {@link #with(MarketDataKind...)} and declare the result as a bean.
 * <p>
 * The listener interfaces the rows name live in {@code feed.listener}, which needs this
 * package only for the event types: the table is where the two meet.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataKinds {

	/**
	 * Ten-level order book (BidOfferV3), keyed by symbol.
	 */
	public static final MarketDataKind<BidOffer, BidOfferListener> BID_OFFER = MarketDataKind.of("bid-offer",
			"proto/topic/bidofferv3/{symbol}", BidOffer.class, BidOfferDecoder::new, Delivery.LATEST,
			BidOfferListener.class, BidOfferListener::onBidOffer);

	/**
	 * Price information (InfoV3), keyed by symbol.
	 */
	public static final MarketDataKind<PriceInfo, PriceInfoListener> PRICE_INFO = MarketDataKind.of("price-info",
			"proto/topic/infov3/{symbol}", PriceInfo.class, PriceInfoDecoder::new, Delivery.LATEST,
			PriceInfoListener.class, PriceInfoListener::onPriceInfo);

	/**
	 * Candlesticks (CandlestickV3), keyed by symbol and interval.
	 */
	public static final MarketDataKind<Candlestick, CandlestickListener> CANDLESTICK = MarketDataKind.of("candlestick",
			"proto/topic/cdlv3/{symbol}/{interval}", Candlestick.class, CandlestickDecoder::new, Delivery.LATEST,
			CandlestickListener.class, CandlestickListener::onCandlestick);

	/**
	 * Equity exchange information (EquityExchangeInfoV3), keyed by market.
	 */
	public static final MarketDataKind<EquityExchangeInfo, EquityExchangeInfoListener> EQUITY_EXCHANGE_INFO = MarketDataKind
		.of("equity-exchange-info", "proto/topic/exchinfoeqv3/{market}", EquityExchangeInfo.class,
				EquityExchangeInfoDecoder::new, Delivery.LATEST, EquityExchangeInfoListener.class,
				EquityExchangeInfoListener::onEquityExchangeInfo);

	/**
	 * Derivatives exchange information (DerivExchangeInfoV3), keyed by market.
	 */
	public static final MarketDataKind<DerivativesExchangeInfo, DerivativesExchangeInfoListener> DERIVATIVES_EXCHANGE_INFO = MarketDataKind
		.of("derivatives-exchange-info", "proto/topic/exchinfodvv3/{market}", DerivativesExchangeInfo.class,
				DerivativesExchangeInfoDecoder::new, Delivery.LATEST, DerivativesExchangeInfoListener.class,
				DerivativesExchangeInfoListener::onDerivativesExchangeInfo);

	/**
	 * Equity order updates (OrderEquityV3), keyed by account.
	 */
	public static final MarketDataKind<EquityOrder, EquityOrderListener> EQUITY_ORDERS = MarketDataKind.of(
			"equity-orders", "proto/ua/_broker/{account}/_front/ordereqv3", EquityOrder.class, EquityOrderDecoder::new,
			Delivery.EVERY, EquityOrderListener.class, EquityOrderListener::onEquityOrder);

	/**
	 * Derivatives order updates (OrderDerivV3), keyed by account.
	 */
	public static final MarketDataKind<DerivativesOrder, DerivativesOrderListener> DERIVATIVES_ORDERS = MarketDataKind
		.of("derivatives-orders", "proto/ua/_broker/{account}/_front/orderdvv3", DerivativesOrder.class,
				DerivativesOrderDecoder::new, Delivery.EVERY, DerivativesOrderListener.class,
				DerivativesOrderListener::onDerivativesOrder);

	private static final MarketDataKinds STANDARD = new MarketDataKinds(BID_OFFER, PRICE_INFO, CANDLESTICK,
			EQUITY_EXCHANGE_INFO, DERIVATIVES_EXCHANGE_INFO, EQUITY_ORDERS, DERIVATIVES_ORDERS);

	private final MarketDataKind<?, ?>[] kinds;

	private MarketDataKinds(MarketDataKind<?, ?>... kinds) {
		for (int i = 0; i < kinds.length; i++) {
			MarketDataKind<?, ?> kind = kinds[i];
			Assert.notNull(kind, "'kinds' must not contain null");
			for (int j = 0; j < i; j++) {
				Assert.isTrue(!kinds[j].tag().equals(kind.tag()), () -> "Two kinds are tagged '" + kind.tag() + "'");
				Assert.isTrue(!kinds[j].pattern().equals(kind.pattern()),
						() -> "Two kinds have the pattern '" + kind.pattern() + "'");
			}
		}
		this.kinds = kinds;
	}

	/**
	 * Return the kinds the starter knows.
	 * @return the standard table
	 */
	public static MarketDataKinds standard() {
		return STANDARD;
	}

	/**
	 * Return this table with more kinds.
	 * @param added the kinds to add, each with a tag and pattern of its own
	 * @return a new table
	 */
	public MarketDataKinds with(MarketDataKind<?, ?>... added) {
		MarketDataKind<?, ?>[] kinds = Arrays.copyOf(this.kinds, this.kinds.length + added.length);
		System.arraycopy(added, 0, kinds, this.kinds.length, added.length);
		return new MarketDataKinds(kinds);
	}

	/**
	 * Return the kind of a topic.
	 * @param topic the topic
	 * @return the kind, or {@code null} for a topic no row describes
	 */
	public @Nullable MarketDataKind<?, ?> of(String topic) {
		for (MarketDataKind<?, ?> kind : this.kinds) {
			if (kind.matches(topic)) {
				return kind;
			}
		}
		return null;
	}

	/**
	 * Return the position of a kind in this table, for arrays indexed by kind.
	 * @param kind the kind
	 * @return its index, or -1 when it is not in this table
	 */
	public int indexOf(MarketDataKind<?, ?> kind) {
		for (int i = 0; i < this.kinds.length; i++) {
			if (this.kinds[i] == kind) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Return the kinds, in the order of the table.
	 * @return the kinds
	 */
	public List<MarketDataKind<?, ?>> all() {
		return List.of(this.kinds);
	}

	/**
	 * Return how many kinds the table has.
	 * @return the number of rows
	 */
	public int size() {
		return this.kinds.length;
	}

	@Override
	public String toString() {
		return "MarketDataKinds" + Arrays.stream(this.kinds).map(MarketDataKind::tag).toList();
	}

}
