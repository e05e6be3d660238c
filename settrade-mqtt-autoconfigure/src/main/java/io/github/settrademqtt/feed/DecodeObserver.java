package io.github.settrademqtt.feed;

/**
 * Told about payloads that decode but deserve attention, for logging and metrics. Called
 * on the decoding thread: implementations must be quick. An exception thrown here fails
 * the decode with a {@link MarketDataDecodeException}.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface DecodeObserver {

	/**
	 * An observer that ignores everything.
	 */
	DecodeObserver NONE = new DecodeObserver() {
	};

	/**
	 * An enum field carried a number this version does not know; the event holds
	 * {@code UNKNOWN} instead. Usually means Settrade added a value.
	 * @param kind the kind of the topic
	 * @param field the protobuf name of the field, such as {@code market_status}
	 * @param number the number received
	 */
	default void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
	}

	/**
	 * The symbol in the payload differs from the symbol in the topic; the event carries
	 * the topic's.
	 * @param kind the kind of the topic
	 * @param topicSymbol the symbol in the topic
	 * @param payloadSymbol the symbol in the payload
	 */
	default void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
	}

}
