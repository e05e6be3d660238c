package io.github.settrademqtt.feed.listener;

import io.github.settrademqtt.feed.EquityOrder;

/**
 * Receives equity order updates (OrderEquityV3). Declare beans of this type; they are
 * called on the feed's delivery threads, never on the MQTT client's, one message at a
 * time per topic. Order updates are never skipped: they wait in a bounded queue, in
 * arrival order.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface EquityOrderListener {

	/**
	 * Handle one order update. An exception is logged and counted, and stops neither
	 * other listeners nor the feed.
	 * @param order the event
	 */
	void onEquityOrder(EquityOrder order);

}
