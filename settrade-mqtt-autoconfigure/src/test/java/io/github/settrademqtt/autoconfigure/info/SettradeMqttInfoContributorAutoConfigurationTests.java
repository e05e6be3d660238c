package io.github.settrademqtt.autoconfigure.info;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.settrademqtt.actuate.info.SettradeMqttInfoContributor;
import io.github.settrademqtt.actuate.info.SettradeTarget;
import io.github.settrademqtt.autoconfigure.SettradeConnectionDetails;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.SettradeEnvironment;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttInfoContributorAutoConfiguration}.
 */
class SettradeMqttInfoContributorAutoConfigurationTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	/**
	 * Settrade's published test key: a valid secret that logs in nowhere.
	 */
	private static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class, SettradeMqttInfoContributorAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.base-url=https://127.0.0.1:1");

	private final ApplicationContextRunner configured = this.runner.withPropertyValues("settrade.mqtt.app-id=app-1",
			"settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=063");

	@Test
	void contributesToTheInfoEndpoint() {
		this.configured
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					InfoContributorAutoConfiguration.class, InfoEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=info")
			.run((context) -> {
				assertThat(context).hasSingleBean(SettradeMqttInfoContributor.class);
				assertThat(context.getBean(InfoEndpoint.class).info()).containsEntry("settrade",
						Map.of("starterVersion", System.getProperty("settrade-mqtt.project-version"), "brokerId", "063",
								"environment", "custom"));
			});
	}

	@Nested
	class Environments {

		@Test
		void productionWhenTheBrokerIdSelectsSettradesProductionUrl() {
			settrade(withoutBaseUrl().withPropertyValues("settrade.mqtt.broker-id=063"),
					(info) -> assertThat(info).containsEntry("brokerId", "063")
						.containsEntry("environment", "production"));
		}

		@Test
		void sandboxWhenTheBrokerIdSelectsTheSandbox() {
			settrade(withoutBaseUrl().withPropertyValues("settrade.mqtt.broker-id=sandbox"),
					(info) -> assertThat(info).containsEntry("brokerId", "098")
						.containsEntry("environment", "sandbox"));
		}

		@Test
		void sandboxWhenTheBaseUrlIsTheSandboxWhateverTheBrokerId() {
			settrade(
					withoutBaseUrl().withPropertyValues("settrade.mqtt.broker-id=098",
							"settrade.mqtt.base-url=https://open-api-test.settrade.com/"),
					(info) -> assertThat(info).containsEntry("environment", "sandbox"));
		}

		@Test
		void simulatorWhenTalkingToTheEmbeddedSimulator() {
			settrade(
					SettradeMqttInfoContributorAutoConfigurationTests.this.runner
						.withPropertyValues(simulatorProperties()),
					(info) -> assertThat(info).containsEntry("brokerId", "063")
						.containsEntry("environment", "simulator"));
		}

		@Test
		void customWhenTheSimulatorRunsButTheBaseUrlIsAnother() {
			settrade(
					SettradeMqttInfoContributorAutoConfigurationTests.this.runner
						.withPropertyValues(simulatorProperties())
						.withPropertyValues("settrade.mqtt.base-url=https://127.0.0.1:1"),
					(info) -> assertThat(info).containsEntry("environment", "custom"));
		}

		@Test
		void customForAnyOtherBaseUrlWhateverTheBrokerId() {
			settrade(
					SettradeMqttInfoContributorAutoConfigurationTests.this.configured
						.withPropertyValues("settrade.mqtt.base-url=https://settrade-proxy.example.com"),
					(info) -> assertThat(info).containsEntry("brokerId", "063").containsEntry("environment", "custom"));
		}

		/**
		 * What the embedded simulator sets, as {@code @EmbeddedSettrade} and the sample
		 * do.
		 */
		private String[] simulatorProperties() {
			List<String> properties = new ArrayList<>();
			settrade.simulator()
				.springProperties(settrade.app(), "simulator")
				.forEach((key, value) -> properties.add(key + "=" + value));
			return properties.toArray(String[]::new);
		}

		private ApplicationContextRunner withoutBaseUrl() {
			return new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
								RestClientAutoConfiguration.class, SettradeMqttInfoContributorAutoConfiguration.class))
				.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.app-id=app-1",
						"settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1");
		}

		private void settrade(ApplicationContextRunner runner, Consumer<Map<String, Object>> info) {
			runner.run((context) -> {
				assertThat(context).hasNotFailed();
				info.accept(SettradeMqttInfoContributorAutoConfigurationTests
					.settrade(context.getBean(SettradeMqttInfoContributor.class)));
			});
		}

	}

	@Test
	void readsUserDefinedConnectionDetails() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SettradeMqttInfoContributorAutoConfiguration.class))
			.withUserConfiguration(UserConnectionDetailsConfiguration.class)
			.run((context) -> assertThat(settrade(context.getBean(SettradeMqttInfoContributor.class)))
				.containsEntry("brokerId", "042")
				.containsEntry("environment", "production"));
	}

	@Test
	void absentWhenDisabled() {
		this.configured.withPropertyValues("management.info.settrade.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettradeMqttInfoContributor.class));
	}

	@Test
	void followsTheDefaultsSwitch() {
		this.configured.withPropertyValues("management.info.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SettradeMqttInfoContributor.class));
		this.configured
			.withPropertyValues("management.info.defaults.enabled=false", "management.info.settrade.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(SettradeMqttInfoContributor.class));
	}

	@Test
	void absentWithoutActuator() {
		this.configured.withClassLoader(new FilteredClassLoader(InfoContributor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettradeMqttInfoContributor.class));
	}

	@Test
	void absentWhenTheStarterIsInactive() {
		this.runner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettradeMqttInfoContributor.class));
	}

	@Test
	void backsOffFromAUserContributor() {
		this.configured.withUserConfiguration(UserContributorConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(SettradeMqttInfoContributor.class)
				.hasBean("myContributor")
				.doesNotHaveBean("settradeInfoContributor"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> settrade(SettradeMqttInfoContributor contributor) {
		Info.Builder builder = new Info.Builder();
		contributor.contribute(builder);
		return builder.build().get("settrade", Map.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		@Bean
		SettradeMqttInfoContributor myContributor() {
			return new SettradeMqttInfoContributor("063", SettradeTarget.PRODUCTION);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		SettradeConnectionDetails settradeConnectionDetails() {
			return new SettradeConnectionDetails() {

				@Override
				public URI getBaseUrl() {
					return SettradeEnvironment.PRODUCTION.baseUrl();
				}

				@Override
				public String getBrokerId() {
					return "042";
				}

				@Override
				public SettradeEnvironment getEnvironment() {
					return SettradeEnvironment.PRODUCTION;
				}

				@Override
				public String getAppId() {
					return "app-1";
				}

				@Override
				public String getAppCode() {
					return "CODE1";
				}

				@Override
				public @Nullable AppSecret getAppSecret() {
					return null;
				}

			};
		}

	}

}
