package io.github.settrademqtt.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
	 * Not a protobuf message: a length-delimited field 1 that announces twenty bytes and
	 * carries three, which every protobuf parser must refuse.
	 */
	private static final byte[] MALFORMED = { 0x0A, 0x14, 'P', 'T', 'T' };

	private final MqttCredentialMode credentialMode;

	private final MoquetteBroker broker;

	private final MqttAdmission admission;

	private final MqttConnections connections;

	private final DeniedSubscriptions deniedSubscriptions;

	private final Map<String, AtomicLong> malformed = new ConcurrentHashMap<>();

	SimulatorMqtt(MqttCredentialMode credentialMode, MoquetteBroker broker, MqttAdmission admission,
			MqttConnections connections, DeniedSubscriptions deniedSubscriptions) {
		this.credentialMode = credentialMode;
		this.broker = broker;
		this.admission = admission;
		this.connections = connections;
		this.deniedSubscriptions = deniedSubscriptions;
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
	 * matching filter. Nothing is delivered when no client is subscribed.
	 * @param topic the topic name, without wildcards
	 * @param payload the payload
	 */
	public void publish(String topic, byte[] payload) {
		requireTopicName(topic);
		Objects.requireNonNull(payload, "'payload' must not be null");
		this.broker.publish(topic, payload.clone());
	}

	/**
	 * Returns the number of client connections the endpoint accepted and that are still
	 * open.
	 * @return the number of open connections
	 */
	public int openConnections() {
		return this.connections.openCount();
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
	 * Publishes bytes that are not a valid protobuf message (a truncated length-delimited
	 * field), as a feed whose frames got corrupted would, to check that a client skips
	 * them and carries on.
	 * @param topic the topic name
	 * @see SimulatorPayloads#sequence(byte[])
	 */
	public void publishMalformed(String topic) {
		requireTopicName(topic);
		this.broker.publish(topic, MALFORMED.clone());
		this.malformed.computeIfAbsent(topic, (key) -> new AtomicLong()).incrementAndGet();
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
	 * Clears the MQTT faults (upgrade refusal, denied subscriptions) and counters
	 * (presented tickets, accepted, refused and expired connections, malformed payloads).
	 * Open connections and their subscriptions are kept.
	 */
	public void reset() {
		this.admission.reset();
		this.deniedSubscriptions.clear();
		this.connections.resetCounters();
		this.malformed.clear();
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
				+ ", acceptedConnections=" + acceptedConnections() + ", rejectedUpgrades=" + rejectedUpgrades() + "]";
	}

}
