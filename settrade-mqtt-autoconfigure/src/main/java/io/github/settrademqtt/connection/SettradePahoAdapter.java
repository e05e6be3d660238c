package io.github.settrademqtt.connection;

import org.eclipse.paho.client.mqttv3.IMqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

import org.springframework.integration.mqtt.inbound.MqttPahoMessageDrivenChannelAdapter;

/**
 * Spring Integration's Paho v3 adapter for one Settrade connection. Subscriptions are
 * made by {@link MqttSession} so that a SUBACK failure can be reported per topic, which
 * the adapter does only for a single topic. Stopping therefore skips the adapter's
 * unsubscribe (of no topics) and goes straight to a quick forced disconnect.
 *
 * @author settrade-mqtt
 */
final class SettradePahoAdapter extends MqttPahoMessageDrivenChannelAdapter {

	private final TicketClientFactory clientFactory;

	SettradePahoAdapter(String clientId, TicketClientFactory clientFactory) {
		super(clientId, clientFactory);
		this.clientFactory = clientFactory;
	}

	@Override
	protected void doStop() {
		IMqttAsyncClient client = this.clientFactory.client();
		if (client == null || !client.isConnected()) {
			return;
		}
		try {
			client.disconnectForcibly(getQuiescentTimeout(), getDisconnectCompletionTimeout());
		}
		catch (MqttException ex) {
			logger.debug(ex, "Exception while disconnecting");
		}
	}

	/**
	 * Close the client for good, releasing Paho's threads. Unlike the adapter's own
	 * {@code destroy()}, this copes with a client that never connected.
	 */
	@Override
	public void destroy() {
		MqttAsyncClient client = this.clientFactory.client();
		if (client != null) {
			try {
				client.close(true);
			}
			catch (MqttException ex) {
				logger.debug(ex, "Exception while closing the client");
			}
		}
	}

}
