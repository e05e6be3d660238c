package io.github.settrademqtt.feed;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.springframework.util.Assert;

/**
 * One kind of Settrade realtime message: the topics it arrives on, the event it decodes
 * to, its decoder, how it is delivered and the listener beans that get it. The kinds the
 * starter knows are the rows of {@link MarketDataKinds}; an application may add its own
 * there.
 * <p>
 * A topic pattern is literal text with a variable in braces for the key, such as
 * {@code proto/topic/bidofferv3/{symbol}}; a variable may follow the key
 * ({@code proto/topic/cdlv3/{symbol}/{interval}}) or literal text
 * ({@code proto/ua/_broker/{account}/_front/ordereqv3}). A topic is of this kind when it
 * starts with the text before the key and, if the pattern ends in literal text, ends with
 * it. The key runs from there to that literal ending, or else to the next {@code /}.
 *
 * @param <E> the type of event
 * @param <L> the type of listener of this kind
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataKind<E extends MarketDataEvent, L> {

	private final String tag;

	private final String pattern;

	private final String prefix;

	private final String suffix;

	private final Class<E> eventType;

	private final Function<DecodeObserver, ? extends MarketDataDecoder<E>> decoders;

	private final Delivery delivery;

	private final Class<L> listenerType;

	private final BiConsumer<? super L, ? super E> listenerMethod;

	private MarketDataKind(String tag, String pattern, Class<E> eventType,
			Function<DecodeObserver, ? extends MarketDataDecoder<E>> decoders, Delivery delivery, Class<L> listenerType,
			BiConsumer<? super L, ? super E> listenerMethod) {
		Assert.hasText(tag, "'tag' must not be empty");
		Assert.isTrue(tag.equals(tag.toLowerCase(Locale.ROOT)) && tag.indexOf(' ') < 0,
				() -> "'tag' must be lower case without spaces: '" + tag + "'");
		Assert.notNull(eventType, "'eventType' must not be null");
		Assert.notNull(decoders, "'decoders' must not be null");
		Assert.notNull(delivery, "'delivery' must not be null");
		Assert.notNull(listenerType, "'listenerType' must not be null");
		Assert.notNull(listenerMethod, "'listenerMethod' must not be null");
		int open = pattern.indexOf('{');
		int close = pattern.indexOf('}', open + 1);
		Assert.isTrue(open > 0 && close > open + 1 && pattern.charAt(open - 1) == '/',
				() -> "'pattern' must have a key variable after a '/', such as 'proto/topic/x/{symbol}': '" + pattern
						+ "'");
		String rest = pattern.substring(close + 1);
		Assert.isTrue(rest.isEmpty() || rest.startsWith("/"),
				() -> "'pattern' must have a '/' after the key variable: '" + pattern + "'");
		this.tag = tag;
		this.pattern = pattern;
		this.prefix = pattern.substring(0, open);
		this.suffix = (rest.indexOf('{') < 0) ? rest : "";
		this.eventType = eventType;
		this.decoders = decoders;
		this.delivery = delivery;
		this.listenerType = listenerType;
		this.listenerMethod = listenerMethod;
	}

	/**
	 * Describe a kind.
	 * @param <E> the type of event
	 * @param tag its name as a meter tag and header value, lower case such as
	 * {@code bid-offer}
	 * @param pattern its topic pattern, such as {@code proto/topic/bidofferv3/{symbol}}
	 * @param eventType the type of event it decodes to
	 * @param decoders makes its decoder, given the observer it reports to
	 * @param delivery how its messages reach listeners
	 * @param listenerType the type of its listener beans, such as
	 * {@link io.github.settrademqtt.feed.listener.BidOfferListener}
	 * @param listenerMethod calls a listener with an event, such as
	 * {@code BidOfferListener::onBidOffer}
	 * @param <L> the type of listener
	 * @return the kind
	 */
	public static <E extends MarketDataEvent, L> MarketDataKind<E, L> of(String tag, String pattern, Class<E> eventType,
			Function<DecodeObserver, ? extends MarketDataDecoder<E>> decoders, Delivery delivery, Class<L> listenerType,
			BiConsumer<? super L, ? super E> listenerMethod) {
		return new MarketDataKind<>(tag, pattern, eventType, decoders, delivery, listenerType, listenerMethod);
	}

	/**
	 * Return the name of this kind as a meter tag or header value.
	 * @return the tag, such as {@code bid-offer}
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Return the topic pattern.
	 * @return the pattern, such as {@code proto/topic/bidofferv3/{symbol}}
	 */
	public String pattern() {
		return this.pattern;
	}

	/**
	 * Return the type of event this kind decodes to.
	 * @return the event type
	 */
	public Class<E> eventType() {
		return this.eventType;
	}

	/**
	 * Return how messages of this kind reach listeners.
	 * @return the delivery
	 */
	public Delivery delivery() {
		return this.delivery;
	}

	/**
	 * Return the type of this kind's listener beans.
	 * @return the listener type
	 */
	public Class<L> listenerType() {
		return this.listenerType;
	}

	/**
	 * Hand an event of this kind to one of its listeners.
	 * @param listener the listener
	 * @param event the event
	 * @throws ClassCastException if the event is not of this kind's event type
	 */
	public void call(L listener, MarketDataEvent event) {
		this.listenerMethod.accept(listener, this.eventType.cast(event));
	}

	/**
	 * Make a decoder of this kind.
	 * @param observer told about unknown enum numbers and symbol mismatches
	 * @return the decoder
	 */
	public MarketDataDecoder<E> decoder(DecodeObserver observer) {
		return this.decoders.apply(observer);
	}

	/**
	 * Return whether a topic is of this kind. Allocates nothing.
	 * @param topic the topic
	 * @return whether it matches the pattern
	 */
	public boolean matches(String topic) {
		return topic.startsWith(this.prefix) && topic.endsWith(this.suffix);
	}

	/**
	 * Return the topic of this kind for the given values of its variables, key first.
	 * Each value is checked for characters that would make it a wildcard or another
	 * topic.
	 * @param values the values, one per variable in the pattern
	 * @return the topic
	 * @throws IllegalArgumentException if a value is empty, contains {@code /},
	 * {@code +}, {@code #} or white space, or there are not as many as variables
	 */
	public String topic(String... values) {
		StringBuilder topic = new StringBuilder(this.pattern.length() + 16);
		int from = 0;
		int value = 0;
		for (int open = this.pattern.indexOf('{'); open >= 0; open = this.pattern.indexOf('{', from)) {
			int close = this.pattern.indexOf('}', open);
			String name = this.pattern.substring(open + 1, close);
			Assert.isTrue(value < values.length, () -> "No value for '" + name + "' in " + this.pattern);
			topic.append(this.pattern, from, open).append(segment(name, values[value++]));
			from = close + 1;
		}
		int given = value;
		Assert.isTrue(given == values.length,
				() -> values.length + " values for " + given + " variables in " + this.pattern);
		return topic.append(this.pattern, from, this.pattern.length()).toString();
	}

	/**
	 * Return the index of the key's first character in a topic of this kind.
	 */
	int keyStart(String topic) {
		return Math.min(this.prefix.length(), topic.length());
	}

	/**
	 * Return where the key ends in a topic of this kind: where the pattern's literal
	 * ending starts, or at the next {@code /}: the index after its last character.
	 */
	int keyEnd(String topic, int start) {
		if (!this.suffix.isEmpty()) {
			return Math.max(start, topic.length() - this.suffix.length());
		}
		int slash = topic.indexOf('/', start);
		return (slash >= 0) ? slash : topic.length();
	}

	/**
	 * Return the key of a topic of this kind: the symbol, market or account.
	 * @param topic the topic
	 * @return the key, empty when the topic has none
	 */
	public String key(String topic) {
		int start = keyStart(topic);
		return topic.substring(start, keyEnd(topic, start));
	}

	private static String segment(String name, String value) {
		Assert.hasText(value, () -> "'" + name + "' must not be empty");
		String segment = value.strip();
		Assert.isTrue(segment.chars().noneMatch((c) -> c == '/' || c == '+' || c == '#' || Character.isWhitespace(c)),
				() -> "'" + name + "' must not contain '/', '+', '#' or white space: '" + segment + "'");
		return segment;
	}

	@Override
	public String toString() {
		return this.tag;
	}

	/**
	 * How the messages of a kind reach listeners.
	 */
	public enum Delivery {

		/**
		 * Each message is a snapshot that supersedes the one before it on its topic: a
		 * listener that falls behind gets the latest, never a backlog (order books,
		 * prices, candlesticks, exchange information).
		 */
		LATEST,

		/**
		 * Every message counts, in the order received (order updates); a bounded queue
		 * stands between the connection and the listeners.
		 */
		EVERY

	}

}
