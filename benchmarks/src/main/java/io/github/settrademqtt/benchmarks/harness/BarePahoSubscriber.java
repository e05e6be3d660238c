package io.github.settrademqtt.benchmarks.harness;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.test.SettradeSimulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The baseline: what a user writes without the starter. One Paho v3 client over secure
 * WebSocket with a dispatcher ticket, subscribed at QoS 0, handling every message on
 * Paho's callback thread.
 *
 * @author settrade-mqtt
 */
public final class BarePahoSubscriber implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BarePahoSubscriber.class);

	private static final int SUBSCRIBE_BATCH = 100;

	private final MqttClient client;

	private BarePahoSubscriber(MqttClient client) {
		this.client = client;
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
		String uri = "wss://" + ticket.host() + "/api/dispatcher/v3/" + simulator.brokerId() + "/mqtt";
		MqttClient client = new MqttClient(uri, "bare-paho-" + UUID.randomUUID(), new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setKeepAliveInterval(30);
		options.setHttpsHostnameVerificationEnabled(true);
		options.setSocketFactory(trusting(simulator).getSocketFactory());
		Properties headers = new Properties();
		headers.setProperty("Authorization", ticket.authorization());
		options.setCustomWebSocketHeaders(headers);
		client.setCallback(new MqttCallback() {

			@Override
			public void messageArrived(String topic, MqttMessage message) throws Exception {
				handler.messageArrived(topic, message.getPayload());
			}

			@Override
			public void connectionLost(Throwable cause) {
				logger.warn("Bare Paho client lost its connection: " + cause);
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		client.connect(options);
		// in batches: a SUBSCRIBE of a thousand topics would pass the broker's packet
		// size
		for (int from = 0; from < topics.size(); from += SUBSCRIBE_BATCH) {
			List<String> batch = topics.subList(from, Math.min(topics.size(), from + SUBSCRIBE_BATCH));
			client.subscribe(batch.toArray(String[]::new), new int[batch.size()]);
		}
		return new BarePahoSubscriber(client);
	}

	private static SSLContext trusting(SettradeSimulator simulator) throws GeneralSecurityException {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(simulator.trustStore());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	@Override
	public void close() throws MqttException {
		try {
			if (this.client.isConnected()) {
				this.client.disconnect(1000);
			}
		}
		finally {
			this.client.close();
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
