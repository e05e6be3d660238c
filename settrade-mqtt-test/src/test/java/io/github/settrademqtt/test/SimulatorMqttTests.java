package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the MQTT endpoint of {@link SettradeSimulator} in its default
 * {@link MqttCredentialMode#HEADER} mode, with a real Eclipse Paho client over secure
 * WebSocket.
 */
@ExtendWith(OutputCaptureExtension.class)
class SimulatorMqttTests {

	private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

	private static final MutableClock clock = MutableClock.startingNow();

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.clock(clock).tokenLifetime(TOKEN_LIFETIME));

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
	void aClientWithATicketConnectsSubscribesAndReceives() throws MqttException {
		String ticket = ticket();
		MqttTestClient client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
		assertThat(client.subscribe("proto/topic/infov3/PTT")).containsExactly(0);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains("proto/topic/infov3/PTT"));
		byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
		this.simulator.mqtt().publish("proto/topic/infov3/PTT", payload);
		this.simulator.mqtt().publish("proto/topic/infov3/AOT", payload);
		await().until(() -> client.payloads("proto/topic/infov3/PTT").size() == 1);
		assertThat(client.payloads("proto/topic/infov3/PTT").get(0)).isEqualTo(payload);
		assertThat(client.received()).hasSize(1);
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThat(mqtt.presentedTickets()).containsExactly(ticket);
		assertThat(mqtt.acceptedConnections()).isOne();
		assertThat(mqtt.rejectedUpgrades()).isZero();
		assertThat(mqtt.openConnections()).isOne();
		assertThat(this.simulator.issuedSecrets()).contains(ticket);
	}

	@Test
	void theAuthorizationSchemeIsCaseInsensitive() throws MqttException {
		this.clients.connected(this.simulator, MqttTestClient.options(this.simulator, "bearer " + ticket()));
		this.clients.connected(this.simulator, MqttTestClient.options(this.simulator, "BEARER " + ticket()));
		assertThat(this.simulator.mqtt().acceptedConnections()).isEqualTo(2);
	}

	@Test
	void anUpgradeWithoutAuthorizationIsRefused() {
		assertRefused(MqttTestClient.options(this.simulator, null));
		assertRefused(MqttTestClient.options(this.simulator, "Basic " + ticket()));
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThat(mqtt.rejectedUpgrades()).isEqualTo(2);
		assertThat(mqtt.presentedTickets()).isEmpty();
		assertThat(mqtt.acceptedConnections()).isZero();
	}

	@Test
	void anUnknownTicketIsRefused() {
		assertRefused(MqttTestClient.bearer(this.simulator, "tk-unknown"));
		assertThat(this.simulator.mqtt().presentedTickets()).containsExactly("tk-unknown");
		assertThat(this.simulator.mqtt().rejectedUpgrades()).isOne();
	}

	@Test
	void aTicketOpensOneConnectionOnly() throws MqttException {
		String ticket = ticket();
		MqttTestClient first = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
		first.disconnect();
		assertRefused(MqttTestClient.bearer(this.simulator, ticket));
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThat(mqtt.presentedTickets()).containsExactly(ticket, ticket);
		assertThat(mqtt.acceptedConnections()).isOne();
		assertThat(mqtt.rejectedUpgrades()).isOne();
	}

	@Test
	void anExpiredTicketIsRefused() {
		String ticket = ticket();
		clock.advance(TOKEN_LIFETIME);
		assertRefused(MqttTestClient.bearer(this.simulator, ticket));
		assertThat(this.simulator.mqtt().presentedTickets()).containsExactly(ticket);
	}

	@Test
	void aTicketOnAnotherBrokersPathIsRefusedAndNotUsedUp() throws MqttException {
		String ticket = ticket();
		assertRefused(this.clients.client(this.simulator, "098"), MqttTestClient.bearer(this.simulator, ticket));
		this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
	}

	@Test
	void refusedUpgradesDoNotUseTheTicketUp() throws MqttException {
		String ticket = ticket();
		this.simulator.mqtt().refuseUpgradesFor(Duration.ofMinutes(1));
		assertRefused(MqttTestClient.bearer(this.simulator, ticket));
		assertRefused(MqttTestClient.options(this.simulator, null));
		this.simulator.mqtt().refuseUpgradesFor(Duration.ZERO);
		this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThat(mqtt.presentedTickets()).containsExactly(ticket, ticket);
		assertThat(mqtt.rejectedUpgrades()).isEqualTo(2);
		assertThat(mqtt.acceptedConnections()).isOne();
	}

	@Test
	void upgradesAreAcceptedAgainWhenTheRefusalEnds() {
		String ticket = ticket();
		this.simulator.mqtt().refuseUpgradesFor(Duration.ofMillis(500));
		assertRefused(MqttTestClient.bearer(this.simulator, ticket));
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptionsInstanceOf(MqttException.class)
			.until(() -> this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket))
				.isConnected());
	}

	@Test
	void theServerClosesAConnectionWhenItsTokenExpires() throws MqttException {
		MqttTestClient client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		client.subscribe("proto/topic/bidofferv3/PTT");
		assertThat(client.wasLost()).isFalse();
		clock.advance(TOKEN_LIFETIME.minusSeconds(1));
		assertThat(client.isConnected()).isTrue();
		clock.advance(Duration.ofSeconds(1));
		await().until(client::wasLost);
		await().until(() -> this.simulator.mqtt().openConnections() == 0);
		assertThat(this.simulator.mqtt().connectionsClosedForExpiry()).isOne();
		await().until(() -> this.simulator.mqtt().subscribedTopics().isEmpty());
	}

	@Test
	void dropAllConnectionsClosesEveryConnection() throws MqttException {
		MqttTestClient first = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		MqttTestClient second = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		first.subscribe("proto/topic/infov3/PTT");
		second.subscribe("proto/topic/infov3/AOT");
		await().until(() -> this.simulator.mqtt().subscribedTopics().size() == 2);
		assertThat(this.simulator.mqtt().openConnections()).isEqualTo(2);
		assertThat(this.simulator.mqtt().dropAllConnections()).isEqualTo(2);
		await().until(() -> first.wasLost() && second.wasLost());
		assertThat(this.simulator.mqtt().openConnections()).isZero();
		assertThat(this.simulator.mqtt().connectionsClosedForExpiry()).isZero();
		await().until(() -> this.simulator.mqtt().subscribedTopics().isEmpty());
		// The endpoint still works: clients may reconnect at once
		this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
	}

	@Test
	void aDeniedFilterFailsWhileTheOthersOfTheSameSubscribeAreGranted() throws MqttException {
		this.simulator.mqtt().denySubscriptions("proto/topic/infov3/AOT");
		MqttTestClient client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		assertThat(client.subscribe("proto/topic/infov3/AOT", "proto/topic/bidofferv3/AOT")).containsExactly(0x80, 0);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains("proto/topic/bidofferv3/AOT"));
		assertThat(this.simulator.mqtt().subscribedTopics()).containsExactly("proto/topic/bidofferv3/AOT");
	}

	@Test
	void malformedPayloadsAreDeliveredAndCounted() throws MqttException {
		String topic = "proto/topic/bidofferv3/PTT";
		MqttTestClient client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		client.subscribe(topic);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains(topic));
		this.simulator.mqtt().publishMalformed(topic);
		await().until(() -> client.payloads(topic).size() == 1);
		assertThat(this.simulator.mqtt().malformedPublished(topic)).isOne();
		assertThat(this.simulator.mqtt().malformedPublished("proto/topic/infov3/PTT")).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorPayloads.sequence(client.payloads(topic).get(0)));
	}

	@Test
	void publishingNeedsATopicName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.mqtt().publish("a/+", new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.mqtt().publish("", new byte[0]));
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.mqtt().publishMalformed("a/#"));
	}

	@Test
	void resetClearsFaultsAndCountersButKeepsConnections() throws MqttException {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		MqttTestClient client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
		assertRefused(MqttTestClient.bearer(this.simulator, "tk-unknown"));
		mqtt.denySubscriptions("proto/topic/infov3/PTT").refuseUpgradesFor(Duration.ofMinutes(1));
		mqtt.publishMalformed("proto/topic/infov3/PTT");
		this.simulator.reset();
		assertThat(mqtt.presentedTickets()).isEmpty();
		assertThat(mqtt.acceptedConnections()).isZero();
		assertThat(mqtt.rejectedUpgrades()).isZero();
		assertThat(mqtt.malformedPublished("proto/topic/infov3/PTT")).isZero();
		assertThat(mqtt.openConnections()).isOne();
		assertThat(client.subscribe("proto/topic/infov3/PTT")).containsExactly(0);
		this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
	}

	@Test
	void noTicketIsLoggedEvenAtDebugLevel(CapturedOutput output) throws MqttException {
		String accepted = ticket();
		this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, accepted));
		assertRefused(MqttTestClient.bearer(this.simulator, accepted));
		this.simulator.mqtt().refuseUpgradesFor(Duration.ofMinutes(1));
		assertRefused(MqttTestClient.bearer(this.simulator, ticket()));
		// The debug lines are there, masked, so the check below is not vacuous
		assertThat(output.getAll()).contains("MQTT ticket tk-****");
		assertThat(this.simulator.mqtt().presentedTickets()).hasSize(3)
			.allSatisfy((ticket) -> assertThat(output.getAll()).doesNotContain(ticket));
	}

	private String ticket() {
		return MqttTestClient.ticket(this.rest, settrade.app());
	}

	private void assertRefused(org.eclipse.paho.client.mqttv3.MqttConnectOptions options) {
		assertRefused(this.clients.client(this.simulator, this.simulator.brokerId()), options);
	}

	private static void assertRefused(MqttTestClient client,
			org.eclipse.paho.client.mqttv3.MqttConnectOptions options) {
		// Paho ignores the status of a refused upgrade: it fails on the missing upgrade
		// headers instead
		assertThatExceptionOfType(MqttException.class).isThrownBy(() -> client.connect(options));
		assertThat(client.isConnected()).isFalse();
	}

}
