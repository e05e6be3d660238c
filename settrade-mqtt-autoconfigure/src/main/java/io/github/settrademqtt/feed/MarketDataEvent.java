package io.github.settrademqtt.feed;

/**
 * A decoded Settrade market data or order message. Implementations are immutable records.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface MarketDataEvent {

	/**
	 * Return the kind of topic this event arrived on.
	 * @return the kind
	 */
	MarketDataKind<?, ?> kind();

	/**
	 * Return the key of the topic this event arrived on: the symbol, market or account.
	 * @return the key
	 */
	String key();

	/**
	 * Return when and on which connection this event arrived.
	 * @return the receipt
	 */
	EventReceipt receipt();

}
