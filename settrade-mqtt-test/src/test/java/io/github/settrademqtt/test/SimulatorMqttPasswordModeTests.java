package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the MQTT endpoint in {@link MqttCredentialMode#PASSWORD} mode, where the
 * ticket is the {@code CONNECT} password and the app code its user name.
 */
class SimulatorMqttPasswordModeTests {

	private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

	private static final MutableClock clock = MutableClock.startingNow();

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension((
			builder) -> builder.clock(clock).tokenLifetime(TOKEN_LIFETIME).credentialMode(MqttCredentialMode.PASSWORD));

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
	void theAppCodeAndTicketOpenAConnection() throws MqttException {
		assertThat(this.simulator.mqtt().credentialMode()).isEqualTo(MqttCredentialMode.PASSWORD);
		String ticket = ticket();
		MqttTestClient client = this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket));
		assertThat(client.subscribe("proto/topic/infov3/PTT")).containsExactly(0);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains("proto/topic/infov3/PTT"));
		this.simulator.mqtt().publish("proto/topic/infov3/PTT", "x".getBytes(StandardCharsets.UTF_8));
		await().until(() -> client.payloads("proto/topic/infov3/PTT").size() == 1);
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThat(mqtt.presentedTickets()).containsExactly(ticket);
		assertThat(mqtt.acceptedConnections()).isOne();
		assertThat(mqtt.rejectedUpgrades()).isZero();
		assertThat(mqtt.openConnections()).isOne();
		assertThat(this.simulator.issuedSecrets()).contains(ticket);
	}

	@Test
	void anUnknownTicketIsRefusedWithBadUserNameOrPassword() {
		assertBadCredentials(credentials(settrade.app().appCode(), "tk-unknown"));
		assertThat(this.simulator.mqtt().presentedTickets()).containsExactly("tk-unknown");
		assertThat(this.simulator.mqtt().rejectedUpgrades()).isOne();
		assertThat(this.simulator.mqtt().acceptedConnections()).isZero();
	}

	@Test
	void aWrongAppCodeIsRefusedAndDoesNotUseTheTicketUp() throws MqttException {
		String ticket = ticket();
		assertBadCredentials(credentials("APPOTHER", ticket));
		this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket));
		assertThat(this.simulator.mqtt().presentedTickets()).containsExactly(ticket, ticket);
		assertThat(this.simulator.mqtt().rejectedUpgrades()).isOne();
		assertThat(this.simulator.mqtt().acceptedConnections()).isOne();
	}

	@Test
	void aTicketOpensOneConnectionOnly() throws MqttException {
		String ticket = ticket();
		this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket)).disconnect();
		assertBadCredentials(credentials(settrade.app().appCode(), ticket));
	}

	@Test
	void aConnectWithoutCredentialsIsRefused() {
		assertBadCredentials(MqttTestClient.options(this.simulator, null));
		assertThat(this.simulator.mqtt().presentedTickets()).isEmpty();
		assertThat(this.simulator.mqtt().rejectedUpgrades()).isOne();
	}

	@Test
	void theAuthorizationHeaderIsIgnored() throws MqttException {
		String ticket = ticket();
		assertBadCredentials(MqttTestClient.bearer(this.simulator, ticket));
		assertThat(this.simulator.mqtt().presentedTickets()).isEmpty();
		this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket));
	}

	@Test
	void refusedUpgradesAreAnsweredBeforeAnyConnect() throws MqttException {
		String ticket = ticket();
		this.simulator.mqtt().refuseUpgradesFor(Duration.ofMinutes(1));
		MqttTestClient client = this.clients.client(this.simulator, this.simulator.brokerId());
		assertThatExceptionOfType(MqttException.class)
			.isThrownBy(() -> client.connect(credentials(settrade.app().appCode(), ticket)))
			.isNotInstanceOf(MqttSecurityException.class);
		assertThat(this.simulator.mqtt().presentedTickets()).isEmpty();
		this.simulator.mqtt().refuseUpgradesFor(Duration.ZERO);
		this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket));
	}

	@Test
	void theServerClosesAConnectionWhenItsTokenExpires() throws MqttException {
		MqttTestClient client = this.clients.connected(this.simulator, credentials(settrade.app().appCode(), ticket()));
		clock.advance(TOKEN_LIFETIME);
		await().until(client::wasLost);
		assertThat(this.simulator.mqtt().connectionsClosedForExpiry()).isOne();
	}

	private MqttConnectOptions credentials(String userName, String password) {
		MqttConnectOptions options = MqttTestClient.options(this.simulator, null);
		options.setUserName(userName);
		options.setPassword(password.toCharArray());
		return options;
	}

	private void assertBadCredentials(MqttConnectOptions options) {
		MqttTestClient client = this.clients.client(this.simulator, this.simulator.brokerId());
		assertThatExceptionOfType(MqttSecurityException.class).isThrownBy(() -> client.connect(options))
			.satisfies(
					(ex) -> assertThat(ex.getReasonCode()).isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION));
		assertThat(client.isConnected()).isFalse();
	}

	private String ticket() {
		return MqttTestClient.ticket(this.rest, settrade.app());
	}

}
