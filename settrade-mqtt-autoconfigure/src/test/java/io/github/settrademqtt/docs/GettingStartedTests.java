package io.github.settrademqtt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The getting-started guide's {@code application.yml} and listener ({@link TopOfBook}) do
 * what the guide says: with no credentials in the environment the starter stays inactive
 * and says so, and with them (under the names the guide gives) the listener logs books.
 * The environment is a stand-in, so that the build's own does not matter.
 */
@ExtendWith(OutputCaptureExtension.class)
class GettingStartedTests {

	private static final String APPLICATION_YML = "io/github/settrademqtt/docs/application.yml";

	@Test
	void withoutCredentialsTheStarterStaysInactiveAndSaysSo(CapturedOutput output) {
		application(Map.of()).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(TopOfBook.class)
				.doesNotHaveBean(SettradeMqttConnection.class);
			assertThat(output).containsOnlyOnce("Settrade MQTT is inactive");
		});
	}

	@Test
	void withCredentialsInTheEnvironmentTheListenerLogsBooks(CapturedOutput output) {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			SimulatedApp app = simulator.registerApp();
			simulator.market().startForSubscriptions(10);
			Map<String, Object> environment = Map.of("SETTRADE_MQTT_APP_ID", app.appId(), "SETTRADE_MQTT_APP_SECRET",
					app.appSecret(), "SETTRADE_MQTT_APP_CODE", app.appCode(), "SETTRADE_MQTT_BROKER_ID",
					app.brokerId());
			application(environment)
				.withPropertyValues("settrade.mqtt.base-url=" + simulator.baseUrl(),
						"settrade.mqtt.ssl.bundle=simulator",
						"spring.ssl.bundle.pem.simulator.truststore.certificate=" + simulator.trustedCertificatePem())
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(SettradeMqttConnection.class);
					assertThat(context.getBean(SubscriptionRegistry.class).topics()).contains(
							"proto/topic/bidofferv3/PTT", "proto/topic/bidofferv3/AOT", "proto/topic/infov3/PTT",
							"proto/topic/infov3/AOT");
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(output).containsPattern("TopOfBook +- PTT [0-9.]+ / [0-9.]+")
							.containsPattern("TopOfBook +- AOT [0-9.]+ / [0-9.]+"));
				});
		}
	}

	/**
	 * The guide's application: its listener, the starter, {@code application.yml} after
	 * the environment as in Spring Boot, and an environment holding only what is given.
	 */
	private static ApplicationContextRunner application(Map<String, Object> environment) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
					RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class))
			.withUserConfiguration(TopOfBook.class)
			.withInitializer((context) -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								environment));
				applicationYml().forEach(sources::addLast);
			});
	}

	private static List<PropertySource<?>> applicationYml() {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource(APPLICATION_YML));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
