package io.github.settrademqtt.test;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

import static org.awaitility.Awaitility.await;

/**
 * The Paho clients a test created, closed together when it ends.
 */
final class MqttClients implements AutoCloseable {

	private final List<MqttTestClient> clients = new ArrayList<>();

	synchronized MqttTestClient client(SettradeSimulator simulator, String brokerIdInPath) {
		MqttTestClient client = MqttTestClient.create(simulator, brokerIdInPath);
		this.clients.add(client);
		return client;
	}

	MqttTestClient connected(SettradeSimulator simulator, MqttConnectOptions options) throws MqttException {
		return client(simulator, simulator.brokerId()).connect(options);
	}

	/**
	 * Closes the clients and waits until the simulator no longer counts their
	 * connections, so that one test's connections do not count in the next.
	 */
	void closeAndAwaitClosed(SettradeSimulator simulator) {
		close();
		await().until(() -> simulator.mqtt().openConnections() == 0);
	}

	@Override
	public synchronized void close() {
		this.clients.forEach(MqttTestClient::close);
		this.clients.clear();
	}

}
