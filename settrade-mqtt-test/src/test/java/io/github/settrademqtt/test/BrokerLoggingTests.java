package io.github.settrademqtt.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.github.settrademqtt.test.mqtt.BrokerLogging;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BrokerLogging}: the embedded broker logs every connection and every
 * published message at {@code INFO} unless quietened.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerLoggingTests {

	private static final String PUBLISH_LINE = "Sending internal PUBLISH message";

	private final MqttClients clients = new MqttClients();

	private final Logger brokerLogger = context().getLogger(BrokerLogging.LOGGER_NAME);

	private Level configuredLevel;

	@BeforeEach
	void rememberLevel() {
		this.configuredLevel = this.brokerLogger.getLevel();
	}

	@AfterEach
	void restoreLevel() {
		this.clients.close();
		this.brokerLogger.setLevel(this.configuredLevel);
	}

	@Test
	void theBrokerIsQuietWhenNoLevelIsConfigured(CapturedOutput output) throws MqttException {
		this.brokerLogger.setLevel(null);
		publishThroughARunningBroker();
		assertThat(this.brokerLogger.getLevel()).isEqualTo(Level.WARN);
		assertThat(output).doesNotContain("io.moquette").doesNotContain(PUBLISH_LINE);
	}

	@Test
	void aConfiguredLevelIsKept(CapturedOutput output) throws MqttException {
		this.brokerLogger.setLevel(Level.INFO);
		publishThroughARunningBroker();
		assertThat(this.brokerLogger.getLevel()).isEqualTo(Level.INFO);
		await().untilAsserted(() -> assertThat(output).contains(PUBLISH_LINE));
	}

	@Test
	void theBrokerStaysQuietWhenLogbackIsReset() throws JoranException {
		this.brokerLogger.setLevel(null);
		BrokerLogging.quiet();
		LoggerContext context = context();
		try {
			context.reset();
			assertThat(context.getLogger(BrokerLogging.LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
		}
		finally {
			// Back to the test configuration for the tests that follow
			new ContextInitializer(context).autoConfig();
		}
	}

	private void publishThroughARunningBroker() throws MqttException {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			SimulatedApp app = simulator.registerApp();
			MqttTestClient client = EmbeddedSettradeMarketTests.subscribed(this.clients, simulator, app,
					"proto/topic/bidofferv3/PTT");
			await().until(() -> simulator.mqtt().subscribedTopics().contains("proto/topic/bidofferv3/PTT"));
			simulator.market().publishBidOffer("PTT");
			await().until(() -> client.payloads("proto/topic/bidofferv3/PTT").size() == 1);
			this.clients.close();
		}
	}

	private static LoggerContext context() {
		return (LoggerContext) LoggerFactory.getILoggerFactory();
	}

}
