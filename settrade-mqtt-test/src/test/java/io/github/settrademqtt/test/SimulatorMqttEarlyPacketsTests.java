package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that the simulator serves a client that sends packets right after its
 * {@code CONNECT}, without waiting for the {@code CONNACK}, as MQTT 3.1.1 (section 3.1.4)
 * allows. The packets travel in the {@code CONNECT}'s own WebSocket frame, so they reach
 * the broker together with it.
 */
class SimulatorMqttEarlyPacketsTests {

	private static final String FIRST = "proto/topic/infov3/PTT";

	private static final String SECOND = "proto/topic/bidofferv3/PTT";

	@Test
	void packetsSentWithTheConnectAreServedWithATicketInTheHeader() {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			String ticket = ticket(simulator, simulator.registerApp());
			assertEarlyPacketsServed(simulator, RawMqttClient.open(simulator, ticket), (connect) -> connect);
		}
	}

	@Test
	void packetsSentWithTheConnectAreServedWithATicketAsPassword() {
		try (SettradeSimulator simulator = SettradeSimulator.builder()
			.credentialMode(MqttCredentialMode.PASSWORD)
			.build()
			.start()) {
			SimulatedApp app = simulator.registerApp();
			String ticket = ticket(simulator, app);
			assertEarlyPacketsServed(simulator, RawMqttClient.open(simulator, null),
					(connect) -> connect.username(app.appCode()).password(ticket.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private static void assertEarlyPacketsServed(SettradeSimulator simulator, RawMqttClient client,
			Function<MqttMessageBuilders.ConnectBuilder, MqttMessageBuilders.ConnectBuilder> credentials) {
		try (client) {
			MqttMessage publish = MqttMessageBuilders.publish()
				.topicName(FIRST)
				.qos(MqttQoS.AT_MOST_ONCE)
				.payload(Unpooled.copiedBuffer("own", StandardCharsets.UTF_8))
				.build();
			client.sendInOneFrame(credentials.apply(RawMqttClient.connectPacket(30)).build(),
					RawMqttClient.subscribePacket(1, FIRST), RawMqttClient.subscribePacket(2, SECOND), publish,
					RawMqttClient.pingPacket());
			await().until(() -> client.isClosed() || (client.types().contains(MqttMessageType.PINGRESP)
					&& client.types().stream().filter(MqttMessageType.SUBACK::equals).count() == 2));
			assertThat(client.isClosed()).as("connection closed after %s", client).isFalse();
			// The broker answers a PINGREQ on its network thread and a SUBSCRIBE on a
			// session thread: the PINGRESP may overtake the SUBACKs
			assertThat(client.types()).first().isEqualTo(MqttMessageType.CONNACK);
			assertThat(client.received()).filteredOn((packet) -> packet.type() == MqttMessageType.SUBACK)
				.extracting(RawMqttClient.Packet::packetId)
				.containsExactly(1, 2);
			await().until(() -> simulator.mqtt().subscribedTopics().containsAll(List.of(FIRST, SECOND)));
			await().until(() -> client.received()
				.stream()
				.anyMatch((packet) -> packet.topic().equals(FIRST) && packet.text().equals("own")));
			simulator.mqtt().publish(SECOND, "later".getBytes(StandardCharsets.UTF_8));
			await().until(() -> client.received()
				.stream()
				.anyMatch((packet) -> packet.topic().equals(SECOND) && packet.text().equals("later")));
			assertThat(client.isClosed()).isFalse();
		}
	}

	private static String ticket(SettradeSimulator simulator, SimulatedApp app) {
		return MqttTestClient.ticket(SettradeTestClient.trusting(simulator), app);
	}

}
