package io.github.settrademqtt.docs;

import java.time.Duration;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The listener of the operations guide hears a loss and the recovery after it.
 */
@SpringBootTest(properties = "settrade.mqtt.subscriptions.bid-offer=PTT")
@EmbeddedSettrade
@ExtendWith(OutputCaptureExtension.class)
class FeedWatchTests {

	@Autowired
	private SettradeSimulator simulator;

	@Autowired
	private SettradeMqttConnection connection;

	@Test
	void aLossAndItsRecoveryAreLogged(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getState() == ConnectionState.CONNECTED);
		this.simulator.mqtt().dropAllConnections();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output).contains("Settrade feed lost (")
				.contains("Settrade feed back after a gap of "));
	}

}
