package io.github.settrademqtt.connection;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.channel.NullChannel;
import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Spring Integration's Paho v3 adapter for one Settrade connection: it converts what Paho
 * receives into messages and sends them on. The connection around it owns everything
 * else, so this adapter:
 * <ul>
 * <li>connects itself, keeping the connect token: a connect that times out is still under
 * way in Paho, and is closed once it ends rather than left connected with nobody owning
 * it;</li>
 * <li>reports a lost connection to the owner without logging it: losses are expected (the
 * service closes connections at token expiry), and the owner says it once, with the
 * cause, at {@code WARN};</li>
 * <li>subscribes nothing itself, so that a SUBACK failure can be reported per topic,
 * which the adapter does only for a single topic; stopping therefore skips the adapter's
 * unsubscribe and goes straight to a quick forced disconnect;</li>
 * <li>hands each message Paho receives straight to the owner, topic and Paho's message as
 * they are: the owner builds the one Spring {@code Message} the feed sends, with every
 * header at once, when it knows which connection delivers (a message built here would be
 * copied there to add them).</li>
 * </ul>
 *
 * @author settrade-mqtt
 */
final class SettradePahoAdapter extends MqttPahoMessageDrivenChannelAdapter {

	/**
	 * How much longer than its own timeout a connect under way may take before it is
	 * broken off: Paho's connection timeout covers the socket, TLS and WebSocket
	 * handshakes but not the wait for the CONNACK.
	 */
	private static final long ABANDONED_CONNECT_GRACE_MILLIS = 5000;

	private static final long CLOSER_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final TicketClientFactory clientFactory;

	private final Consumer<Throwable> lost;

	private final BiConsumer<String, MqttMessage> arrived;

	private volatile boolean closed;

	private volatile @Nullable IMqttToken connectToken;

	private volatile @Nullable Throwable connectFailure;

	/**
	 * Create an adapter that tells {@code lost}, on Paho's thread, when an established
	 * connection is lost, and {@code arrived} of each message received (which must not
	 * throw).
	 */
	SettradePahoAdapter(String clientId, TicketClientFactory clientFactory, Consumer<Throwable> lost,
			BiConsumer<String, MqttMessage> arrived) {
		super(clientId, clientFactory);
		this.clientFactory = clientFactory;
		this.lost = lost;
		this.arrived = arrived;
		// never used: messages do not go through the adapter's converter and channel
		setOutputChannel(new NullChannel());
	}

	@Override
	public void messageArrived(String topic, MqttMessage message) {
		this.arrived.accept(topic, message);
	}

	@Override
	protected void doStart() {
		try {
			MqttAsyncClient client = this.clientFactory.getAsyncClientInstance(null, getClientId());
			client.setCallback(this);
			IMqttToken token = client.connect(this.clientFactory.getConnectionOptions());
			this.connectToken = token;
			token.waitForCompletion(getCompletionTimeout());
		}
		catch (MqttException | RuntimeException ex) {
			this.connectFailure = ex;
		}
	}

	/**
	 * Return why connecting failed, {@code null} if it did not.
	 */
	@Nullable Throwable connectFailure() {
		return this.connectFailure;
	}

	@Override
	public void connectionLost(Throwable cause) {
		if (!this.closed) {
			this.lost.accept(cause);
		}
	}

	@Override
	public void connectComplete(boolean reconnect) {
		// subscriptions are the owner's
	}

	@Override
	public void connectComplete(boolean reconnect, @Nullable String serverURI) {
		// subscriptions are the owner's
	}

	@Override
	protected void doStop() {
		this.closed = true;
		MqttAsyncClient client = this.clientFactory.client();
		if (client == null || !client.isConnected()) {
			return;
		}
		try {
			client.disconnectForcibly(getQuiescentTimeout(), getDisconnectCompletionTimeout());
		}
		catch (MqttException | RuntimeException ex) {
			logger.debug(ex, "Exception while disconnecting");
		}
	}

	/**
	 * Close the client for good, releasing Paho's threads. Unlike the adapter's own
	 * {@code destroy()}, this copes with a client that never connected, and with one
	 * whose connect is still under way: breaking that one's socket could leave Paho's
	 * connect thread waiting for ever for a receiver thread that already ended, so it is
	 * closed once the connect ends, on a thread of its own.
	 */
	@Override
	public void destroy() {
		this.closed = true;
		MqttAsyncClient client = this.clientFactory.client();
		if (client == null) {
			return;
		}
		IMqttToken token = this.connectToken;
		if (token == null || token.isComplete()) {
			closeClient(client, false);
			return;
		}
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS
			.toNanos(Math.max(getCompletionTimeout(), 1000) + ABANDONED_CONNECT_GRACE_MILLIS);
		Thread closer = new Thread(() -> {
			// polled: a token whose wait timed out once answers every later wait at once
			while (!token.isComplete() && System.nanoTime() - deadline < 0) {
				LockSupport.parkNanos(CLOSER_POLL_NANOS);
			}
			closeClient(client, false);
		}, "settrade-mqtt-closer");
		closer.setDaemon(true);
		closer.start();
	}

	/**
	 * Disconnect if connected (or if a connect is under way), then close.
	 */
	private static void closeClient(MqttAsyncClient client, boolean connecting) {
		try {
			if (connecting || client.isConnected()) {
				client.disconnectForcibly(0, 0, false);
			}
		}
		catch (MqttException | RuntimeException ex) {
			// closing anyway; Paho fails with a NullPointerException on a closed client
		}
		try {
			client.close(true);
		}
		catch (MqttException | RuntimeException ex) {
			if (!connecting && ex instanceof MqttException mqtt
					&& mqtt.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS) {
				// a connect that never answered: break it off now
				closeClient(client, true);
			}
			// otherwise closed meanwhile: Paho throws what it likes on a closed client
		}
	}

}
