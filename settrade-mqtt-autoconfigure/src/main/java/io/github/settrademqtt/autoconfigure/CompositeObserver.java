package io.github.settrademqtt.autoconfigure;

import java.util.List;

import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.delivery.FeedObserver;

/**
 * Tells every {@link FeedObserver} bean what the delivery does. The connection and the
 * login service publish application events instead, which reach every listener bean
 * without one.
 *
 * @author settrade-mqtt
 */
final class CompositeObserver implements FeedObserver {

	private final List<FeedObserver> feed;

	private CompositeObserver(List<FeedObserver> feed) {
		this.feed = List.copyOf(feed);
	}

	static FeedObserver ofFeed(List<? extends FeedObserver> observers) {
		return (observers.size() == 1) ? observers.get(0) : new CompositeObserver(List.copyOf(observers));
	}

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		this.feed.forEach((observer) -> observer.unknownEnum(kind, field, number));
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		this.feed.forEach((observer) -> observer.symbolMismatch(kind, topicSymbol, payloadSymbol));
	}

	@Override
	public void received(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.received(kind));
	}

	@Override
	public void decodeFailed(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.decodeFailed(kind));
	}

	@Override
	public void conflated(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.conflated(kind));
	}

	@Override
	public void dropped(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.dropped(kind));
	}

	@Override
	public void discarded(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.discarded(kind));
	}

	@Override
	public void listenerFailed(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.listenerFailed(kind));
	}

	@Override
	public void delivered(MarketDataKind<?, ?> kind, long latencyNanos) {
		this.feed.forEach((observer) -> observer.delivered(kind, latencyNanos));
	}

}
