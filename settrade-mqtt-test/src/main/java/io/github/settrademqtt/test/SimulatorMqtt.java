package io.github.settrademqtt.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.settrademqtt.test.market.SymbolTopics;
import io.github.settrademqtt.test.mqtt.DeniedSubscriptions;
import io.github.settrademqtt.test.mqtt.MoquetteBroker;
import io.github.settrademqtt.test.mqtt.MqttAdmission;
import io.github.settrademqtt.test.mqtt.MqttConnections;
import io.github.settrademqtt.test.mqtt.SubscriptionErrors;
import org.jspecify.annotations.Nullable;

/**
 * The MQTT side of a {@link SettradeSimulator}: a real MQTT 3.1.1 broker behind
 * {@code wss://localhost:<port>/api/dispatcher/v3/<brokerId>/mqtt} on the simulator's
 * HTTPS port, opened with dispatcher tickets as the live service is. Publishing, what
 * clients hold, the ticket record, and the faults a test can inject. Thread safe.
 * <p>
 * Every connection is closed by the server when the access token its ticket was obtained
 * with expires, as the live service does. Delivery is QoS 0: as with any MQTT broker, a
 * client that cannot keep up loses messages rather than slowing the publisher.
 * <p>
 * The broker is embedded Moquette; it starts with the first connection and logs at
 * {@code INFO} under {@code io.moquette} (one line per published message): set that
 * category to {@code WARN} in the test logging configuration.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeSimulator#mqtt()
 */
public final class SimulatorMqtt {

	/**
	 * The topic subscriptions to {@linkplain #unknownSymbols(String...) unknown symbols}
	 * are reported on, as Settrade's broker does. Clients subscribe to it by name.
	 */
	public static final String SUBSCRIPTION_ERROR_TOPIC = SubscriptionErrors.TOPIC;

	/**
	 * Not a protobuf message: a length-delimited field 1 that announces twenty bytes and
	 * carries three, which every protobuf parser must refuse.
	 */
	private static final byte[] MALFORMED = { 0x0A, 0x14, 'P', 'T', 'T' };

	private final MqttCredentialMode credentialMode;

	private final MoquetteBroker broker;

	private final MqttAdmission admission;

	private final MqttConnections connections;

	private final DeniedSubscriptions deniedSubscriptions;

	private final SubscriptionErrors subscriptionErrors;

	private final Map<String, AtomicLong> malformed = new ConcurrentHashMap<>();

	private final Set<String> silenced = ConcurrentHashMap.newKeySet();

	private final AtomicLong silencedMessages = new AtomicLong();

	SimulatorMqtt(MqttCredentialMode credentialMode, MoquetteBroker broker, MqttAdmission admission,
			MqttConnections connections, DeniedSubscriptions deniedSubscriptions,
			SubscriptionErrors subscriptionErrors) {
		this.credentialMode = credentialMode;
		this.broker = broker;
		this.admission = admission;
		this.connections = connections;
		this.deniedSubscriptions = deniedSubscriptions;
		this.subscriptionErrors = subscriptionErrors;
	}

	/**
	 * Returns where the endpoint expects tickets.
	 * @return the credential mode chosen when the simulator was built
	 */
	public MqttCredentialMode credentialMode() {
		return this.credentialMode;
	}

	/**
	 * Publishes a message at QoS 0, not retained, to every client subscribed to a
	 * matching filter. Nothing is delivered when no client is subscribed, nor when the
	 * topic names a {@linkplain #silenceSymbols(String...) silenced symbol}.
	 * @param topic the topic name, without wildcards
	 * @param payload the payload
	 */
	public void publish(String topic, byte[] payload) {
		requireTopicName(topic);
		Objects.requireNonNull(payload, "'payload' must not be null");
		deliver(topic, payload.clone());
	}

	/**
	 * Returns the number of client connections the endpoint accepted whose socket is
	 * still open, {@linkplain #stallOpenConnections() stalled} ones included: a client
	 * cannot tell them apart until its keep-alive runs out.
	 * @return the number of open connections
	 */
	public int openConnections() {
		return this.connections.openCount();
	}

	/**
	 * Returns the number of open connections that are stalled.
	 * @return the number of stalled connections, at most {@link #openConnections()}
	 * @see #stallOpenConnections()
	 */
	public int stalledConnections() {
		return this.connections.stalledCount();
	}

	/**
	 * Returns the topic filters at least one connected client holds. The broker reports
	 * subscriptions just after it acknowledges them: poll, for example with Awaitility.
	 * @return an immutable snapshot
	 */
	public Set<String> subscribedTopics() {
		return this.broker.subscribedTopics();
	}

	/**
	 * Returns every ticket presented to the endpoint since the last {@link #reset()}, in
	 * order, whatever the outcome: in the {@code Authorization} header or, in
	 * {@link MqttCredentialMode#PASSWORD} mode, as the {@code CONNECT} password. They are
	 * secrets: also listed in {@link SettradeSimulator#issuedSecrets()}.
	 * @return an immutable copy
	 */
	public List<String> presentedTickets() {
		return this.admission.presented();
	}

	/**
	 * Returns the number of connections a ticket opened.
	 * @return the number of accepted connections
	 */
	public long acceptedConnections() {
		return this.admission.accepted();
	}

	/**
	 * Returns the number of connections refused: upgrades answered with {@code 401} and,
	 * in {@link MqttCredentialMode#PASSWORD} mode, {@code CONNECT}s refused with
	 * {@code CONNACK} "bad user name or password" or not sent at all.
	 * @return the number of refused connections
	 */
	public long rejectedUpgrades() {
		return this.admission.rejected();
	}

	/**
	 * Returns the number of connections the server closed because the access token they
	 * were opened with expired.
	 * @return the number of connections closed for expiry
	 */
	public long connectionsClosedForExpiry() {
		return this.connections.closedForExpiry();
	}

	/**
	 * Closes every client connection now, without a WebSocket close frame or anything
	 * else first, as when the service or the network fails. Clients may reconnect at
	 * once.
	 * @return how many connections were closed
	 */
	public int dropAllConnections() {
		return this.connections.dropAll();
	}

	/**
	 * Makes every connection open now half-open, as when a network device in between
	 * loses the connection without telling either end: the client's socket stays open and
	 * its writes succeed, but nothing reaches it any more (no {@code PUBLISH}, no
	 * {@code PINGRESP}, no {@code SUBACK}, no WebSocket close frame) and whatever it
	 * sends is read and dropped. A client only finds out through its keep-alive: Paho,
	 * for one, reports the connection lost ({@code REASON_CODE_CLIENT_TIMEOUT}) about two
	 * keep-alive intervals after the last packet it received. The broker forgets the
	 * client and its subscriptions at once.
	 * <p>
	 * Connections opened later work normally. A stalled connection stays stalled,
	 * whatever {@link #reset()} or token expiry, until the client closes it,
	 * {@link #dropAllConnections()} drops it or the simulator stops; it counts in
	 * {@link #openConnections()} and {@link #stalledConnections()} until then.
	 * @return how many connections were stalled
	 */
	public int stallOpenConnections() {
		return this.connections.stallAll();
	}

	/**
	 * Answers every WebSocket upgrade with {@code 401} for the given time, even with a
	 * good ticket, which is not used up and works once the time is over. The time is real
	 * time, not the simulator clock.
	 * @param duration how long, {@link Duration#ZERO} to stop refusing at once
	 * @return this instance
	 */
	public SimulatorMqtt refuseUpgradesFor(Duration duration) {
		this.admission.refuseFor(duration);
		return this;
	}

	/**
	 * Refuses subscriptions to a topic filter: a {@code SUBSCRIBE} naming it gets the
	 * failure return code {@code 0x80} for it, while the other filters of the same
	 * {@code SUBSCRIBE} are granted. The filter is matched as written: denying
	 * {@code proto/topic/infov3/#} does not deny {@code proto/topic/infov3/PTT}.
	 * Subscriptions held already are kept.
	 * @param topicFilter the topic filter to deny
	 * @return this instance
	 */
	public SimulatorMqtt denySubscriptions(String topicFilter) {
		if (topicFilter == null || topicFilter.isEmpty()) {
			throw new IllegalArgumentException("'topicFilter' must not be empty");
		}
		this.deniedSubscriptions.deny(topicFilter);
		return this;
	}

	/**
	 * Silences symbols: {@link #publish(String, byte[])},
	 * {@link #publishMalformed(String)} and so the {@linkplain SimulatorMarket market
	 * generator} deliver nothing on a topic whose fourth level names one of them
	 * ({@code proto/topic/<kind>/<symbol>} and
	 * {@code proto/topic/cdlv3/<symbol>/<interval>}), while every other topic keeps
	 * flowing: a client sees a quiet symbol, its subscription still held. The generator
	 * goes on numbering the messages it would have sent, so a client sees a gap in the
	 * sequence when the symbol comes back. Symbols are compared as written: {@code ptt}
	 * does not silence {@code PTT}.
	 * @param symbols the symbols to add to the silenced ones
	 * @return this instance
	 * @see #silencedMessages()
	 */
	public SimulatorMqtt silenceSymbols(String... symbols) {
		this.silenced.addAll(SymbolTopics.requireSymbols(symbols));
		return this;
	}

	/**
	 * Lets messages on topics naming these symbols through again; messages suppressed
	 * meanwhile are not sent.
	 * @param symbols the symbols, silenced or not
	 * @return this instance
	 */
	public SimulatorMqtt unsilenceSymbols(String... symbols) {
		SymbolTopics.requireSymbols(symbols).forEach(this.silenced::remove);
		return this;
	}

	/**
	 * Returns how many messages were not delivered because their topic names a silenced
	 * symbol.
	 * @return the count since the last {@link #reset()}
	 */
	public long silencedMessages() {
		return this.silencedMessages.get();
	}

	/**
	 * Makes symbols unknown to the service: a client may still subscribe to a topic
	 * filter whose fourth level names one of them, and gets its {@code SUBACK} granted,
	 * but then a message naming the filter and the symbol goes out on
	 * {@link #SUBSCRIPTION_ERROR_TOPIC}, as Settrade reports such subscriptions. It goes
	 * to every client subscribed to that topic, not to the subscribing client alone (a
	 * client subscribed to the error topic before, or in the same {@code SUBSCRIBE},
	 * receives it after its {@code SUBACK}); a {@code #} filter gets it too, since the
	 * broker does not keep {@code $} topics out of wildcards. The payload is text, by
	 * default a JSON object such as {@code {"code":"SUBSCRIBE_ERROR","message":"Symbol
	 * ZXCASDXZC not found","topic":"proto/topic/bidofferv3/ZXCASDXZC"}}; see
	 * {@link #subscriptionErrorPayload(Function)}. Symbols are compared as written.
	 * Denied subscriptions ({@link #denySubscriptions(String)}) are not reported.
	 * @param symbols the symbols to add to the unknown ones
	 * @return this instance
	 * @see #subscriptionErrorsSent()
	 */
	public SimulatorMqtt unknownSymbols(String... symbols) {
		this.subscriptionErrors.add(SymbolTopics.requireSymbols(symbols));
		return this;
	}

	/**
	 * Makes every symbol known again: later subscriptions are not reported.
	 * @return this instance
	 */
	public SimulatorMqtt clearUnknownSymbols() {
		this.subscriptionErrors.clearSymbols();
		return this;
	}

	/**
	 * Sets the payload of subscription errors, to check that a client copes with another
	 * format, plain text for instance:
	 * {@code subscriptionErrorPayload((filter) -> "subscribe failed: " + filter)}. The
	 * function is called on the broker's thread and must not block; when it throws or
	 * returns {@code null} no error is sent.
	 * @param payload makes the payload text (sent as UTF-8) from the topic filter
	 * subscribed to
	 * @return this instance
	 * @see #unknownSymbols(String...)
	 */
	public SimulatorMqtt subscriptionErrorPayload(Function<String, String> payload) {
		this.subscriptionErrors.payload(payload);
		return this;
	}

	/**
	 * Returns how many subscription errors were published, one per subscription to an
	 * unknown symbol, whether any client was subscribed to the error topic or not.
	 * @return the count since the last {@link #reset()}
	 */
	public long subscriptionErrorsSent() {
		return this.subscriptionErrors.sent();
	}

	/**
	 * Publishes bytes that are not a valid protobuf message (a truncated length-delimited
	 * field), as a feed whose frames got corrupted would, to check that a client skips
	 * them and carries on. Nothing is delivered on a silenced symbol's topic.
	 * @param topic the topic name
	 * @see SimulatorPayloads#sequence(byte[])
	 */
	public void publishMalformed(String topic) {
		requireTopicName(topic);
		if (deliver(topic, MALFORMED.clone())) {
			this.malformed.computeIfAbsent(topic, (key) -> new AtomicLong()).incrementAndGet();
		}
	}

	private boolean deliver(String topic, byte[] payload) {
		// Most tests silence nothing: they skip reading the topic
		if (!this.silenced.isEmpty()) {
			String symbol = SymbolTopics.symbol(topic);
			if (symbol != null && this.silenced.contains(symbol)) {
				this.silencedMessages.incrementAndGet();
				return false;
			}
		}
		this.broker.publish(topic, payload);
		return true;
	}

	/**
	 * Returns how many malformed payloads were published on a topic.
	 * @param topic the topic name
	 * @return the count since the last {@link #reset()}
	 */
	public long malformedPublished(String topic) {
		AtomicLong count = this.malformed.get(topic);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Clears the MQTT faults (upgrade refusal, denied subscriptions, silenced and unknown
	 * symbols, the subscription error payload) and counters (presented tickets, accepted,
	 * refused and expired connections, malformed payloads, silenced messages,
	 * subscription errors). Open connections and their subscriptions are kept, and
	 * stalled connections stay stalled.
	 */
	public void reset() {
		this.admission.reset();
		this.deniedSubscriptions.clear();
		this.connections.resetCounters();
		this.malformed.clear();
		this.silenced.clear();
		this.silencedMessages.set(0);
		this.subscriptionErrors.reset();
	}

	/**
	 * Returns the broker's own TCP port, behind the WebSocket endpoint.
	 * @return the port, or empty when the broker is not running
	 */
	OptionalInt brokerPort() {
		return this.broker.port();
	}

	static void requireTopicName(@Nullable String topic) {
		if (topic == null || topic.isEmpty()) {
			throw new IllegalArgumentException("'topic' must not be empty");
		}
		if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
			throw new IllegalArgumentException("'topic' must be a topic name, not a filter with wildcards");
		}
	}

	@Override
	public String toString() {
		return "SimulatorMqtt[credentialMode=" + this.credentialMode + ", openConnections=" + openConnections()
				+ ", stalledConnections=" + stalledConnections() + ", acceptedConnections=" + acceptedConnections()
				+ ", rejectedUpgrades=" + rejectedUpgrades() + ", silencedSymbols=" + Set.copyOf(this.silenced)
				+ ", unknownSymbols=" + this.subscriptionErrors.symbols() + "]";
	}

}
