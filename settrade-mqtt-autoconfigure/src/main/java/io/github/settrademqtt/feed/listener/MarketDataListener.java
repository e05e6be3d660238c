package io.github.settrademqtt.feed.listener;

import io.github.settrademqtt.feed.MarketDataEvent;

/**
 * Receives every decoded event of every kind. Declare beans of this type; they are called
 * on the feed's delivery threads, never on the MQTT client's, one message at a time per
 * topic. Snapshot kinds (books, prices, candles, exchange information) are conflated per
 * topic when a listener falls behind; order updates never are.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface MarketDataListener {

	/**
	 * Handle one event. An exception is logged and counted, and stops neither other
	 * listeners nor the feed.
	 * @param event the event
	 */
	void onMarketData(MarketDataEvent event);

}
