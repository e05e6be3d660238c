package io.github.settrademqtt.feed;

/**
 * Checks the symbol of a topic against its payload and finds a candlestick topic's
 * interval, without trusting the topic to be well formed.
 *
 * @author settrade-mqtt
 */
final class TopicKeys {

	private TopicKeys() {
	}

	/**
	 * Return the symbol of a topic, and report a payload whose own symbol field
	 * disagrees: the topic is what the application subscribed to, so it wins.
	 * @param kind the kind of the topic
	 * @param topic the topic
	 * @param payload the payload
	 * @param symbolStart where the payload's symbol starts, or -1 when it has none
	 * @param symbolEnd where it ends
	 * @param observer told of a mismatch
	 * @return the topic's symbol
	 */
	static String symbol(MarketDataKind<?, ?> kind, String topic, byte[] payload, int symbolStart, int symbolEnd,
			DecodeObserver observer) {
		int keyStart = kind.keyStart(topic);
		int keyEnd = kind.keyEnd(topic, keyStart);
		String symbol = topic.substring(keyStart, keyEnd);
		if (symbolStart >= 0 && !Wire.sameKey(payload, symbolStart, symbolEnd, topic, keyStart, keyEnd)) {
			observer.symbolMismatch(kind, symbol, Wire.string(payload, symbolStart, symbolEnd));
		}
		return symbol;
	}

	/**
	 * Return the interval of a candlestick topic.
	 * @param topic the topic
	 * @return the interval, empty when the topic has none
	 */
	static String interval(String topic) {
		int start = MarketDataKinds.CANDLESTICK.keyStart(topic);
		int end = MarketDataKinds.CANDLESTICK.keyEnd(topic, start);
		return (end < topic.length()) ? topic.substring(end + 1) : "";
	}

}
