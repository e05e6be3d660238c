package io.github.settrademqtt.test;

import java.time.Duration;

import io.github.settrademqtt.test.mqtt.MqttConnections;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the simulator closes an MQTT connection when its token expires on the system
 * clock, without anyone moving a clock.
 */
class SimulatorMqttTokenExpiryTests {

	private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3);

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.tokenLifetime(TOKEN_LIFETIME));

	@Test
	void theConnectionIsClosedWhenTheTokenExpires() throws MqttException {
		SettradeSimulator simulator = settrade.simulator();
		long loggedIn = System.nanoTime();
		String ticket = MqttTestClient.ticket(SettradeTestClient.trusting(simulator), settrade.app());
		try (MqttClients clients = new MqttClients()) {
			MqttTestClient client = clients.connected(simulator, MqttTestClient.bearer(simulator, ticket));
			client.subscribe("proto/topic/infov3/PTT");
			await().atMost(Duration.ofSeconds(10)).until(client::wasLost);
			Duration connected = Duration.ofNanos(System.nanoTime() - loggedIn);
			assertThat(connected).isGreaterThanOrEqualTo(TOKEN_LIFETIME.minus(MqttConnections.EXPIRY_POLL));
			assertThat(simulator.mqtt().connectionsClosedForExpiry()).isOne();
			await().until(() -> simulator.mqtt().openConnections() == 0);
		}
	}

}
