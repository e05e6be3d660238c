package io.github.settrademqtt.autoconfigure;

import java.time.Duration;
import java.util.regex.Pattern;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatorMarket;
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
 * A user's {@link EmbeddedSettrade @EmbeddedSettrade} test context starts, receives and
 * closes without a warning or an error in the output: the application's client stops
 * before the simulator, and the embedded broker keeps its chatter to itself.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSettradeShutdownTests {

	private static final Pattern WARNING_OR_ERROR = Pattern.compile("\\b(WARN|WARNING|ERROR|SEVERE)\\b");

	@Test
	void aTestContextClosesWithoutWarningsOrErrors(CapturedOutput output) throws Exception {
		TestContext testContext = new TestContextManager(UserTests.class).getTestContext();
		ApplicationContext context = testContext.getApplicationContext();
		SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
		SettradeSimulator simulator = context.getBean(SettradeSimulator.class);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulator.market().published(SimulatorMarket.bidOfferTopic("PTT")) >= 20);
		testContext.markApplicationContextDirty(null);
		assertThat(connection.getState()).isEqualTo(ConnectionState.STOPPED);
		assertThat(simulator.isRunning()).isFalse();
		assertThat(output.toString()).containsPattern("Started \\S*UserTests")
			.doesNotContain("io.moquette")
			.satisfies((text) -> assertThat(text.lines().filter((line) -> WARNING_OR_ERROR.matcher(line).find()))
				.as("warnings and errors")
				.isEmpty());
	}

	@SpringBootTest(properties = "settrade.mqtt.subscriptions.bid-offer=PTT")
	@EmbeddedSettrade
	static class UserTests {

		@SpringBootConfiguration
		@EnableAutoConfiguration
		static class Application {

		}

	}

}
