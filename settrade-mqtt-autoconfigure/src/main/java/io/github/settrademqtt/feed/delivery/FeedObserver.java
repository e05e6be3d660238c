package io.github.settrademqtt.feed.delivery;

import io.github.settrademqtt.feed.DecodeObserver;
import io.github.settrademqtt.feed.MarketDataKind;

/**
 * Told what happens to messages on their way to the application, for metrics. Called on
 * the MQTT client's and the delivery threads: implementations must be quick and must not
 * throw.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface FeedObserver extends DecodeObserver {

	/**
	 * An observer that ignores everything.
	 */
	FeedObserver NONE = new FeedObserver() {
	};

	/**
	 * A message of a known kind arrived from the connection, before it is decoded.
	 * @param kind the kind of its topic
	 */
	default void received(MarketDataKind<?, ?> kind) {
	}

	/**
	 * A payload could not be decoded and was dropped.
	 * @param kind the kind of its topic
	 */
	default void decodeFailed(MarketDataKind<?, ?> kind) {
	}

	/**
	 * A snapshot was replaced by a newer one of the same topic before a consumer took it.
	 * @param kind the kind of its topic
	 */
	default void conflated(MarketDataKind<?, ?> kind) {
	}

	/**
	 * An order update was dropped because the bounded queue was full.
	 * @param kind the kind of its topic
	 */
	default void dropped(MarketDataKind<?, ?> kind) {
	}

	/**
	 * A message was still waiting for delivery when delivery stopped, and was discarded.
	 * @param kind the kind of its topic
	 */
	default void discarded(MarketDataKind<?, ?> kind) {
	}

	/**
	 * A listener or channel subscriber threw.
	 * @param kind the kind of the event
	 */
	default void listenerFailed(MarketDataKind<?, ?> kind) {
	}

	/**
	 * An event reached the application.
	 * @param kind the kind of the event
	 * @param latencyNanos how long after it arrived, in nanoseconds
	 */
	default void delivered(MarketDataKind<?, ?> kind, long latencyNanos) {
	}

}
