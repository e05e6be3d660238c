package io.github.settrademqtt.feed;

/**
 * Decodes the payload of one kind of Settrade topic into an event. Implementations are
 * thread safe and read the protobuf wire format directly; unknown fields are skipped,
 * missing ones take their protobuf defaults.
 *
 * @param <T> the type of event
 * @author settrade-mqtt
 * @since 0.1.0
 * @see MarketDataDecoders
 */
@FunctionalInterface
public interface MarketDataDecoder<T extends MarketDataEvent> {

	/**
	 * Decode a payload.
	 * @param payload the payload as received
	 * @param receipt when, where and on which connection it arrived
	 * @return the event
	 * @throws MarketDataDecodeException if the payload cannot be decoded, whatever its
	 * content
	 */
	T decode(byte[] payload, EventReceipt receipt);

}
