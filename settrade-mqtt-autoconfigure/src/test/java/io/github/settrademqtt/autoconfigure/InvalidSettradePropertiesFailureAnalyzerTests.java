package io.github.settrademqtt.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link InvalidSettradePropertiesFailureAnalyzer}: what a user reads when a
 * typo stops the application.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettradePropertiesFailureAnalyzerTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.app-id=app-1",
				"settrade.mqtt.app-secret=" + SettradeMqttAutoConfigurationTests.SECRET,
				"settrade.mqtt.app-code=CODE1");

	@Test
	void aMistypedSandboxNamesTheKeyAndSuggestsSandbox() {
		this.runner.withPropertyValues("settrade.mqtt.broker-id=sandbx").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new InvalidSettradePropertiesFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription())
				.isEqualTo("The Settrade MQTT starter is misconfigured:" + System.lineSeparator()
						+ "    - settrade.mqtt.broker-id: 'sandbx' is neither a three-digit broker id nor SANDBOX");
			assertThat(analysis.getAction()).isEqualTo("Update your application's configuration:"
					+ System.lineSeparator() + "    - Did you mean SANDBOX? Set settrade.mqtt.broker-id to your "
					+ "broker's three-digit id, such as 063, or to SANDBOX for the Settrade sandbox");
		});
	}

	@Test
	void aSandboxInAnyCaseStillStarts() {
		this.runner.withPropertyValues("settrade.mqtt.broker-id=SandBox")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theApplicationReportsTheTypoInsteadOfStarting(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("settrade.mqtt.auto-startup=false", "settrade.mqtt.base-url=https://127.0.0.1:1",
					"settrade.mqtt.app-id=app-1",
					"settrade.mqtt.app-secret=" + SettradeMqttAutoConfigurationTests.SECRET,
					"settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=snadbox");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("settrade.mqtt.broker-id: 'snadbox' is neither a three-digit broker id nor SANDBOX")
			.contains("Did you mean SANDBOX?")
			.doesNotContain(SettradeMqttAutoConfigurationTests.SECRET);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
