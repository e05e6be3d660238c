package io.github.settrademqtt.test;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;

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

	@Override
	public synchronized void close() {
		this.clients.forEach(MqttTestClient::close);
		this.clients.clear();
	}

}
