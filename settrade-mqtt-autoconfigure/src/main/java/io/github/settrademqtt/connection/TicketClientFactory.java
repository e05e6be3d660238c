package io.github.settrademqtt.connection;

import java.util.List;
import java.util.Properties;

import io.github.settrademqtt.login.DispatcherTicket;
import org.eclipse.paho.client.mqttv3.IMqttClient;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.mqtt.core.MqttPahoClientFactory;

/**
 * The client factory of one connection: it presents that connection's own dispatcher
 * ticket, fetched beforehand on the connection's thread, so nothing here touches the
 * network and no ticket is ever used twice.
 * <p>
 * The options are built once: the adapter reads them on start and again on stop, and they
 * must not change in between.
 *
 * @author settrade-mqtt
 */
final class TicketClientFactory implements MqttPahoClientFactory {

	private final MqttConnectOptions options;

	private volatile @Nullable MqttAsyncClient client;

	/**
	 * Create a factory for server URIs checked by {@link ServerUris}, at least one.
	 */
	TicketClientFactory(DispatcherTicket ticket, List<String> serverUris, ConnectionSettings settings) {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setServerURIs(serverUris.toArray(String[]::new));
		// Settrade speaks 3.1.1; left at the default, Paho would retry every URI with 3.1
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setKeepAliveInterval(seconds(settings.keepAlive().toSeconds()));
		options.setConnectionTimeout(seconds(settings.connectTimeout().toSeconds()));
		// recovery is owned by the connection: Paho's own reconnect would race it with a
		// spent ticket
		options.setAutomaticReconnect(false);
		options.setHttpsHostnameVerificationEnabled(true);
		if (settings.socketFactory() != null) {
			options.setSocketFactory(settings.socketFactory());
		}
		if (settings.credentialMode() == CredentialMode.HEADER) {
			Properties headers = new Properties();
			headers.setProperty("Authorization", ticket.authorization());
			options.setCustomWebSocketHeaders(headers);
		}
		else {
			options.setUserName(settings.appCode());
			options.setPassword(ticket.token().toCharArray());
		}
		this.options = options;
	}

	private static int seconds(long seconds) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
	}

	@Override
	public MqttConnectOptions getConnectionOptions() {
		return this.options;
	}

	@Override
	public MqttAsyncClient getAsyncClientInstance(@Nullable String url, String clientId) throws MqttException {
		String uri = (url != null) ? url : this.options.getServerURIs()[0];
		MqttAsyncClient client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
		this.client = client;
		return client;
	}

	@Override
	public IMqttClient getClientInstance(@Nullable String url, String clientId) {
		throw new UnsupportedOperationException("Only the asynchronous client is used");
	}

	/**
	 * Return the client the adapter created, {@code null} before the adapter started.
	 */
	@Nullable MqttAsyncClient client() {
		return this.client;
	}

	@Override
	public String toString() {
		return "TicketClientFactory[serverUris=" + String.join(", ", this.options.getServerURIs()) + "]";
	}

}
