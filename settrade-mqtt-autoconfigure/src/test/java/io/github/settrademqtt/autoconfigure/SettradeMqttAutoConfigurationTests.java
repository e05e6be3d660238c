package io.github.settrademqtt.autoconfigure;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import io.github.settrademqtt.login.AccessToken;
import io.github.settrademqtt.login.DefaultSettradeLoginService;
import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.EcdsaSettradeSigner;
import io.github.settrademqtt.login.SettradeEnvironment;
import io.github.settrademqtt.login.SettradeLoginClient;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.login.SettradeSigner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SettradeMqttAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettradeMqttAutoConfigurationTests {

	/**
	 * Settrade's published test key: a valid secret that logs in nowhere.
	 */
	static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	/**
	 * These tests inspect beans only: nothing may try to reach Settrade.
	 */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false");

	private ApplicationContextRunner withCredentials() {
		return this.runner.withPropertyValues("settrade.mqtt.app-id=app-1", "settrade.mqtt.app-secret=" + SECRET,
				"settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=063");
	}

	@Nested
	class Activation {

		@Test
		void inactiveWithoutAppSecretAndSaysSoOnce(CapturedOutput output) {
			SettradeMqttAutoConfigurationTests.this.runner.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(SettradeLoginService.class)
					.doesNotHaveBean(SettradeSigner.class)
					.doesNotHaveBean(SettradeConnectionDetails.class);
				assertThat(output).containsOnlyOnce("Settrade MQTT is inactive: settrade.mqtt.app-secret is not set");
			});
		}

		@Test
		void inactiveWithBlankAppSecret() {
			SettradeMqttAutoConfigurationTests.this.runner
				.withPropertyValues("settrade.mqtt.app-secret=  ", "settrade.mqtt.app-id=app-1")
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettradeLoginService.class));
		}

		@Test
		void activeWithCredentialsWithoutAnyNetworkCall() {
			withCredentials().withPropertyValues("settrade.mqtt.base-url=https://127.0.0.1:1").run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(SettradeConnectionDetails.class)
					.hasSingleBean(EcdsaSettradeSigner.class)
					.hasSingleBean(SettradeLoginClient.class)
					.hasSingleBean(DefaultSettradeLoginService.class)
					.doesNotHaveBean(SettradeMqttAutoConfiguration.InactiveNotice.class);
			});
		}

		@Test
		void disabledWithEnabledFalse(CapturedOutput output) {
			withCredentials().withPropertyValues("settrade.mqtt.enabled=false").run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(SettradeMqttProperties.class)
					.doesNotHaveBean(SettradeLoginService.class);
				assertThat(output).doesNotContain("Settrade MQTT is inactive");
			});
		}

	}

	@Nested
	class Environments {

		@Test
		void productionIsDerivedFromBrokerId() {
			withCredentials().run((context) -> {
				SettradeConnectionDetails details = context.getBean(SettradeConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(URI.create("https://open-api.settrade.com"));
				assertThat(details.getBrokerId()).isEqualTo("063");
				assertThat(details.getEnvironment()).isEqualTo(SettradeEnvironment.PRODUCTION);
			});
		}

		@Test
		void sandboxInAnyCaseMeansUatUrlAndBroker098() {
			withCredentials().withPropertyValues("settrade.mqtt.broker-id=SandBox").run((context) -> {
				SettradeConnectionDetails details = context.getBean(SettradeConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo(URI.create("https://open-api-test.settrade.com"));
				assertThat(details.getBrokerId()).isEqualTo("098");
				assertThat(details.getEnvironment()).isEqualTo(SettradeEnvironment.SANDBOX);
			});
		}

		@Test
		void explicitBaseUrlAlwaysWins() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.broker-id=sandbox",
						"settrade.mqtt.base-url=https://proxy.example:8443")
				.run((context) -> {
					SettradeConnectionDetails details = context.getBean(SettradeConnectionDetails.class);
					assertThat(details.getBaseUrl()).isEqualTo(URI.create("https://proxy.example:8443"));
					assertThat(details.getBrokerId()).isEqualTo("098");
				});
		}

		@Test
		void connectionDetailsToStringMasksTheSecret() {
			withCredentials().run((context) -> assertThat(context.getBean(SettradeConnectionDetails.class).toString())
				.doesNotContain(SECRET)
				.contains("appSecret=******"));
		}

	}

	@Nested
	class UserBeans {

		@Test
		void userLoginServiceBacksOff() {
			withCredentials().withUserConfiguration(UserLoginServiceConfiguration.class).run((context) -> {
				assertThat(context).hasSingleBean(SettradeLoginService.class)
					.doesNotHaveBean(DefaultSettradeLoginService.class);
				assertThat(context.getBean(SettradeLoginService.class)).isSameAs(context.getBean("userLoginService"));
			});
		}

		@Test
		void userSignerBacksOffAndActivatesWithoutSecret() {
			SettradeMqttAutoConfigurationTests.this.runner
				.withPropertyValues("settrade.mqtt.app-id=app-1", "settrade.mqtt.app-code=CODE1",
						"settrade.mqtt.broker-id=063")
				.withUserConfiguration(UserSignerConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(SettradeSigner.class)
						.doesNotHaveBean(EcdsaSettradeSigner.class)
						.hasSingleBean(DefaultSettradeLoginService.class);
				});
		}

		@Test
		void userConnectionDetailsReplacePropertiesAndActivate() {
			SettradeMqttAutoConfigurationTests.this.runner
				.withUserConfiguration(UserConnectionDetailsConfiguration.class)
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(DefaultSettradeLoginService.class);
					assertThat(context.getBean(SettradeLoginClient.class).getCredentials().appCode())
						.isEqualTo("USERCODE");
				});
		}

		@Test
		void restClientCustomizersAreApplied() {
			withCredentials().withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(AtomicInteger.class)).hasValue(1);
			});
		}

	}

	@Nested
	class Healing {

		@Test
		void theCalendarFollowsTheMarketHoursAndTheWatchdogWatches() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.market-hours.sessions=10:00-11:00",
						"settrade.mqtt.market-hours.days=SATURDAY", "settrade.mqtt.market-hours.zone=UTC")
				.run((context) -> {
					assertThat(context).hasSingleBean(FeedWatchdog.class);
					TradingCalendar calendar = context.getBean(TradingCalendar.class);
					// Saturday 28 November 2026
					assertThat(calendar.isOpen(Instant.parse("2026-11-28T10:30:00Z"))).isTrue();
					assertThat(calendar.isOpen(Instant.parse("2026-11-28T11:30:00Z"))).isFalse();
					assertThat(calendar.isOpen(Instant.parse("2026-11-30T10:30:00Z"))).isFalse();
				});
		}

		@Test
		void theDefaultCalendarIsTheSetAndTfexDaySessions() {
			withCredentials().run((context) -> assertThat(
					context.getBean(TradingCalendar.class).isOpen(Instant.parse("2026-11-30T04:00:00Z")))
				.as("Monday 11:00 in Bangkok")
				.isTrue());
		}

		@Test
		void aUserCalendarBacksOff() {
			withCredentials().withBean("userCalendar", TradingCalendar.class, () -> TradingCalendar.ALWAYS_OPEN)
				.run((context) -> assertThat(context.getBean(TradingCalendar.class))
					.isSameAs(TradingCalendar.ALWAYS_OPEN));
		}

		@Test
		void healingCanBeSwitchedOff() {
			withCredentials().withPropertyValues("settrade.mqtt.liveness.heal=false")
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(FeedWatchdog.class));
		}

	}

	@Nested
	class Validation {

		@Test
		void missingKeysAreAllNamed() {
			SettradeMqttAutoConfigurationTests.this.runner.withPropertyValues("settrade.mqtt.app-secret=" + SECRET)
				.run((context) -> assertThat(problems(context))
					.extracting(InvalidSettradePropertiesException.Problem::property)
					.containsExactly("settrade.mqtt.app-id", "settrade.mqtt.app-code", "settrade.mqtt.broker-id"));
		}

		@Test
		void secretOfLengthFourKPlusOneIsNamedAndNotEchoed() {
			String badSecret = SECRET + "Q";
			withCredentials().withPropertyValues("settrade.mqtt.app-secret=" + badSecret).run((context) -> {
				InvalidSettradePropertiesException ex = failure(context);
				assertThat(ex.getProblems()).singleElement()
					.satisfies((problem) -> assertThat(problem.property()).isEqualTo("settrade.mqtt.app-secret"));
				assertThat(ex.getMessage()).contains("settrade.mqtt.app-secret").doesNotContain(SECRET);
				FailureAnalysis analysis = new InvalidSettradePropertiesFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("settrade.mqtt.app-secret").doesNotContain(SECRET);
				assertThat(analysis.getAction()).contains("settrade.mqtt.app-secret");
			});
		}

		@Test
		void secretThatIsNotAScalarIsNamed() {
			withCredentials().withPropertyValues("settrade.mqtt.app-secret=c2hvcnQ=")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.reason()).contains("decodes to 5 bytes")));
		}

		@Test
		void nonPositiveDurationsAreNamed() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.token-refresh-before-expiry=0", "settrade.mqtt.keep-alive=-5",
						"settrade.mqtt.http.read-timeout=0s", "settrade.mqtt.reconnect.min-delay=-1s")
				.run((context) -> assertThat(problems(context))
					.extracting(InvalidSettradePropertiesException.Problem::property)
					.containsExactlyInAnyOrder("settrade.mqtt.token-refresh-before-expiry", "settrade.mqtt.keep-alive",
							"settrade.mqtt.http.read-timeout", "settrade.mqtt.reconnect.min-delay"));
		}

		@Test
		void maxBelowMinIsNamed() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.reconnect.min-delay=10s", "settrade.mqtt.reconnect.max-delay=5s")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.property())
						.isEqualTo("settrade.mqtt.reconnect.max-delay")));
		}

		@Test
		void negativeDeliveryThreadsAreNamedAndZeroIsAccepted() {
			withCredentials().withPropertyValues("settrade.mqtt.delivery.threads=-1")
				.run((context) -> assertThat(problems(context)).singleElement().satisfies((problem) -> {
					assertThat(problem.property()).isEqualTo("settrade.mqtt.delivery.threads");
					assertThat(problem.reason()).isEqualTo("-1 is negative");
				}));
			withCredentials().withPropertyValues("settrade.mqtt.delivery.threads=0")
				.run((context) -> assertThat(context).hasNotFailed());
		}

		@Test
		void portOutOfRangeIsNamed() {
			withCredentials().withPropertyValues("settrade.mqtt.port=70000")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.property()).isEqualTo("settrade.mqtt.port")));
		}

		@Test
		void malformedBaseUrlIsNamed() {
			withCredentials().withPropertyValues("settrade.mqtt.base-url=open-api.settrade.com")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.property()).isEqualTo("settrade.mqtt.base-url")));
			withCredentials().withPropertyValues("settrade.mqtt.base-url=https://bad host")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.reason()).contains("is not a URL")));
			withCredentials().withPropertyValues("settrade.mqtt.base-url=http://open-api.settrade.com")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.reason()).contains("not an absolute https URL")));
		}

		@Test
		void retrySettingsAreChecked() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.login.retry.max-attempts=0", "settrade.mqtt.login.retry.jitter=1.5",
						"settrade.mqtt.login.retry.multiplier=0.5")
				.run((context) -> assertThat(problems(context))
					.extracting(InvalidSettradePropertiesException.Problem::property)
					.containsExactlyInAnyOrder("settrade.mqtt.login.retry.max-attempts",
							"settrade.mqtt.login.retry.jitter", "settrade.mqtt.login.retry.multiplier"));
		}

		@Test
		void marketHoursAndLivenessAreCheckedAndNamed() {
			withCredentials()
				.withPropertyValues("settrade.mqtt.market-hours.sessions=09:45-12:30,9-12",
						"settrade.mqtt.market-hours.holidays=2026-12-31,31/12/2026",
						"settrade.mqtt.liveness.feed-silence-timeout=0")
				.run((context) -> assertThat(problems(context))
					.extracting(InvalidSettradePropertiesException.Problem::property)
					.containsExactlyInAnyOrder("settrade.mqtt.market-hours.sessions[1]",
							"settrade.mqtt.market-hours.holidays[1]", "settrade.mqtt.liveness.feed-silence-timeout"));
		}

		@Test
		void settingsAreCheckedWithUserConnectionDetailsToo() {
			SettradeMqttAutoConfigurationTests.this.runner
				.withUserConfiguration(UserConnectionDetailsConfiguration.class)
				.withPropertyValues("settrade.mqtt.port=0")
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.property()).isEqualTo("settrade.mqtt.port")));
		}

		@Test
		void missingSecretWithUserDetailsAndNoSignerIsNamed() {
			SettradeMqttAutoConfigurationTests.this.runner
				.withUserConfiguration(UserConnectionDetailsWithoutSecretConfiguration.class)
				.run((context) -> assertThat(problems(context)).singleElement()
					.satisfies((problem) -> assertThat(problem.property()).isEqualTo("settrade.mqtt.app-secret")));
		}

		private static java.util.List<InvalidSettradePropertiesException.Problem> problems(
				org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
			return failure(context).getProblems();
		}

		private static InvalidSettradePropertiesException failure(
				org.springframework.boot.test.context.assertj.AssertableApplicationContext context) {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof InvalidSettradePropertiesException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("startup failure caused by InvalidSettradePropertiesException").isNotNull();
			return (InvalidSettradePropertiesException) failure;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserLoginServiceConfiguration {

		@Bean
		SettradeLoginService userLoginService() {
			return new SettradeLoginService() {

				@Override
				public AccessToken accessToken() {
					throw new UnsupportedOperationException();
				}

				@Override
				public AccessToken renewAccessToken() {
					throw new UnsupportedOperationException();
				}

				@Override
				public DispatcherTicket dispatcherTicket() {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSignerConfiguration {

		@Bean
		SettradeSigner userSigner() {
			return (content) -> "00";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		SettradeConnectionDetails userConnectionDetails() {
			return details(io.github.settrademqtt.login.AppSecret.parse(SECRET));
		}

		static SettradeConnectionDetails details(io.github.settrademqtt.login.AppSecret secret) {
			SettradeConnectionDetails details = mock(SettradeConnectionDetails.class);
			org.mockito.BDDMockito.given(details.getBaseUrl()).willReturn(URI.create("https://127.0.0.1:1"));
			org.mockito.BDDMockito.given(details.getBrokerId()).willReturn("063");
			org.mockito.BDDMockito.given(details.getAppId()).willReturn("user-app");
			org.mockito.BDDMockito.given(details.getAppCode()).willReturn("USERCODE");
			org.mockito.BDDMockito.given(details.getAppSecret()).willReturn(secret);
			return details;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsWithoutSecretConfiguration {

		@Bean
		SettradeConnectionDetails userConnectionDetails() {
			return UserConnectionDetailsConfiguration.details(null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		AtomicInteger customizations() {
			return new AtomicInteger();
		}

		@Bean
		SettradeLoginRestClientCustomizer countingCustomizer(AtomicInteger customizations) {
			return (builder) -> customizations.incrementAndGet();
		}

	}

}
