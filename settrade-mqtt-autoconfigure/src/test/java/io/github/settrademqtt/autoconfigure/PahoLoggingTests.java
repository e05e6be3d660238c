package io.github.settrademqtt.autoconfigure;

import java.time.Duration;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A half-open connection found by the MQTT keep-alive is one {@code WARN} of the
 * connection's, not also Paho's own {@code SEVERE} (an {@code ERROR} line), unless the
 * application asks for Paho's.
 */
@ExtendWith(OutputCaptureExtension.class)
class PahoLoggingTests {

	private static final String PAHO_TIMEOUT = "Timed out as no activity";

	private static final String OUR_WARNING = "Lost the Settrade MQTT connection";

	@Test
	void aKeepAliveTimeoutIsOneWarningOfOurs(CapturedOutput output) {
		String log = stallUntilLost(DefaultLevels.class, output);
		assertThat(log).doesNotContain(PAHO_TIMEOUT);
		assertThat(log.lines().filter((line) -> line.contains(OUR_WARNING))).singleElement()
			.asString()
			.contains("WARN");
		assertThat(log.lines().filter((line) -> line.contains(" ERROR "))).isEmpty();
	}

	@Test
	void anApplicationsOwnPahoLevelWins(CapturedOutput output) {
		String log = stallUntilLost(PahoErrorsWanted.class, output);
		await().atMost(Duration.ofSeconds(5)).until(() -> output.toString().contains(PAHO_TIMEOUT));
		assertThat(log).contains(OUR_WARNING);
	}

	private String stallUntilLost(Class<?> testClass, CapturedOutput output) {
		TestContext testContext = new TestContextManager(testClass).getTestContext();
		try {
			ApplicationContext context = testContext.getApplicationContext();
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			SettradeSimulator simulator = context.getBean(SettradeSimulator.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
			int before = output.toString().length();
			assertThat(simulator.mqtt().stallOpenConnections()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(15)).until(() -> output.toString().contains(OUR_WARNING));
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
			return output.toString().substring(before);
		}
		finally {
			testContext.markApplicationContextDirty(null);
		}
	}

	/**
	 * Only the keep-alive can notice the stalled connection: no watchdog, nothing to
	 * subscribe.
	 */
	@SpringBootTest(properties = { "settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.keep-alive=1s",
			"settrade.mqtt.liveness.heal=false" })
	@EmbeddedSettrade(rate = 0)
	static class DefaultLevels {

		@SpringBootConfiguration
		@EnableAutoConfiguration
		static class Application {

		}

	}

	@SpringBootTest(properties = { "settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.keep-alive=1s",
			"settrade.mqtt.liveness.heal=false",
			"logging.level.org.eclipse.paho.client.mqttv3.internal.ClientState=error" })
	@EmbeddedSettrade(rate = 0)
	static class PahoErrorsWanted {

		@SpringBootConfiguration
		@EnableAutoConfiguration
		static class Application {

		}

	}

}
