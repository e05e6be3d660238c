package io.github.settrademqtt.test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import io.github.settrademqtt.test.market.MarketMessages;
import io.github.settrademqtt.test.market.PacedPublisher;
import io.github.settrademqtt.test.market.SimulatedSymbol;
import org.jspecify.annotations.Nullable;

/**
 * Realistic market data for a {@link SettradeSimulator}'s MQTT clients: for each symbol,
 * BidOfferV3 on {@code proto/topic/bidofferv3/<SYMBOL>} and InfoV3 on
 * {@code proto/topic/infov3/<SYMBOL>}, encoded as the live service does. Prices walk by
 * one SET tick at a time; every message carries a per-topic sequence number (see
 * {@link SimulatorPayloads#sequence(byte[])}), so that a test can check a client for loss
 * and duplicates.
 * <p>
 * Messages are published continuously, for chosen symbols by {@link #start(List, double)}
 * or for whatever the clients subscribe to by {@link #startForSubscriptions(double)}, or
 * one at a time on demand. Thread safe; {@link SettradeSimulator#reset()} stops the
 * generator and restarts the sequence numbers.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeSimulator#market()
 */
public final class SimulatorMarket {

	/**
	 * The highest rate {@link #start(List, double)} accepts, per topic.
	 */
	public static final double MAX_MESSAGES_PER_SECOND = 10_000;

	private static final String BID_OFFER_PREFIX = "proto/topic/bidofferv3/";

	private static final String INFO_PREFIX = "proto/topic/infov3/";

	private final SimulatorMqtt mqtt;

	private final Map<String, SimulatedSymbol> symbols = new ConcurrentHashMap<>();

	private final Map<String, TopicSequence> topics = new ConcurrentHashMap<>();

	private @Nullable PacedPublisher generator;

	SimulatorMarket(SimulatorMqtt mqtt) {
		this.mqtt = mqtt;
	}

	/**
	 * Returns the BidOfferV3 topic of a symbol.
	 * @param symbol the symbol, in any case
	 * @return {@code proto/topic/bidofferv3/<SYMBOL>}
	 */
	public static String bidOfferTopic(String symbol) {
		return BID_OFFER_PREFIX + normalize(symbol);
	}

	/**
	 * Returns the InfoV3 topic of a symbol.
	 * @param symbol the symbol, in any case
	 * @return {@code proto/topic/infov3/<SYMBOL>}
	 */
	public static String infoTopic(String symbol) {
		return INFO_PREFIX + normalize(symbol);
	}

	/**
	 * Starts publishing BidOfferV3 and InfoV3 for every symbol, each topic at
	 * {@code messagesPerSecondPerTopic}, evenly paced, on one thread of its own.
	 * @param symbols the symbols (upper-cased, as Settrade's are)
	 * @param messagesPerSecondPerTopic the rate of each topic, above zero and at most
	 * {@link #MAX_MESSAGES_PER_SECOND}
	 * @throws IllegalStateException when already started
	 */
	public synchronized void start(List<String> symbols, double messagesPerSecondPerTopic) {
		Objects.requireNonNull(symbols, "'symbols' must not be null");
		if (symbols.isEmpty()) {
			throw new IllegalArgumentException("'symbols' must not be empty");
		}
		List<Runnable> publications = new ArrayList<>();
		for (String symbol : new LinkedHashSet<>(symbols)) {
			String normalized = normalize(symbol);
			publications.add(() -> publishBidOffer(normalized));
			publications.add(() -> publishInfo(normalized));
		}
		startGenerator(publications, messagesPerSecondPerTopic);
	}

	/**
	 * Starts publishing on every BidOfferV3 and InfoV3 topic some client is subscribed to
	 * ({@code proto/topic/bidofferv3/<SYMBOL>}, {@code proto/topic/infov3/<SYMBOL>}),
	 * each at {@code messagesPerSecondPerTopic}, on one thread of its own. Topics are
	 * followed as clients subscribe, unsubscribe and go: nothing is published before the
	 * first subscription. Filters with wildcards name no symbol and are skipped.
	 * {@link EmbeddedSettrade @EmbeddedSettrade} starts the generator this way.
	 * @param messagesPerSecondPerTopic the rate of each topic, above zero and at most
	 * {@link #MAX_MESSAGES_PER_SECOND}
	 * @throws IllegalStateException when already started
	 */
	public synchronized void startForSubscriptions(double messagesPerSecondPerTopic) {
		startGenerator(List.of(() -> publishSubscribed(BID_OFFER_PREFIX, this::publishBidOffer),
				() -> publishSubscribed(INFO_PREFIX, this::publishInfo)), messagesPerSecondPerTopic);
	}

	private void startGenerator(List<Runnable> publications, double messagesPerSecondPerTopic) {
		if (!(messagesPerSecondPerTopic > 0 && messagesPerSecondPerTopic <= MAX_MESSAGES_PER_SECOND)) {
			throw new IllegalArgumentException(
					"'messagesPerSecondPerTopic' must be above 0 and at most " + MAX_MESSAGES_PER_SECOND);
		}
		if (this.generator != null) {
			throw new IllegalStateException("Market generator is already running (@EmbeddedSettrade starts one "
					+ "unless its rate is 0): stop it first");
		}
		this.generator = new PacedPublisher(publications, messagesPerSecondPerTopic);
	}

	/**
	 * Publishes one message on each topic of a kind that a client is subscribed to now.
	 */
	private void publishSubscribed(String prefix, Consumer<String> publisher) {
		for (String filter : this.mqtt.subscribedTopics()) {
			if (filter.startsWith(prefix)) {
				String symbol = filter.substring(prefix.length());
				if (isSymbol(symbol)) {
					publisher.accept(symbol);
				}
			}
		}
	}

	/**
	 * Stops the generator; returns once its thread is gone. Does nothing when not
	 * running.
	 */
	public synchronized void stop() {
		PacedPublisher generator = this.generator;
		this.generator = null;
		if (generator != null) {
			generator.stop();
		}
	}

	/**
	 * Returns whether the generator is running.
	 * @return whether the generator is running
	 */
	public synchronized boolean isRunning() {
		return this.generator != null;
	}

	/**
	 * Publishes one BidOfferV3 for a symbol now, with the next sequence number of its
	 * topic.
	 * @param symbol the symbol
	 */
	public void publishBidOffer(String symbol) {
		SimulatedSymbol market = symbol(symbol);
		publish(bidOfferTopic(symbol), (sequence) -> MarketMessages.bidOffer(market.nextBidOffer(), sequence));
	}

	/**
	 * Publishes one InfoV3 for a symbol now, with the next sequence number of its topic.
	 * @param symbol the symbol
	 */
	public void publishInfo(String symbol) {
		SimulatedSymbol market = symbol(symbol);
		publish(infoTopic(symbol), (sequence) -> MarketMessages.info(market.nextInfo(), sequence));
	}

	/**
	 * Returns how many messages were published on a topic, whether anyone was subscribed
	 * or not.
	 * @param topic the topic name
	 * @return the count since the last reset
	 */
	public long published(String topic) {
		TopicSequence sequence = this.topics.get(topic);
		return (sequence != null) ? sequence.published() : 0;
	}

	/**
	 * Returns the sequence number of the last message published on a topic.
	 * @param topic the topic name
	 * @return the last sequence number, 0 when none was published since the last reset
	 */
	public long lastSequence(String topic) {
		TopicSequence sequence = this.topics.get(topic);
		return (sequence != null) ? sequence.last() : 0;
	}

	/**
	 * Stops the generator and restarts every topic's sequence at 1. The symbols keep
	 * their prices.
	 */
	void reset() {
		stop();
		this.topics.clear();
	}

	private SimulatedSymbol symbol(String symbol) {
		return this.symbols.computeIfAbsent(normalize(symbol), SimulatedSymbol::new);
	}

	private void publish(String topic, LongFunction<byte[]> message) {
		this.topics.computeIfAbsent(topic, (key) -> new TopicSequence())
			.publish(message, (payload) -> this.mqtt.publish(topic, payload));
	}

	private static String normalize(String symbol) {
		Objects.requireNonNull(symbol, "'symbol' must not be null");
		String normalized = symbol.strip().toUpperCase(Locale.ROOT);
		if (!isSymbol(normalized)) {
			throw new IllegalArgumentException("'symbol' must be a non-empty symbol without '/', '+' or '#'");
		}
		return normalized;
	}

	/**
	 * Whether a topic level names one symbol as Settrade writes it: upper case, no
	 * wildcard, no further level.
	 */
	private static boolean isSymbol(String level) {
		return !level.isEmpty() && level.equals(level.strip().toUpperCase(Locale.ROOT))
				&& level.chars().noneMatch((c) -> c == '/' || c == '+' || c == '#');
	}

	@Override
	public String toString() {
		return "SimulatorMarket[running=" + isRunning() + ", topics=" + Set.copyOf(this.topics.keySet()) + "]";
	}

	/**
	 * The sequence of one topic. Numbering and publishing happen under one lock, so that
	 * on-demand and generated messages of a topic reach the broker in sequence order.
	 */
	private static final class TopicSequence {

		private long last;

		synchronized void publish(LongFunction<byte[]> message, Consumer<byte[]> sink) {
			long sequence = this.last + 1;
			sink.accept(message.apply(sequence));
			this.last = sequence;
		}

		synchronized long last() {
			return this.last;
		}

		synchronized long published() {
			return this.last;
		}

	}

}
