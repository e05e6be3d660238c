package io.github.settrademqtt.feed.listener;

import io.github.settrademqtt.feed.BidOffer;

/**
 * Receives ten-level order books (BidOfferV3). Declare beans of this type; they are
 * called on the feed's delivery threads, never on the MQTT client's, one message at a
 * time per topic. When a listener falls behind, it gets the newest book of each symbol
 * and the books in between are skipped (and counted).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface BidOfferListener {

	/**
	 * Handle one order book. An exception is logged and counted, and stops neither other
	 * listeners nor the feed.
	 * @param bidOffer the event
	 */
	void onBidOffer(BidOffer bidOffer);

}
