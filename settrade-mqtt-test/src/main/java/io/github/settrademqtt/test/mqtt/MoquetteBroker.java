package io.github.settrademqtt.test.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.AcceptAllAuthenticator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The MQTT 3.1.1 broker behind the simulator's WebSocket endpoint: an embedded Moquette
 * on plain TCP, bound to loopback on a free port, without persistence or telemetry. It
 * only routes: tickets are checked by the WebSocket front, so it accepts every
 * {@code CONNECT} it is handed. Its logging is quiet unless asked for (see
 * {@link BrokerLogging}).
 * <p>
 * It starts on first use, not with the simulator, because Moquette needs a few dozen
 * threads and two seconds to shut down, which tests of the REST side alone should not pay
 * for.
 *
 * @author settrade-mqtt
 */
public final class MoquetteBroker {

	private static final Logger logger = Loggers.getLogger(MoquetteBroker.class);

	private static final String PUBLISHER_ID = "settrade-simulator";

	private static final int BIND_ATTEMPTS = 3;

	private final DeniedSubscriptions policy;

	private final SubscriptionTracker subscriptions;

	private final ConnectInterceptor connects = new ConnectInterceptor();

	/**
	 * Volatile rather than guarded: publishing takes no lock, so that the interceptor
	 * thread publishing a subscription error cannot hold up {@link #stop()}, which waits
	 * for that thread while it holds the lock.
	 */
	private volatile @Nullable Server server;

	private int port = -1;

	public MoquetteBroker(DeniedSubscriptions policy, SubscriptionErrors errors) {
		this.policy = policy;
		this.subscriptions = new SubscriptionTracker((topicFilter) -> errors.subscribed(topicFilter, this::publish));
	}

	/**
	 * Starts the broker unless it runs already.
	 * @return the broker's TCP port on {@code 127.0.0.1}
	 */
	synchronized int ensureStarted() {
		if (this.server != null) {
			return this.port;
		}
		BrokerLogging.quiet();
		RuntimeException failure = null;
		for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
			int port = freePort();
			Server server = new Server();
			try {
				server.startServer(new MemoryConfig(configuration(port)), List.of(this.subscriptions, this.connects),
						null, new AcceptAllAuthenticator(), this.policy);
				this.server = server;
				this.port = port;
				logger.debug("MQTT broker listening on 127.0.0.1:{}", port);
				return port;
			}
			catch (IOException | RuntimeException ex) {
				// Another process took the port in between: the threads the broker
				// started before binding must not outlive the attempt
				server.stopServer();
				failure = (ex instanceof RuntimeException runtime) ? runtime
						: new UncheckedIOException((IOException) ex);
			}
		}
		throw new IllegalStateException("Could not start the simulator's MQTT broker", failure);
	}

	/**
	 * Finds a free port. Moquette can bind port 0, but it reports the port it got from a
	 * listener that runs later, on another thread: asked at once it says 0.
	 */
	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port for the simulator's MQTT broker", ex);
		}
	}

	private static Properties configuration(int port) {
		Properties properties = new Properties();
		properties.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
		properties.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
		// Moquette otherwise reports to a server on the internet on every start
		properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
		// In memory only: no data directory left behind in the user's working directory
		properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
		properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
		properties.setProperty(IConfig.BUFFER_FLUSH_MS_PROPERTY_NAME, "immediate");
		return properties;
	}

	/**
	 * Publishes at QoS 0, not retained, to every subscriber of the topic. Does nothing
	 * before the broker started or once it stops: no client is subscribed then.
	 * @param topic the topic name
	 * @param payload the payload
	 */
	public void publish(String topic, byte[] payload) {
		Server server = this.server;
		if (server == null) {
			return;
		}
		MqttPublishMessage message = MqttMessageBuilders.publish()
			.topicName(topic)
			.qos(MqttQoS.AT_MOST_ONCE)
			.retained(false)
			.payload(Unpooled.wrappedBuffer(payload))
			.build();
		try {
			server.internalPublish(message, PUBLISHER_ID);
		}
		catch (IllegalStateException ex) {
			// Stopped meanwhile: nobody is left to deliver to
			message.release();
		}
	}

	/**
	 * Returns a signal of the broker taking a client's {@code CONNECT}: from then on it
	 * serves the client's other packets. The wait starts with this call.
	 * @param clientId the client id of the {@code CONNECT}
	 * @return completes, on the broker's interceptor thread, once the client is connected
	 * @see ConnectInterceptor#connected(String)
	 */
	Mono<Void> connected(String clientId) {
		return this.connects.connected(clientId);
	}

	/**
	 * Returns the topic filters the broker's clients hold.
	 * @return an immutable snapshot, empty before the broker started
	 */
	public Set<String> subscribedTopics() {
		return this.subscriptions.topicFilters();
	}

	public synchronized OptionalInt port() {
		return (this.server != null) ? OptionalInt.of(this.port) : OptionalInt.empty();
	}

	/**
	 * Stops the broker and all its threads; returns once they are gone. Does nothing when
	 * not running.
	 */
	public synchronized void stop() {
		Server server = this.server;
		this.server = null;
		this.port = -1;
		if (server != null) {
			server.stopServer();
			this.subscriptions.clear();
			this.connects.clear();
			logger.debug("MQTT broker stopped");
		}
	}

}
