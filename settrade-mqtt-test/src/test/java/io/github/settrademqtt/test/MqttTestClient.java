package io.github.settrademqtt.test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real Eclipse Paho v3 client connected the way Settrade clients connect: MQTT 3.1.1
 * over {@code wss://localhost:<port>/api/dispatcher/v3/<broker>/mqtt}, clean session, TLS
 * trusting the simulator's certificate with hostname verification on, no automatic
 * reconnect. It records what arrives and whether the connection was lost.
 */
final class MqttTestClient implements AutoCloseable {

	static final long TIMEOUT_MILLIS = 10_000;

	private final MqttAsyncClient client;

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final AtomicReference<Throwable> lost = new AtomicReference<>();

	private MqttTestClient(String uri) {
		try {
			this.client = new MqttAsyncClient(uri, "test-" + UUID.randomUUID(), new MemoryPersistence());
		}
		catch (MqttException ex) {
			throw new IllegalStateException(ex);
		}
		this.client.setCallback(new MqttCallback() {

			@Override
			public void connectionLost(Throwable cause) {
				MqttTestClient.this.lost.set(cause);
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				MqttTestClient.this.received.add(new Received(topic, message.getPayload()));
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
	}

	static MqttTestClient create(SettradeSimulator simulator) {
		return create(simulator, simulator.brokerId());
	}

	static MqttTestClient create(SettradeSimulator simulator, String brokerIdInPath) {
		return new MqttTestClient(uri(simulator, brokerIdInPath));
	}

	static String uri(SettradeSimulator simulator, String brokerId) {
		return "wss://localhost:" + simulator.port() + "/api/dispatcher/v3/" + brokerId + "/mqtt";
	}

	/**
	 * Options as the protocol page describes them, with {@code authorization} (when not
	 * {@code null}) as the WebSocket {@code Authorization} header.
	 */
	static MqttConnectOptions options(SettradeSimulator simulator, String authorization) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setKeepAliveInterval(30);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(10);
		SSLContext sslContext = SettradeTestClient.sslContext(simulator.trustStore());
		options.setSocketFactory(sslContext.getSocketFactory());
		if (authorization != null) {
			Properties headers = new Properties();
			headers.setProperty("Authorization", authorization);
			options.setCustomWebSocketHeaders(headers);
		}
		return options;
	}

	static MqttConnectOptions bearer(SettradeSimulator simulator, String ticket) {
		return options(simulator, "Bearer " + ticket);
	}

	/**
	 * Logs in over REST and fetches a dispatcher ticket, as the starter does.
	 */
	static String ticket(SettradeTestClient rest, SimulatedApp app) {
		String accessToken = rest.loginOk(app).get("access_token").stringValue();
		HttpResponse<String> response = rest.ticket(app.brokerId(), "Bearer " + accessToken);
		if (response.statusCode() != 200) {
			throw new AssertionError("Ticket request failed: " + response.statusCode() + " " + response.body());
		}
		return SettradeTestClient.json(response).get("token").stringValue();
	}

	/**
	 * Connects, failing with the client's exception when the connection is refused.
	 */
	MqttTestClient connect(MqttConnectOptions options) throws MqttException {
		this.client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
		return this;
	}

	/**
	 * Subscribes at QoS 0 and returns the granted QoS per filter (128 when refused).
	 */
	int[] subscribe(String... topicFilters) throws MqttException {
		IMqttToken token = this.client.subscribe(topicFilters, new int[topicFilters.length]);
		token.waitForCompletion(TIMEOUT_MILLIS);
		return token.getGrantedQos();
	}

	/**
	 * Unsubscribes and waits for the {@code UNSUBACK}.
	 */
	void unsubscribe(String... topicFilters) throws MqttException {
		this.client.unsubscribe(topicFilters).waitForCompletion(TIMEOUT_MILLIS);
	}

	/**
	 * Sends a {@code SUBSCRIBE} at QoS 0 without waiting for its {@code SUBACK}.
	 */
	IMqttToken subscribeAsync(String... topicFilters) throws MqttException {
		return this.client.subscribe(topicFilters, new int[topicFilters.length]);
	}

	boolean isConnected() {
		return this.client.isConnected();
	}

	Throwable lostCause() {
		return this.lost.get();
	}

	boolean wasLost() {
		return this.lost.get() != null;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	List<byte[]> payloads(String topic) {
		return this.received.stream()
			.filter((message) -> message.topic().equals(topic))
			.map(Received::payload)
			.toList();
	}

	void disconnect() throws MqttException {
		this.client.disconnect(1_000).waitForCompletion(TIMEOUT_MILLIS);
	}

	@Override
	public void close() {
		try {
			if (this.client.isConnected()) {
				this.client.disconnectForcibly(100, 100);
			}
			this.client.close(true);
		}
		catch (MqttException ex) {
			// Already closed or never connected: nothing to clean up
		}
	}

	record Received(String topic, byte[] payload) {

	}

}
