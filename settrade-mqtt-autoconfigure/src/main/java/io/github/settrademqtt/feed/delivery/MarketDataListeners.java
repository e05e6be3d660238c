package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.Candlestick;
import io.github.settrademqtt.feed.DerivativesExchangeInfo;
import io.github.settrademqtt.feed.DerivativesOrder;
import io.github.settrademqtt.feed.EquityExchangeInfo;
import io.github.settrademqtt.feed.EquityOrder;
import io.github.settrademqtt.feed.MarketDataEvent;
import io.github.settrademqtt.feed.PriceInfo;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.CandlestickListener;
import io.github.settrademqtt.feed.listener.DerivativesExchangeInfoListener;
import io.github.settrademqtt.feed.listener.DerivativesOrderListener;
import io.github.settrademqtt.feed.listener.EquityExchangeInfoListener;
import io.github.settrademqtt.feed.listener.EquityOrderListener;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.feed.listener.PriceInfoListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The application's listener beans, by kind. Each listener is called in isolation: one
 * that throws, an {@link Error} included, is logged and counted, and the others still get
 * the event. Only an error of the virtual machine itself (out of memory, stack overflow)
 * is passed on.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataListeners {

	private static final Log logger = LogFactory.getLog(MarketDataListeners.class);

	private final List<BidOfferListener> bidOffer;

	private final List<PriceInfoListener> priceInfo;

	private final List<CandlestickListener> candlestick;

	private final List<EquityExchangeInfoListener> equityExchangeInfo;

	private final List<DerivativesExchangeInfoListener> derivativesExchangeInfo;

	private final List<EquityOrderListener> equityOrders;

	private final List<DerivativesOrderListener> derivativesOrders;

	private final List<MarketDataListener> all;

	private final RateLimitedLog failures = new RateLimitedLog(logger, "Settrade market data listeners failed", 5,
			Duration.ofMinutes(1), System::nanoTime);

	/**
	 * Create the listeners.
	 * @param bidOffer order book listeners
	 * @param priceInfo price listeners
	 * @param candlestick candlestick listeners
	 * @param equityExchangeInfo equity exchange information listeners
	 * @param derivativesExchangeInfo derivatives exchange information listeners
	 * @param equityOrders equity order listeners
	 * @param derivativesOrders derivatives order listeners
	 * @param all listeners of every kind
	 */
	public MarketDataListeners(List<BidOfferListener> bidOffer, List<PriceInfoListener> priceInfo,
			List<CandlestickListener> candlestick, List<EquityExchangeInfoListener> equityExchangeInfo,
			List<DerivativesExchangeInfoListener> derivativesExchangeInfo, List<EquityOrderListener> equityOrders,
			List<DerivativesOrderListener> derivativesOrders, List<MarketDataListener> all) {
		this.bidOffer = List.copyOf(bidOffer);
		this.priceInfo = List.copyOf(priceInfo);
		this.candlestick = List.copyOf(candlestick);
		this.equityExchangeInfo = List.copyOf(equityExchangeInfo);
		this.derivativesExchangeInfo = List.copyOf(derivativesExchangeInfo);
		this.equityOrders = List.copyOf(equityOrders);
		this.derivativesOrders = List.copyOf(derivativesOrders);
		this.all = List.copyOf(all);
	}

	/**
	 * Return an instance with no listeners.
	 * @return the instance
	 */
	public static MarketDataListeners none() {
		return new MarketDataListeners(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				List.of());
	}

	/**
	 * Hand an event to every listener of its kind and to every listener of all kinds.
	 * @param event the event
	 * @param observer told of each listener that throws
	 */
	void deliver(MarketDataEvent event, FeedObserver observer) {
		if (event instanceof BidOffer bidOffer) {
			each(this.bidOffer, (listener) -> listener.onBidOffer(bidOffer), event, observer);
		}
		else if (event instanceof PriceInfo priceInfo) {
			each(this.priceInfo, (listener) -> listener.onPriceInfo(priceInfo), event, observer);
		}
		else if (event instanceof Candlestick candlestick) {
			each(this.candlestick, (listener) -> listener.onCandlestick(candlestick), event, observer);
		}
		else if (event instanceof EquityExchangeInfo info) {
			each(this.equityExchangeInfo, (listener) -> listener.onEquityExchangeInfo(info), event, observer);
		}
		else if (event instanceof DerivativesExchangeInfo info) {
			each(this.derivativesExchangeInfo, (listener) -> listener.onDerivativesExchangeInfo(info), event, observer);
		}
		else if (event instanceof EquityOrder order) {
			each(this.equityOrders, (listener) -> listener.onEquityOrder(order), event, observer);
		}
		else if (event instanceof DerivativesOrder order) {
			each(this.derivativesOrders, (listener) -> listener.onDerivativesOrder(order), event, observer);
		}
		each(this.all, (listener) -> listener.onMarketData(event), event, observer);
	}

	private <L> void each(List<L> listeners, Consumer<L> call, MarketDataEvent event, FeedObserver observer) {
		for (L listener : listeners) {
			try {
				call.accept(listener);
			}
			catch (Throwable ex) {
				// an AssertionError or a sneaky checked exception is as much the
				// listener's own failure as a RuntimeException
				GuardedSink.rethrowIfFatal(ex);
				observer.listenerFailed(event.kind());
				this.failures.log(() -> "Listener " + listener.getClass().getName() + " failed on " + event.kind().tag()
						+ " '" + event.key() + "'", ex);
			}
		}
	}

	/**
	 * Return whether there are no listeners at all.
	 * @return whether empty
	 */
	boolean isEmpty() {
		return this.bidOffer.isEmpty() && this.priceInfo.isEmpty() && this.candlestick.isEmpty()
				&& this.equityExchangeInfo.isEmpty() && this.derivativesExchangeInfo.isEmpty()
				&& this.equityOrders.isEmpty() && this.derivativesOrders.isEmpty() && this.all.isEmpty();
	}

	/**
	 * Return how many times a listener threw.
	 * @return the count
	 */
	public long getFailureCount() {
		return this.failures.count();
	}

}
