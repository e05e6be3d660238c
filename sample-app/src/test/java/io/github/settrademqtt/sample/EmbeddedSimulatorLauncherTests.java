package io.github.settrademqtt.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedSimulatorLauncher} at environment-preparation time, at run
 * time and under Boot's ahead-of-time processing.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSimulatorLauncherTests {

	private final SpringApplication application = new SpringApplication(SampleApplication.class);

	@Test
	void aheadOfTimeProcessingStartsNoSimulatorButSeesTheStarterConfigured(CapturedOutput output) {
		ConfigurableEnvironment environment = new StandardEnvironment();
		System.setProperty(AbstractAotProcessor.AOT_PROCESSING, "true");
		try {
			new EmbeddedSimulatorLauncher().onApplicationEvent(environmentPrepared(environment));
		}
		finally {
			System.clearProperty(AbstractAotProcessor.AOT_PROCESSING);
		}
		// the starter's beans are generated: the run supplies the simulator's address
		assertThat(environment.getProperty("settrade.mqtt.app-secret")).isNotBlank();
		assertThat(environment.getProperty("settrade.mqtt.base-url")).isNull();
		assertThat(output).doesNotContain("embedded Settrade simulator");
	}

	@Test
	void atRunTimeTheSimulatorIsStartedAndTheStarterPointedAtIt(CapturedOutput output) {
		ConfigurableEnvironment environment = new StandardEnvironment();
		EmbeddedSimulatorLauncher launcher = new EmbeddedSimulatorLauncher();
		launcher.onApplicationEvent(environmentPrepared(environment));
		try {
			String baseUrl = environment.getProperty("settrade.mqtt.base-url");
			assertThat(baseUrl).startsWith("https://localhost:");
			assertThat(environment.getProperty("settrade.mqtt.app-secret")).isNotBlank();
			assertThat(output).contains("using the embedded Settrade simulator at " + baseUrl);
		}
		finally {
			launcher.onApplicationEvent(new ApplicationFailedEvent(this.application, new String[0], null,
					new IllegalStateException("test over")));
		}
	}

	private ApplicationEnvironmentPreparedEvent environmentPrepared(ConfigurableEnvironment environment) {
		return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), this.application, new String[0],
				environment);
	}

}
