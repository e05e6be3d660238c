package io.github.settrademqtt.test.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.settrademqtt.test.market.SymbolTopics;
import reactor.util.Logger;
import reactor.util.Loggers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports subscriptions to unknown symbols the way Settrade does: the subscription is
 * granted, then a message naming it goes out on {@link #TOPIC}. Called on the broker's
 * interceptor thread once a subscription was acknowledged; thread safe.
 *
 * @author settrade-mqtt
 */
public final class SubscriptionErrors {

	/**
	 * The topic Settrade reports subscription errors on.
	 */
	public static final String TOPIC = "$sys/u/_broker/_uref/error/subscribe";

	private static final Logger logger = Loggers.getLogger(SubscriptionErrors.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Function<String, String> DEFAULT_PAYLOAD = SubscriptionErrors::json;

	private final Set<String> unknown = ConcurrentHashMap.newKeySet();

	private final AtomicLong sent = new AtomicLong();

	private volatile Function<String, String> payload = DEFAULT_PAYLOAD;

	public void add(Collection<String> symbols) {
		this.unknown.addAll(symbols);
	}

	public void clearSymbols() {
		this.unknown.clear();
	}

	public Set<String> symbols() {
		return Set.copyOf(this.unknown);
	}

	public void payload(Function<String, String> payload) {
		this.payload = Objects.requireNonNull(payload, "'payload' must not be null");
	}

	public long sent() {
		return this.sent.get();
	}

	/**
	 * Forgets the unknown symbols, restores the default payload and zeroes the count.
	 */
	public void reset() {
		this.unknown.clear();
		this.payload = DEFAULT_PAYLOAD;
		this.sent.set(0);
	}

	/**
	 * Reports a granted subscription when it names an unknown symbol.
	 * @param topicFilter the filter subscribed to
	 * @param publisher publishes a payload on a topic
	 */
	void subscribed(String topicFilter, BiConsumer<String, byte[]> publisher) {
		String symbol = SymbolTopics.symbol(topicFilter);
		if (symbol == null || !this.unknown.contains(symbol)) {
			return;
		}
		String text;
		try {
			text = this.payload.apply(topicFilter);
		}
		catch (RuntimeException ex) {
			logger.warn("Subscription error payload function failed with {}", ex.getClass().getName());
			return;
		}
		if (text == null) {
			logger.warn("Subscription error payload function returned null: no error sent");
			return;
		}
		publisher.accept(TOPIC, text.getBytes(StandardCharsets.UTF_8));
		this.sent.incrementAndGet();
		logger.debug("Subscription error sent for unknown symbol {}", symbol);
	}

	private static String json(String topicFilter) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("code", "SUBSCRIBE_ERROR");
		body.put("message", "Symbol " + SymbolTopics.symbol(topicFilter) + " not found");
		body.put("topic", topicFilter);
		return MAPPER.writeValueAsString(body);
	}

	@Override
	public String toString() {
		return "SubscriptionErrors[unknownSymbols=" + symbols() + ", sent=" + sent() + "]";
	}

}
