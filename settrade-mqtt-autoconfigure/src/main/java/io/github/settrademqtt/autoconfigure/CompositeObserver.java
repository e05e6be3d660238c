package io.github.settrademqtt.autoconfigure;

import java.util.List;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.delivery.FeedObserver;

/**
 * Tells every observer bean what the connection and the delivery do. One class for both
 * kinds of observer, since one bean (the metrics) is usually both.
 *
 * @author settrade-mqtt
 */
final class CompositeObserver implements ConnectionObserver, FeedObserver {

	private final List<ConnectionObserver> connection;

	private final List<FeedObserver> feed;

	private CompositeObserver(List<ConnectionObserver> connection, List<FeedObserver> feed) {
		this.connection = List.copyOf(connection);
		this.feed = List.copyOf(feed);
	}

	static ConnectionObserver of(List<? extends ConnectionObserver> observers) {
		return (observers.size() == 1) ? observers.get(0) : new CompositeObserver(List.copyOf(observers), List.of());
	}

	static FeedObserver ofFeed(List<? extends FeedObserver> observers) {
		return (observers.size() == 1) ? observers.get(0) : new CompositeObserver(List.of(), List.copyOf(observers));
	}

	@Override
	public void connectionAttempted(String outcome) {
		this.connection.forEach((observer) -> observer.connectionAttempted(outcome));
	}

	@Override
	public void reconnected(SessionChange change) {
		this.connection.forEach((observer) -> observer.reconnected(change));
	}

	@Override
	public void rotated(RotationOutcome outcome) {
		this.connection.forEach((observer) -> observer.rotated(outcome));
	}

	@Override
	public void rotationFailed(String reason) {
		this.connection.forEach((observer) -> observer.rotationFailed(reason));
	}

	@Override
	public void subscriptionRejected(String topic) {
		this.connection.forEach((observer) -> observer.subscriptionRejected(topic));
	}

	@Override
	public void healed(String action) {
		this.connection.forEach((observer) -> observer.healed(action));
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
	public void listenerFailed(MarketDataKind<?, ?> kind) {
		this.feed.forEach((observer) -> observer.listenerFailed(kind));
	}

	@Override
	public void delivered(MarketDataKind<?, ?> kind, long latencyNanos) {
		this.feed.forEach((observer) -> observer.delivered(kind, latencyNanos));
	}

}
