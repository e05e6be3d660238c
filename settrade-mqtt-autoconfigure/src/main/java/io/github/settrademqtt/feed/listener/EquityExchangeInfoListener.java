package io.github.settrademqtt.feed.listener;

import io.github.settrademqtt.feed.EquityExchangeInfo;

/**
 * Receives equity exchange information (EquityExchangeInfoV3). Declare beans of this
 * type; they are called on the feed's delivery threads, never on the MQTT client's, one
 * message at a time per topic. When a listener falls behind, it gets the newest of each
 * market and those in between are skipped (and counted).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface EquityExchangeInfoListener {

	/**
	 * Handle one exchange update. An exception is logged and counted, and stops neither
	 * other listeners nor the feed.
	 * @param exchangeInfo the event
	 */
	void onEquityExchangeInfo(EquityExchangeInfo exchangeInfo);

}
