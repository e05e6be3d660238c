package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.github.settrademqtt.login.DispatcherTicket;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;

/**
 * One MQTT connection, opened with one dispatcher ticket: an epoch of the feed. Opening,
 * {@link #subscribe subscribing} and closing block, {@link #send sending} SUBSCRIBEs and
 * unsubscribing do not; all are called on the connection's own thread only (closing also
 * from {@code stop()}); messages and losses are reported from Paho's threads to the
 * {@link Listener}. Once closed it stays closed, whatever was under way.
 *
 * @author settrade-mqtt
 */
final class TicketConnection {

	private static final SubscribeRequest.Sender NOT_CONNECTED = (topics, qos, listener) -> {
		throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
	};

	private final long epoch;

	private final DispatcherTicket ticket;

	private final List<String> skippedHosts;

	private final TicketClientFactory clientFactory;

	private final SettradePahoAdapter adapter;

	private final long completionTimeoutMillis;

	/**
	 * The topics the broker granted on this connection; the worker thread's only.
	 */
	private final Set<String> subscribed = new LinkedHashSet<>();

	private volatile boolean open;

	private volatile boolean closed;

	private volatile long lostAtNanos;

	private volatile long lastArrivalNanos;

	/**
	 * Create a session; nothing touches the network until {@link #open()}. A ticket that
	 * names no host that can be used is a {@link ConnectAttemptException}.
	 */
	TicketConnection(long epoch, DispatcherTicket ticket, ConnectionSettings settings, BeanFactory beanFactory,
			Listener listener) {
		this.epoch = epoch;
		this.ticket = ticket;
		ServerUris.Resolved uris = ServerUris.of(ticket.hosts(), settings.port(), settings.brokerId());
		this.skippedHosts = uris.skipped();
		if (uris.uris().isEmpty()) {
			throw new ConnectAttemptException(
					"the dispatcher ticket names no usable host: " + String.join("; ", uris.skipped()), null);
		}
		this.clientFactory = new TicketClientFactory(ticket, uris.uris(), settings);
		this.completionTimeoutMillis = settings.connectTimeout().toMillis();
		String clientId = settings.clientIdPrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.adapter = new SettradePahoAdapter(clientId, this.clientFactory, (cause) -> lost(cause, listener),
				(topic, message) -> {
					long arrivedNanos = System.nanoTime();
					this.lastArrivalNanos = arrivedNanos;
					listener.messageArrived(this, topic, message, arrivedNanos);
				});
		this.adapter.setCompletionTimeout(this.completionTimeoutMillis);
		this.adapter.setDisconnectCompletionTimeout(settings.disconnectTimeout().toMillis());
		// Paho otherwise waits for in-flight work on a connection that may already be
		// gone
		this.adapter.setQuiescentTimeout(0);
		this.adapter.setBeanFactory(beanFactory);
		this.adapter.afterPropertiesSet();
	}

	private void lost(Throwable cause, Listener listener) {
		if (this.open) {
			this.lostAtNanos = System.nanoTime();
			this.open = false;
			listener.connectionLost(this, cause);
		}
	}

	/**
	 * Return why the connection could not be opened, {@code null} if it opened or the
	 * cause is unknown.
	 */
	@Nullable Throwable openFailure() {
		return this.adapter.connectFailure();
	}

	long epoch() {
		return this.epoch;
	}

	/**
	 * Return when Paho reported this connection lost, {@code 0} if it was not.
	 */
	long lostAtNanos() {
		return this.lostAtNanos;
	}

	DispatcherTicket ticket() {
		return this.ticket;
	}

	/**
	 * Return the ticket's hosts that could not be used, each with why.
	 */
	List<String> skippedHosts() {
		return this.skippedHosts;
	}

	/**
	 * Connect, blocking until connected or the connect timeout passes; say whether it is
	 * up.
	 */
	boolean open() {
		if (this.closed) {
			return false;
		}
		this.adapter.start();
		IMqttAsyncClient client = this.clientFactory.client();
		this.open = !this.closed && client != null && client.isConnected();
		return this.open;
	}

	boolean isOpen() {
		IMqttAsyncClient client = this.clientFactory.client();
		return this.open && client != null && client.isConnected();
	}

	/**
	 * Return the topics the broker granted on this connection and that were not
	 * unsubscribed since, in the order subscribed.
	 */
	Set<String> subscribed() {
		return this.subscribed;
	}

	/**
	 * Subscribe to topics at QoS 0 and wait for the broker's answer for each, for at most
	 * the completion timeout in all. The topics go out in as many SUBSCRIBE packets as
	 * {@link SubscribePackets} needs, all sent before the first answer is awaited.
	 */
	List<SubscribeOutcome> subscribe(Collection<String> topics) {
		SubscribeRequest request = send(topics, (answered) -> {
		});
		request.await(this.completionTimeoutMillis);
		request.take();
		return answers(request);
	}

	/**
	 * Send SUBSCRIBE packets for topics at QoS 0 without waiting for the answers;
	 * {@code whenAnswered} is called once every packet is answered or failed, on a Paho
	 * thread or on this one, and must not block.
	 */
	SubscribeRequest send(Collection<String> topics, Consumer<SubscribeRequest> whenAnswered) {
		SubscribeRequest request = new SubscribeRequest(List.copyOf(topics), System.nanoTime(), whenAnswered);
		IMqttAsyncClient client = this.clientFactory.client();
		SubscribeRequest.Sender sender = (client != null && isOpen())
				// no listener per subscription: Paho would match every message's topic
				// against every subscribed filter (validating each filter again) before
				// handing it over, a cost that grows with the number of topics; without
				// them every message goes straight to the client's callback, the adapter
				? (filters, qos, listener) -> client.subscribe(filters, qos, null, listener) : NOT_CONNECTED;
		for (List<String> batch : SubscribePackets.of(request.topics())) {
			request.send(sender, batch);
		}
		return request.sent();
	}

	/**
	 * Return the broker's answers to a request so far, and hold what it granted: a packet
	 * not answered yet counts as unanswered.
	 */
	List<SubscribeOutcome> answers(SubscribeRequest request) {
		List<SubscribeOutcome> outcomes = request.outcomes(this.completionTimeoutMillis);
		outcomes.stream().filter(SubscribeOutcome::granted).forEach((outcome) -> this.subscribed.add(outcome.topic()));
		return outcomes;
	}

	Duration completionTimeout() {
		return Duration.ofMillis(this.completionTimeoutMillis);
	}

	/**
	 * Return whether a message arrived on this connection after the given time.
	 */
	boolean receivedSince(long nanos) {
		long last = this.lastArrivalNanos;
		return last != 0 && last - nanos > 0;
	}

	/**
	 * Unsubscribe from topics, if connected, without waiting for the answer. They are
	 * forgotten whatever the broker answers: a topic left subscribed by a failed
	 * UNSUBSCRIBE only delivers messages nobody asks for, which the feed passes over.
	 */
	void unsubscribe(Collection<String> topics) {
		List<String> held = topics.stream().filter(this.subscribed::remove).toList();
		IMqttAsyncClient client = this.clientFactory.client();
		if (held.isEmpty() || client == null || !isOpen()) {
			return;
		}
		try {
			for (List<String> batch : SubscribePackets.of(held)) {
				client.unsubscribe(batch.toArray(String[]::new));
			}
		}
		catch (MqttException ex) {
			// see above
		}
	}

	/**
	 * Disconnect and release the client's threads. A connect still under way is closed
	 * when it ends. Calling it again does nothing.
	 */
	void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.open = false;
		this.adapter.stop();
		this.adapter.destroy();
	}

	boolean isClosed() {
		return this.closed;
	}

	@Override
	public String toString() {
		return "TicketConnection[epoch=" + this.epoch + ", hosts=" + this.ticket.hosts() + "]";
	}

	/**
	 * Receives what a session reports from Paho's threads. Implementations must not block
	 * and must not throw: Paho drops the connection when a listener throws.
	 */
	interface Listener {

		/**
		 * A message arrived.
		 * @param session the connection it arrived on
		 * @param topic its topic
		 * @param message the message as Paho received it
		 * @param arrivedNanos when, on {@link System#nanoTime()}, read once per message
		 */
		void messageArrived(TicketConnection session, String topic, MqttMessage message, long arrivedNanos);

		void connectionLost(TicketConnection session, @Nullable Throwable cause);

	}

}
