package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.github.settrademqtt.login.DispatcherTicket;
import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.integration.mqtt.event.MqttConnectionFailedEvent;
import org.springframework.integration.mqtt.support.DefaultPahoMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * One MQTT connection, opened with one dispatcher ticket: an epoch of the feed. Opening,
 * subscribing and closing block, and are called on the connection's own thread only;
 * messages and losses are reported from Paho's threads to the {@link Listener}.
 *
 * @author settrade-mqtt
 */
final class MqttSession {

	/**
	 * The SUBACK return code of a refused subscription.
	 */
	private static final int SUBSCRIBE_FAILURE = 0x80;

	private final long epoch;

	private final DispatcherTicket ticket;

	private final TicketClientFactory clientFactory;

	private final SettradePahoAdapter adapter;

	private final long completionTimeoutMillis;

	private volatile boolean open;

	private volatile @Nullable Throwable openFailure;

	MqttSession(long epoch, DispatcherTicket ticket, ConnectionSettings settings, BeanFactory beanFactory,
			Listener listener) {
		this.epoch = epoch;
		this.ticket = ticket;
		this.clientFactory = new TicketClientFactory(ticket, settings);
		this.completionTimeoutMillis = settings.connectTimeout().toMillis();
		String clientId = settings.clientIdPrefix() + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		this.adapter = new SettradePahoAdapter(clientId, this.clientFactory);
		DefaultPahoMessageConverter converter = new DefaultPahoMessageConverter();
		converter.setPayloadAsBytes(true);
		this.adapter.setConverter(converter);
		this.adapter.setOutputChannel(output(listener));
		this.adapter.setApplicationEventPublisher((event) -> onEvent(event, listener));
		this.adapter.setCompletionTimeout(this.completionTimeoutMillis);
		this.adapter.setDisconnectCompletionTimeout(settings.disconnectTimeout().toMillis());
		// Paho otherwise waits for in-flight work on a connection that may already be
		// gone
		this.adapter.setQuiescentTimeout(0);
		this.adapter.setBeanFactory(beanFactory);
		this.adapter.afterPropertiesSet();
	}

	private MessageChannel output(Listener listener) {
		return (message, timeout) -> {
			listener.messageArrived(this, message);
			return true;
		};
	}

	private void onEvent(Object event, Listener listener) {
		if (event instanceof MqttConnectionFailedEvent failed) {
			if (this.open) {
				this.open = false;
				listener.connectionLost(this, failed.getCause());
			}
			else {
				// a failure while opening: open() reports it, this keeps why
				this.openFailure = failed.getCause();
			}
		}
	}

	/**
	 * Return why the connection could not be opened.
	 * @return the cause, or {@code null} if it opened or the cause is unknown
	 */
	@Nullable Throwable openFailure() {
		return this.openFailure;
	}

	long epoch() {
		return this.epoch;
	}

	DispatcherTicket ticket() {
		return this.ticket;
	}

	/**
	 * Connect, blocking until connected or the connect timeout passes.
	 * @return whether the connection is up
	 */
	boolean open() {
		this.adapter.start();
		IMqttAsyncClient client = this.clientFactory.client();
		this.open = client != null && client.isConnected();
		return this.open;
	}

	boolean isOpen() {
		IMqttAsyncClient client = this.clientFactory.client();
		return this.open && client != null && client.isConnected();
	}

	/**
	 * Subscribe to topics at QoS 0 and report the broker's answer for each. The topics go
	 * out in as many SUBSCRIBE packets as {@link TopicBatches} needs, all sent before the
	 * first answer is awaited.
	 * @param topics the topics
	 * @return one outcome per topic, in order
	 */
	List<SubscribeOutcome> subscribe(Collection<String> topics) {
		List<SubscribeOutcome> outcomes = new ArrayList<>(topics.size());
		IMqttAsyncClient client = this.clientFactory.client();
		if (topics.isEmpty()) {
			return outcomes;
		}
		if (client == null || !client.isConnected()) {
			topics.forEach((topic) -> outcomes.add(new SubscribeOutcome(topic, false, "not connected")));
			return outcomes;
		}
		List<PendingSubscribe> pending = new ArrayList<>();
		for (List<String> batch : TopicBatches.of(List.copyOf(topics))) {
			pending.add(send(client, batch));
		}
		pending.forEach((subscribe) -> subscribe.awaitOutcomes(this.completionTimeoutMillis, outcomes));
		return outcomes;
	}

	private PendingSubscribe send(IMqttAsyncClient client, List<String> batch) {
		try {
			// no listener per subscription: Paho would match every message's topic
			// against
			// every subscribed filter (validating each filter again) before handing it
			// over,
			// a cost that grows with the number of topics; without them every message
			// goes
			// straight to the client's callback, the adapter
			return new PendingSubscribe(batch, client.subscribe(batch.toArray(String[]::new), new int[batch.size()]),
					null);
		}
		catch (MqttException ex) {
			return new PendingSubscribe(batch, null, ex);
		}
	}

	/**
	 * Unsubscribe from topics, if connected.
	 * @param topics the topics
	 */
	void unsubscribe(Collection<String> topics) {
		IMqttAsyncClient client = this.clientFactory.client();
		if (topics.isEmpty() || client == null || !client.isConnected()) {
			return;
		}
		try {
			for (List<String> batch : TopicBatches.of(List.copyOf(topics))) {
				client.unsubscribe(batch.toArray(String[]::new)).waitForCompletion(this.completionTimeoutMillis);
			}
		}
		catch (MqttException ex) {
			// the topic stays subscribed on this connection only: its messages are still
			// delivered
		}
	}

	/**
	 * Disconnect and release the client's threads.
	 */
	void close() {
		this.open = false;
		this.adapter.stop();
		this.adapter.destroy();
	}

	@Override
	public String toString() {
		return "MqttSession[epoch=" + this.epoch + ", hosts=" + this.ticket.hosts() + "]";
	}

	/**
	 * Receives what a session reports from Paho's threads. Implementations must not block
	 * and must not throw: Paho drops the connection when a listener throws.
	 */
	interface Listener {

		void messageArrived(MqttSession session, Message<?> message);

		void connectionLost(MqttSession session, @Nullable Throwable cause);

	}

	/**
	 * One SUBSCRIBE packet sent, or that could not be sent.
	 */
	private record PendingSubscribe(List<String> topics, @Nullable IMqttToken token, @Nullable MqttException failure) {

		void awaitOutcomes(long timeoutMillis, List<SubscribeOutcome> outcomes) {
			try {
				if (this.token == null) {
					throw Objects.requireNonNull(this.failure);
				}
				this.token.waitForCompletion(timeoutMillis);
				int[] granted = this.token.getGrantedQos();
				for (int i = 0; i < this.topics.size(); i++) {
					boolean refused = granted == null || i >= granted.length || granted[i] == SUBSCRIBE_FAILURE;
					outcomes.add(new SubscribeOutcome(this.topics.get(i), !refused,
							refused ? "the broker refused the subscription (SUBACK 0x80)" : null));
				}
			}
			catch (MqttException ex) {
				this.topics.forEach((topic) -> outcomes
					.add(new SubscribeOutcome(topic, false, "SUBSCRIBE failed: " + ex.getMessage())));
			}
		}

	}

}
