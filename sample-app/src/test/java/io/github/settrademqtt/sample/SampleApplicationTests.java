package io.github.settrademqtt.sample;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample exactly as its {@code main} does, with no configuration.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationTests {

	@Test
	void withoutCredentialsLogsInToEmbeddedSimulatorAndPrintsNoSecret(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0")) {
			SettradeSimulator simulator = context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class);
			assertThat(output).containsOnlyOnce("using the embedded Settrade simulator at " + simulator.baseUrl());
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(output)
					.containsOnlyOnce("Logged in to Settrade at " + simulator.baseUrl() + " (broker "
							+ simulator.brokerId() + "): MQTT host " + simulator.dispatcherHost())
					.containsPattern("access token valid for \\d+ s"));
			assertThat(simulator.stats().successfulLogins()).isEqualTo(1);
			String appSecret = context.getEnvironment().getProperty("settrade.mqtt.app-secret");
			assertThat(appSecret).isNotBlank();
			assertThat(output.toString()).doesNotContain(appSecret);
			assertThat(simulator.issuedSecrets()).isNotEmpty()
				.allSatisfy((secret) -> assertThat(output.toString()).doesNotContain(secret));
		}
	}

	@Test
	void startUpReportTakesNoTicketBeyondTheConnections(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				"--server.port=0")) {
			SettradeSimulator simulator = context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> output.toString().contains("Logged in to Settrade at "));
			// one connection, one ticket: every ticket issued was presented to the broker
			assertThat(simulator.stats().ticketsIssued()).isEqualTo(1);
			assertThat(simulator.mqtt().presentedTickets()).hasSize(1);
			assertThat(simulator.stats().successfulLogins()).isEqualTo(1);
		}
	}

	@Test
	void withAnAppSecretConfiguredTheSimulatorIsNotStarted(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--settrade.mqtt.enabled=false", "--settrade.mqtt.app-secret=configured")) {
			assertThat(context.containsBean(EmbeddedSimulatorLauncher.BEAN_NAME)).isFalse();
			assertThat(output).doesNotContain("embedded Settrade simulator");
		}
	}

	@Test
	void withoutTheClusterProfileThereIsNoDatabaseAndNoKafka() {
		// the cluster starter and H2 are on the classpath for the cluster profile
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--settrade.mqtt.enabled=false", "--settrade.mqtt.app-secret=configured")) {
			assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
			assertThat(context.getBeanNamesForType(KafkaAdmin.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ProducerFactory.class)).isEmpty();
		}
	}

	@Test
	void withTheAppSecretInTheEnvironmentTheSimulatorIsNotStarted(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("SETTRADE_MQTT_APP_SECRET", "configured", "SETTRADE_MQTT_ENABLED", "false")));
		SpringApplication application = new SpringApplication(SampleApplication.class);
		application.setEnvironment(environment);
		try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
			assertThat(context.getEnvironment().getProperty("settrade.mqtt.app-secret")).isEqualTo("configured");
			assertThat(context.containsBean(EmbeddedSimulatorLauncher.BEAN_NAME)).isFalse();
			assertThat(output).doesNotContain("embedded Settrade simulator");
		}
	}

}
