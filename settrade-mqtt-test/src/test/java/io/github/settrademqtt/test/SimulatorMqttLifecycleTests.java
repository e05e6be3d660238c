package io.github.settrademqtt.test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.settrademqtt.test.market.PacedPublisher;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests that stopping a {@link SettradeSimulator} stops its MQTT broker, market generator
 * and every thread they started, and that a restarted simulator serves MQTT again.
 */
class SimulatorMqttLifecycleTests {

	/**
	 * Names of the threads the simulator's parts start: its event loops, the market
	 * generator, and Moquette's event loops, session loops and executors.
	 */
	private static final List<String> SIMULATOR_THREAD_PREFIXES = List.of("settrade-simulator", "nioEventLoopGroup",
			"Session Executor", "pool-");

	@Test
	void closeStopsTheBrokerTheGeneratorAndTheirThreadsAndClosesThePorts() throws MqttException {
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		SettradeSimulator simulator = SettradeSimulator.builder().build().start();
		int port;
		int brokerPort;
		try (simulator; MqttClients clients = new MqttClients()) {
			port = simulator.port();
			assertThat(simulator.mqtt().brokerPort()).as("the broker starts with the first connection").isEmpty();
			MqttTestClient client = clients.connected(simulator,
					MqttTestClient.bearer(simulator, ticket(simulator, simulator.registerApp())));
			client.subscribe("proto/topic/infov3/PTT");
			brokerPort = simulator.mqtt().brokerPort().orElseThrow();
			simulator.market().start(List.of("PTT"), 100);
			await().until(() -> !client.payloads("proto/topic/infov3/PTT").isEmpty());
			assertThat(newThreadNames(before)).anyMatch((name) -> name.equals(PacedPublisher.THREAD_NAME))
				.anyMatch((name) -> name.startsWith("Session Executor"));
		}
		assertThat(simulator.market().isRunning()).isFalse();
		assertThat(simulator.mqtt().brokerPort()).isEmpty();
		await().until(() -> newThreadNames(before).stream()
			.noneMatch((name) -> SIMULATOR_THREAD_PREFIXES.stream().anyMatch(name::startsWith)));
		assertRefused(port);
		assertRefused(brokerPort);
	}

	@Test
	void aRestartedSimulatorServesMqttAgain() throws MqttException {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start();
				MqttClients clients = new MqttClients()) {
			SimulatedApp app = simulator.registerApp();
			clients.connected(simulator, MqttTestClient.bearer(simulator, ticket(simulator, app)));
			simulator.stop();
			// the server's event loops close the sockets as they shut down; the count
			// follows each close, which a loaded machine may run a moment later
			await().atMost(Duration.ofSeconds(5)).until(() -> simulator.mqtt().openConnections() == 0);
			simulator.start();
			MqttTestClient client = clients.connected(simulator,
					MqttTestClient.bearer(simulator, ticket(simulator, app)));
			client.subscribe("proto/topic/bidofferv3/PTT");
			await().until(() -> simulator.mqtt().subscribedTopics().contains("proto/topic/bidofferv3/PTT"));
			simulator.mqtt().publish("proto/topic/bidofferv3/PTT", "again".getBytes(StandardCharsets.UTF_8));
			await().until(() -> client.payloads("proto/topic/bidofferv3/PTT").size() == 1);
		}
	}

	private static String ticket(SettradeSimulator simulator, SimulatedApp app) {
		return MqttTestClient.ticket(SettradeTestClient.trusting(simulator), app);
	}

	private static Set<String> newThreadNames(Set<Thread> before) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> !before.contains(thread))
			.map(Thread::getName)
			.collect(Collectors.toSet());
	}

	private static void assertRefused(int port) {
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				throw new IOException("Port " + port + " still accepts connections");
			}
		});
	}

}
