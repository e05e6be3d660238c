package io.github.settrademqtt.benchmarks.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.test.SettradeSimulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The baseline: what a user writes without the starter. One Paho v3 client over secure
 * WebSocket with a dispatcher ticket, subscribed at QoS 0, handling every message on
 * Paho's callback thread.
 * <p>
 * {@link #connect} opens one connection and leaves it at that. {@link #reconnecting} is
 * the careful user's version, for fault campaigns: Paho's automatic reconnect, a fresh
 * dispatcher ticket for every attempt (a ticket opens one connection only), and the
 * topics subscribed again once reconnected (a clean session keeps none).
 *
 * @author settrade-mqtt
 */
public final class BarePahoSubscriber implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BarePahoSubscriber.class);

	private static final int SUBSCRIBE_BATCH = 100;

	private static final String AUTHORIZATION = "Authorization";

	private final MqttAsyncClient client;

	private final List<String> topics;

	private final AtomicLong connections = new AtomicLong();

	private final AtomicLong losses = new AtomicLong();

	private volatile long openingNanos;

	private volatile long connectedNanos;

	private volatile long subscribedNanos;

	private volatile long ticketExpiresAtNanos;

	private BarePahoSubscriber(MqttAsyncClient client, List<String> topics) {
		this.client = client;
		this.topics = List.copyOf(topics);
	}

	/**
	 * Connect and subscribe.
	 * @param simulator the simulator, whose certificate is trusted
	 * @param ticket a dispatcher ticket never used before
	 * @param topics the topics to subscribe to
	 * @param handler called for every message, on Paho's thread
	 * @return the connected client
	 * @throws MqttException if Paho cannot connect or subscribe
	 * @throws GeneralSecurityException if the simulator's certificate cannot be trusted
	 */
	public static BarePahoSubscriber connect(SettradeSimulator simulator, DispatcherTicket ticket, List<String> topics,
			Handler handler) throws MqttException, GeneralSecurityException {
		MqttConnectOptions options = options(Duration.ofSeconds(30));
		options.setSocketFactory(trusting(simulator).getSocketFactory());
		options.getCustomWebSocketHeaders().setProperty(AUTHORIZATION, ticket.authorization());
		BarePahoSubscriber subscriber = create(simulator, ticket, topics, handler);
		subscriber.ticketExpiresAtNanos = ticket.expiresAtNanos();
		subscriber.openingNanos = System.nanoTime();
		subscriber.client.connect(options).waitForCompletion();
		subscriber.connectedNanos = System.nanoTime();
		subscriber.subscribe().waitForCompletion();
		subscriber.subscribedNanos = System.nanoTime();
		return subscriber;
	}

	/**
	 * Connect and subscribe, and reconnect after every loss with Paho's automatic
	 * reconnect. Every attempt, the first included, presents a ticket of its own:
	 * obtained just before the attempt opens its socket, and put in place in the
	 * {@code Authorization} header of the {@link MqttConnectOptions} that Paho reuses for
	 * every reconnect (its headers are read at each WebSocket handshake). Once
	 * reconnected, the topics are subscribed again from {@code connectComplete}, without
	 * waiting there (a callback that blocks on Paho stalls Paho).
	 * @param simulator the simulator, whose certificate is trusted
	 * @param tickets where tickets come from, such as a
	 * {@link io.github.settrademqtt.login.SettradeLoginService}
	 * @param topics the topics to subscribe to
	 * @param keepAlive the MQTT keep-alive interval
	 * @param handler called for every message, on Paho's thread
	 * @return the connected client
	 * @throws MqttException if Paho cannot connect or subscribe the first time
	 * @throws GeneralSecurityException if the simulator's certificate cannot be trusted
	 */
	public static BarePahoSubscriber reconnecting(SettradeSimulator simulator, Supplier<DispatcherTicket> tickets,
			List<String> topics, Duration keepAlive, Handler handler) throws MqttException, GeneralSecurityException {
		DispatcherTicket first = tickets.get();
		MqttConnectOptions options = options(keepAlive);
		options.setAutomaticReconnect(true);
		// as long as the starter's longest reconnect delay, not Paho's two minutes
		options.setMaxReconnectDelay((int) Duration.ofSeconds(30).toMillis());
		BarePahoSubscriber subscriber = create(simulator, first, topics, handler);
		Properties headers = options.getCustomWebSocketHeaders();
		AtomicReference<DispatcherTicket> unused = new AtomicReference<>(first);
		options.setSocketFactory(new BeforeEachSocket(trusting(simulator).getSocketFactory(), () -> {
			DispatcherTicket ticket = unused.getAndSet(null);
			if (ticket == null) {
				ticket = tickets.get();
			}
			headers.setProperty(AUTHORIZATION, ticket.authorization());
			subscriber.ticketExpiresAtNanos = ticket.expiresAtNanos();
		}));
		subscriber.client.connect(options).waitForCompletion();
		subscriber.subscribe().waitForCompletion();
		return subscriber;
	}

	private static BarePahoSubscriber create(SettradeSimulator simulator, DispatcherTicket ticket, List<String> topics,
			Handler handler) throws MqttException {
		String uri = "wss://" + ticket.host() + "/api/dispatcher/v3/" + simulator.brokerId() + "/mqtt";
		MqttAsyncClient client = new MqttAsyncClient(uri, "bare-paho-" + UUID.randomUUID(), new MemoryPersistence());
		BarePahoSubscriber subscriber = new BarePahoSubscriber(client, topics);
		client.setCallback(subscriber.new Callback(handler));
		return subscriber;
	}

	private static MqttConnectOptions options(Duration keepAlive) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setKeepAliveInterval((int) keepAlive.toSeconds());
		options.setHttpsHostnameVerificationEnabled(true);
		options.setCustomWebSocketHeaders(new Properties());
		return options;
	}

	/**
	 * Subscribe every topic, in batches: a SUBSCRIBE of a thousand topics would pass the
	 * broker's packet size.
	 * @return the token of the last batch
	 */
	private IMqttToken subscribe() throws MqttException {
		IMqttToken last = null;
		for (int from = 0; from < this.topics.size(); from += SUBSCRIBE_BATCH) {
			List<String> batch = this.topics.subList(from, Math.min(this.topics.size(), from + SUBSCRIBE_BATCH));
			last = this.client.subscribe(batch.toArray(String[]::new), new int[batch.size()]);
		}
		return last;
	}

	private static SSLContext trusting(SettradeSimulator simulator) throws GeneralSecurityException {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(simulator.trustStore());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	/**
	 * Return when {@link #connect} started opening the connection.
	 * @return {@link System#nanoTime()}
	 */
	public long openingNanos() {
		return this.openingNanos;
	}

	/**
	 * Return when {@link #connect} had the broker's {@code CONNACK}.
	 * @return {@link System#nanoTime()}
	 */
	public long connectedNanos() {
		return this.connectedNanos;
	}

	/**
	 * Return when {@link #connect} had the {@code SUBACK} of every topic: the broker
	 * answers the SUBSCRIBEs of a connection in order, and the last answer was in.
	 * @return {@link System#nanoTime()}
	 */
	public long subscribedNanos() {
		return this.subscribedNanos;
	}

	/**
	 * Return the number of times the connection was lost (a keep-alive timeout among
	 * them).
	 * @return the count
	 */
	public long losses() {
		return this.losses.get();
	}

	/**
	 * Return the number of connections opened so far: the first is 1.
	 * @return the count
	 */
	public long connections() {
		return this.connections.get();
	}

	/**
	 * Return when the token behind the current connection's ticket expires: the service
	 * closes the connection then.
	 * @return the expiry on {@link System#nanoTime()}
	 */
	public long ticketExpiresAtNanos() {
		return this.ticketExpiresAtNanos;
	}

	/**
	 * Return whether the client is connected.
	 * @return whether it is
	 */
	public boolean isConnected() {
		return this.client.isConnected();
	}

	@Override
	public void close() throws MqttException {
		try {
			if (this.client.isConnected()) {
				this.client.disconnect(1000).waitForCompletion(5000);
			}
		}
		finally {
			this.client.close(true);
		}
	}

	/**
	 * Paho's callback: messages to the handler, and the topics subscribed again after an
	 * automatic reconnect.
	 */
	private final class Callback implements MqttCallbackExtended {

		private final Handler handler;

		Callback(Handler handler) {
			this.handler = handler;
		}

		@Override
		public void connectComplete(boolean reconnect, String serverURI) {
			BarePahoSubscriber.this.connections.incrementAndGet();
			if (reconnect) {
				try {
					subscribe();
				}
				catch (MqttException ex) {
					logger.warn("Bare Paho client could not subscribe again: " + ex);
				}
			}
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) throws Exception {
			this.handler.messageArrived(topic, message.getPayload());
		}

		@Override
		public void connectionLost(Throwable cause) {
			BarePahoSubscriber.this.losses.incrementAndGet();
			logger.warn("Bare Paho client lost its connection: " + cause);
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
		}

	}

	/**
	 * A socket factory that runs an action before each socket it creates: Paho creates
	 * one per connection attempt, before the WebSocket handshake reads the headers.
	 */
	private static final class BeforeEachSocket extends SSLSocketFactory {

		private final SSLSocketFactory delegate;

		private final Runnable action;

		BeforeEachSocket(SSLSocketFactory delegate, Runnable action) {
			this.delegate = delegate;
			this.action = action;
		}

		@Override
		public Socket createSocket() throws IOException {
			try {
				this.action.run();
			}
			catch (RuntimeException ex) {
				// the attempt fails, and Paho tries again after its back-off
				throw new IOException("No dispatcher ticket for this attempt: " + ex.getMessage(), ex);
			}
			return this.delegate.createSocket();
		}

		@Override
		public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
			return this.delegate.createSocket(socket, host, port, autoClose);
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return this.delegate.createSocket(host, port);
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return this.delegate.createSocket(host, port, localHost, localPort);
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return this.delegate.createSocket(host, port);
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return this.delegate.createSocket(address, port, localAddress, localPort);
		}

		@Override
		public String[] getDefaultCipherSuites() {
			return this.delegate.getDefaultCipherSuites();
		}

		@Override
		public String[] getSupportedCipherSuites() {
			return this.delegate.getSupportedCipherSuites();
		}

	}

	/**
	 * Handles one message on Paho's thread.
	 */
	@FunctionalInterface
	public interface Handler {

		/**
		 * Handle a message.
		 * @param topic the topic
		 * @param payload the payload
		 * @throws Exception anything: Paho drops the connection, as it would for a user
		 */
		void messageArrived(String topic, byte[] payload) throws Exception;

	}

}
