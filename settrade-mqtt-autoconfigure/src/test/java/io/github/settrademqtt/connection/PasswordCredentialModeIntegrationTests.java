package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.FeedRecorder;
import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.test.MqttCredentialMode;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed client's credential mode: app code and ticket as MQTT user name and password.
 */
class PasswordCredentialModeIntegrationTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.credentialMode(MqttCredentialMode.PASSWORD));

	@AfterEach
	void stopMarket() {
		settrade.simulator().market().stop();
	}

	@Test
	void connectsWithAppCodeAndTicketAsUserNameAndPassword() {
		settrade.simulator().market().start(List.of("PTT"), 50);
		SimulatorContexts
			.runner(settrade.simulator(), settrade.app(), "settrade.mqtt.credential-mode=password",
					"settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) >= 5);
				assertThat(settrade.simulator().mqtt().acceptedConnections()).isEqualTo(1);
				assertThat(settrade.simulator().mqtt().rejectedUpgrades()).isZero();
			});
	}

	@Test
	void headerModeIsRefusedByAPasswordModeService() {
		SimulatorContexts.runner(settrade.simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> settrade.simulator().mqtt().rejectedUpgrades() >= 2);
				assertThat(connection.getState()).isNotEqualTo(ConnectionState.CONNECTED);
				assertThat(settrade.simulator().mqtt().acceptedConnections()).isZero();
			});
	}

}
