package io.github.settrademqtt.autoconfigure.health;

import java.time.Duration;

import io.github.settrademqtt.actuate.health.SettradeMqttHealthIndicator;
import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttHealthContributorAutoConfiguration}.
 */
class SettradeMqttHealthContributorAutoConfigurationTests {

	/**
	 * Settrade's published test key: a valid secret that logs in nowhere.
	 */
	private static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	/**
	 * Nothing may try to reach Settrade: the connection is never started.
	 */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class,
				SettradeMqttHealthContributorAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.base-url=https://127.0.0.1:1");

	private final ApplicationContextRunner configured = this.runner.withPropertyValues("settrade.mqtt.app-id=app-1",
			"settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=063");

	@Nested
	class Activation {

		@Test
		void registersTheIndicatorAsSettrade() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
						HealthContributorRegistryAutoConfiguration.class))
				.run((context) -> {
					assertThat(context).hasSingleBean(SettradeMqttHealthIndicator.class)
						.hasBean("settradeHealthIndicator");
					assertThat(context.getBean(HealthContributorRegistry.class).getContributor("settrade"))
						.isSameAs(context.getBean(SettradeMqttHealthIndicator.class));
				});
		}

		@Test
		void reportsTheStoppedConnectionAsUnknownWithinTheGracePeriod() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured.run((context) -> {
				Health health = context.getBean(SettradeMqttHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(health.getDetails()).containsEntry("state", "STOPPED");
			});
		}

		@Test
		void absentWhenDisabled() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("management.health.settrade.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void absentWhenHealthIndicatorsAreDisabledByDefault() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("management.health.defaults.enabled=false")
				.run((context) -> assertThat(context).doesNotHaveBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void presentWhenDisabledByDefaultButEnabledByName() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("management.health.defaults.enabled=false",
						"management.health.settrade.enabled=true")
				.run((context) -> assertThat(context).hasSingleBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void absentWithoutTheHealthModule() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withClassLoader(new FilteredClassLoader(AbstractHealthIndicator.class))
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void absentWhenTheStarterIsInactive() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.runner.run(
					(context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void absentWhenTheStarterIsSwitchedOff() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("settrade.mqtt.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(SettradeMqttHealthIndicator.class));
		}

		@Test
		void backsOffFromABeanNamedSettradeHealthIndicator() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withUserConfiguration(UserHealthIndicatorConfiguration.class)
				.run((context) -> {
					assertThat(context).doesNotHaveBean(SettradeMqttHealthIndicator.class);
					assertThat(context.getBean("settradeHealthIndicator", HealthIndicator.class).health().getStatus())
						.isEqualTo(new Status("MINE"));
				});
		}

	}

	@Nested
	class GracePeriod {

		@Test
		void isThirtySecondsByDefault() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class))
					.hasFieldOrPropertyWithValue("connectGracePeriod", Duration.ofSeconds(30)));
		}

		@Test
		void isReadFromManagementHealthSettrade() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("management.health.settrade.connect-grace-period=2m")
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class))
					.hasFieldOrPropertyWithValue("connectGracePeriod", Duration.ofMinutes(2)));
		}

		@Test
		void isStillReadFromTheDeprecatedKey() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("settrade.mqtt.health.connect-grace-period=2m")
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class))
					.hasFieldOrPropertyWithValue("connectGracePeriod", Duration.ofMinutes(2)));
		}

		@Test
		void theNewKeyWinsOverTheDeprecatedOne() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("settrade.mqtt.health.connect-grace-period=2m",
						"management.health.settrade.connect-grace-period=45s")
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class))
					.hasFieldOrPropertyWithValue("connectGracePeriod", Duration.ofSeconds(45)));
		}

		@Test
		void theNewKeyWinsOverTheDeprecatedOneEvenWhenItSetsTheDefault() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("settrade.mqtt.health.connect-grace-period=2m",
						"management.health.settrade.connect-grace-period=30s")
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class))
					.hasFieldOrPropertyWithValue("connectGracePeriod", Duration.ofSeconds(30)));
		}

		@Test
		void zeroReportsDownAtOnce() {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured
				.withPropertyValues("management.health.settrade.connect-grace-period=0s")
				.run((context) -> assertThat(context.getBean(SettradeMqttHealthIndicator.class).health().getStatus())
					.isEqualTo(Status.DOWN));
		}

		@ParameterizedTest
		@ValueSource(strings = { "management.health.settrade.connect-grace-period",
				"settrade.mqtt.health.connect-grace-period" })
		void negativeFailsStartUpNamingTheKeyThatSetIt(String key) {
			SettradeMqttHealthContributorAutoConfigurationTests.this.configured.withPropertyValues(key + "=-1s")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause()
						.hasMessageContaining(key + ": PT-1S is negative")
						.isInstanceOfSatisfying(InvalidSettradePropertiesException.class,
								(ex) -> assertThat(ex.getProblems()).singleElement()
									.satisfies((problem) -> assertThat(problem.action()).contains(key).contains("0s")));
				});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthIndicatorConfiguration {

		@Bean
		HealthIndicator settradeHealthIndicator() {
			return () -> Health.status("MINE").build();
		}

	}

}
