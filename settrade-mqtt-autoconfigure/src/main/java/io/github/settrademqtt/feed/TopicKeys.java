package io.github.settrademqtt.feed;

import io.github.settrademqtt.connection.TopicKind;

/**
 * Finds the key (symbol, market or account) in a topic name built by
 * {@link io.github.settrademqtt.connection.SettradeTopics}, without trusting the topic to
 * be well formed.
 *
 * @author settrade-mqtt
 */
final class TopicKeys {

	private TopicKeys() {
	}

	/**
	 * Return where the key starts.
	 * @param kind the kind of the topic
	 * @param topic the topic
	 * @return the index of the key's first character
	 */
	static int start(TopicKind kind, String topic) {
		return Math.min(kind.prefix().length(), topic.length());
	}

	/**
	 * Return where the key ends: the symbol of a candlestick topic ends before the
	 * interval.
	 * @param kind the kind of the topic
	 * @param topic the topic
	 * @param start where the key starts
	 * @return the index after the key's last character
	 */
	static int end(TopicKind kind, String topic, int start) {
		return switch (kind) {
			case CANDLESTICK -> {
				int slash = topic.indexOf('/', start);
				yield (slash >= 0) ? slash : topic.length();
			}
			case EQUITY_ORDERS, DERIVATIVES_ORDERS -> Math.max(start, topic.length() - kind.suffix().length());
			default -> topic.length();
		};
	}

	/**
	 * Return the key of a topic.
	 * @param kind the kind of the topic
	 * @param topic the topic
	 * @return the key, empty when the topic has none
	 */
	static String key(TopicKind kind, String topic) {
		int start = start(kind, topic);
		return topic.substring(start, end(kind, topic, start));
	}

	/**
	 * Return the interval of a candlestick topic.
	 * @param topic the topic
	 * @return the interval, empty when the topic has none
	 */
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
	static String symbol(TopicKind kind, String topic, byte[] payload, int symbolStart, int symbolEnd,
			DecodeObserver observer) {
		int keyStart = start(kind, topic);
		int keyEnd = end(kind, topic, keyStart);
		String symbol = topic.substring(keyStart, keyEnd);
		if (symbolStart >= 0 && !Wire.sameKey(payload, symbolStart, symbolEnd, topic, keyStart, keyEnd)) {
			observer.symbolMismatch(kind, symbol, Wire.string(payload, symbolStart, symbolEnd));
		}
		return symbol;
	}

	static String interval(String topic) {
		int start = start(TopicKind.CANDLESTICK, topic);
		int end = end(TopicKind.CANDLESTICK, topic, start);
		return (end < topic.length()) ? topic.substring(end + 1) : "";
	}

}
