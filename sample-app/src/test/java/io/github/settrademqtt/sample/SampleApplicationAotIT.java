package io.github.settrademqtt.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample as Boot's ahead-of-time processing left it ({@code process-aot} in
 * {@code prepare-package}, then this test in {@code integration-test} with
 * {@code spring.aot.enabled=true}): the bean factory comes from the generated code, not
 * from parsing the configuration, and the feed still works. Conditions were evaluated at
 * build time, without the simulator; the simulator's address and credentials are the
 * run's own.
 */
class SampleApplicationAotIT {

	private static final String METADATA = "META-INF/native-image/io.github.settrademqtt/settrade-mqtt-sample-app/reachability-metadata.json";

	@Test
	void theSampleProcessedAheadOfTimeReceivesData() {
		assertThat(AotDetector.useGeneratedArtifacts()).as("spring.aot.enabled").isTrue();
		SpringApplication application = new SpringApplication(SampleApplication.class);
		// the generated initializer is looked up beside the main class: here the test's
		// launcher would be taken for it
		application.setMainApplicationClass(SampleApplication.class);
		try (ConfigurableApplicationContext context = application.run("--server.port=0")) {
			assertThat(context.containsBean(AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME))
				.as("configuration classes parsed at run time")
				.isFalse();
			SettradeSimulator simulator = context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class);
			assertThat(context.getEnvironment().getProperty("settrade.mqtt.base-url")).isEqualTo(simulator.baseUrl());
			await().atMost(Duration.ofSeconds(30)).until(() -> FeedMeters.messagesReceived(context) > 0);
			assertThat(context.getBean(SettradeMqttConnection.class).getHost()).isEqualTo(simulator.dispatcherHost());
			assertThat(simulator.stats().successfulLogins()).isEqualTo(1);
		}
	}

	@Test
	void theBuildCarriesTheStartersRuntimeHints() throws IOException {
		assertThat(readMetadata()).contains("org.eclipse.paho.client.mqttv3.logging.JSR47Logger")
			.contains("org.eclipse.paho.client.mqttv3.internal.nls.logcat");
	}

	private static String readMetadata() throws IOException {
		try (InputStream input = new ClassPathResource(METADATA).getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
