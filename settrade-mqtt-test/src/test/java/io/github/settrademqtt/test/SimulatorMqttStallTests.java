package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.netty.handler.codec.mqtt.MqttMessageType;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SimulatorMqtt#stallOpenConnections()}: half-open connections.
 */
class SimulatorMqttStallTests {

	private static final String TOPIC = "proto/topic/infov3/PTT";

	private static final MutableClock clock = MutableClock.startingNow();

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.clock(clock).tokenLifetime(Duration.ofMinutes(10)));

	private final MqttClients clients = new MqttClients();

	private SettradeSimulator simulator;

	private SettradeTestClient rest;

	@BeforeEach
	void setUp() {
		this.simulator = settrade.simulator();
		this.rest = SettradeTestClient.trusting(this.simulator, clock);
	}

	@AfterEach
	void closeClients() {
		this.clients.closeAndAwaitClosed(this.simulator);
	}

	@Test
	void aStalledConnectionDeliversNothingUntilPahoTimesOutWhileANewConnectionWorks() throws MqttException {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		MqttTestClient stalled = this.clients.connected(this.simulator, keepAlive(2));
		stalled.subscribe(TOPIC);
		await().until(() -> mqtt.subscribedTopics().contains(TOPIC));
		assertThat(mqtt.stallOpenConnections()).isOne();
		assertThat(mqtt.openConnections()).isOne();
		assertThat(mqtt.stalledConnections()).isOne();
		// The broker forgets the client at once
		await().until(() -> mqtt.subscribedTopics().isEmpty());
		IMqttToken subscribe = stalled.subscribeAsync("proto/topic/infov3/AOT");
		// Opened afterwards: not affected
		MqttTestClient fresh = this.clients.connected(this.simulator, keepAlive(2));
		fresh.subscribe(TOPIC);
		await().until(() -> mqtt.subscribedTopics().contains(TOPIC));
		mqtt.publish(TOPIC, "after".getBytes(StandardCharsets.UTF_8));
		await().until(() -> fresh.payloads(TOPIC).size() == 1);
		// Only the keep-alive tells: no PINGRESP, no SUBACK, no PUBLISH ever arrived
		await().atMost(Duration.ofSeconds(8)).until(stalled::wasLost);
		assertThat(stalled.lostCause()).isInstanceOfSatisfying(MqttException.class,
				(ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_CLIENT_TIMEOUT));
		assertThat(stalled.received()).isEmpty();
		assertThat(subscribe.getResponse()).as("no SUBACK").isNull();
		assertThat(mqtt.subscribedTopics()).containsExactly(TOPIC);
		// Paho closed its socket: the stalled connection is gone
		await().until(() -> mqtt.stalledConnections() == 0 && mqtt.openConnections() == 1);
		// The same keep-alive holds on a working connection: PINGRESPs reach it
		assertThat(fresh.wasLost()).isFalse();
		assertThat(fresh.isConnected()).isTrue();
	}

	@Test
	void nothingReachesAStalledClientWhoseSocketStaysOpen() {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		try (RawMqttClient client = RawMqttClient.connect(this.simulator, ticket(), 60)) {
			client.subscribe(1, TOPIC);
			client.ping();
			await().until(() -> client.types().contains(MqttMessageType.PINGRESP));
			await().until(() -> mqtt.subscribedTopics().contains(TOPIC));
			int before = client.received().size();
			assertThat(mqtt.stallOpenConnections()).isOne();
			client.ping();
			client.subscribe(2, "proto/topic/infov3/AOT");
			mqtt.publish(TOPIC, "lost".getBytes(StandardCharsets.UTF_8));
			await().during(Duration.ofMillis(800))
				.atMost(Duration.ofSeconds(3))
				.until(() -> client.received().size() == before && !client.isClosed());
			assertThat(mqtt.stalledConnections()).isOne();
			assertThat(mqtt.subscribedTopics()).isEmpty();
		}
		await().until(() -> mqtt.openConnections() == 0 && mqtt.stalledConnections() == 0);
	}

	@Test
	void stallingLeavesNothingToStallAndKeepsClosedConnectionsClosed() throws MqttException {
		assertThat(this.simulator.mqtt().stallOpenConnections()).isZero();
		MqttTestClient client = this.clients.connected(this.simulator, keepAlive(30));
		assertThat(this.simulator.mqtt().stallOpenConnections()).isOne();
		assertThat(this.simulator.mqtt().stallOpenConnections()).as("stalled already").isZero();
		this.simulator.reset();
		assertThat(this.simulator.mqtt().stalledConnections()).as("reset keeps it stalled").isOne();
		client.close();
		await().until(() -> this.simulator.mqtt().stalledConnections() == 0);
	}

	@Test
	void aStalledConnectionIsNotClosedForExpiryButCanBeDropped() throws MqttException {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		MqttTestClient client = this.clients.connected(this.simulator, keepAlive(30));
		mqtt.stallOpenConnections();
		clock.advance(Duration.ofMinutes(10));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !client.wasLost());
		assertThat(mqtt.connectionsClosedForExpiry()).isZero();
		assertThat(mqtt.dropAllConnections()).isOne();
		await().until(client::wasLost);
		await().until(() -> mqtt.openConnections() == 0 && mqtt.stalledConnections() == 0);
	}

	@Test
	void stopClosesStalledConnectionsAtOnce() throws MqttException {
		try (SettradeSimulator own = SettradeSimulator.builder().build().start();
				MqttClients ownClients = new MqttClients()) {
			String ticket = MqttTestClient.ticket(SettradeTestClient.trusting(own), own.registerApp());
			MqttTestClient client = ownClients.connected(own, MqttTestClient.bearer(own, ticket));
			assertThat(own.mqtt().stallOpenConnections()).isOne();
			long started = System.nanoTime();
			own.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			await().atMost(Duration.ofSeconds(5)).until(client::wasLost);
			assertThat(own.mqtt().openConnections()).isZero();
		}
	}

	private MqttConnectOptions keepAlive(int seconds) {
		MqttConnectOptions options = MqttTestClient.bearer(this.simulator, ticket());
		options.setKeepAliveInterval(seconds);
		return options;
	}

	private String ticket() {
		return MqttTestClient.ticket(this.rest, settrade.app());
	}

}
