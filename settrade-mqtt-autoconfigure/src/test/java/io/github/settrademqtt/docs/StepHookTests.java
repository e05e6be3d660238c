package io.github.settrademqtt.docs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.EmbeddedSettrade;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "settrade.mqtt.subscriptions.bid-offer=PTT")
@EmbeddedSettrade
class StepHookTests {

	@Autowired
	private SettradeMqttConnection connection;

	@Test
	void aRotationThatFailsToHandOverKeepsTheOldConnection() {
		AtomicBoolean armed = new AtomicBoolean(true);
		this.connection.setStepHook((step) -> {
			if (step == ConnectionStep.HAND_OVER && armed.compareAndSet(true, false)) {
				throw new IllegalStateException("injected");
			}
		});
		await().until(() -> this.connection.getState() == ConnectionState.CONNECTED);
		this.connection.rotate();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.connection.getLastRotationFailure() != null);
		assertThat(this.connection.getLastRotationFailure().reason()).contains("injected");
		assertThat(this.connection.getState()).isEqualTo(ConnectionState.CONNECTED);
	}

}
