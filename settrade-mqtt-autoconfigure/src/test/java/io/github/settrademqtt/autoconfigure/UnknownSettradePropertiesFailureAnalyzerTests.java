package io.github.settrademqtt.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link UnknownSettradePropertiesFailureAnalyzer}: a mistyped key fails
 * start-up instead of silently leaving its default.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownSettradePropertiesFailureAnalyzerTests {

	private static final String SECRET = SettradeMqttAutoConfigurationTests.SECRET;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false");

	private final ApplicationContextRunner configured = this.runner.withPropertyValues("settrade.mqtt.app-id=app-1",
			"settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=063");

	@Test
	void aMistypedKeyFailsAndTheNearestKeyIsSuggested() {
		this.configured.withPropertyValues("settrade.mqtt.subscriptons.bid-offer=PTT").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("    - settrade.mqtt.subscriptons.bid-offer: is not a property of the Settrade MQTT starter");
			assertThat(analysis.getAction()).contains("    - Did you mean settrade.mqtt.subscriptions.bid-offer? "
					+ "Correct the name of settrade.mqtt.subscriptons.bid-offer");
		});
	}

	@Test
	void aKeyOneLevelTooHighIsFoundByItsLastPartAndASlipByItsSpelling() {
		this.configured.withPropertyValues("settrade.mqtt.bid-offer=PTT")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("Did you mean settrade.mqtt.subscriptions.bid-offer?"));
		this.configured.withPropertyValues("settrade.mqtt.connect-timeut=5s")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("Did you mean settrade.mqtt.connect-timeout?"));
	}

	@Test
	void keysInsideAListOfGroupsAreChecked() {
		this.configured
			.withPropertyValues("settrade.mqtt.subscriptions.candlestick[0].symbol=PTT",
					"settrade.mqtt.subscriptions.candlestick[0].intervall=1m")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("settrade.mqtt.subscriptions.candlestick[0].intervall: is not a property");
				assertThat(analysis.getAction())
					.contains("Did you mean settrade.mqtt.subscriptions.candlestick.interval?");
			});
	}

	@Test
	void aKeyNothingResemblesIsStillNamed() {
		this.configured.withPropertyValues("settrade.mqtt.colour=blue")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.contains("Correct or remove settrade.mqtt.colour: docs/configuration.md lists every key"));
	}

	@Test
	void aMistypedSecretKeyFailsEvenThoughTheStarterIsInactive() {
		this.runner.withPropertyValues("settrade.mqtt.app-secert=" + SECRET).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("settrade.mqtt.app-secert").doesNotContain(SECRET);
			assertThat(analysis.getAction()).contains("Did you mean settrade.mqtt.app-secret?").doesNotContain(SECRET);
		});
	}

	@Test
	void runsBeforeSpringBootsOwnAnalyzerWhichShowsTheValue() throws ClassNotFoundException {
		FailureAnalyzer boot = (FailureAnalyzer) BeanUtils.instantiateClass(ClassUtils.forName(
				"org.springframework.boot.diagnostics.analyzer.UnboundConfigurationPropertyFailureAnalyzer", null));
		this.runner.withPropertyValues("settrade.mqtt.app-secert=" + SECRET)
			.run((context) -> assertThat(boot.analyze(context.getStartupFailure()).getDescription()).contains(SECRET));
		List<FailureAnalyzer> analyzers = new ArrayList<>(
				List.of(boot, new UnknownSettradePropertiesFailureAnalyzer()));
		AnnotationAwareOrderComparator.sort(analyzers);
		assertThat(analyzers.get(0)).isInstanceOf(UnknownSettradePropertiesFailureAnalyzer.class);
	}

	@Test
	void theApplicationReportsItWithoutEverShowingTheValue(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(TestApplication.class)
			.web(WebApplicationType.NONE)
			.properties("settrade.mqtt.auto-startup=false", "settrade.mqtt.app-id=app-1",
					"settrade.mqtt.app-code=CODE1", "settrade.mqtt.broker-id=063",
					"settrade.mqtt.appsecret-value=" + SECRET);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("settrade.mqtt.appsecret-value: is not a property of the Settrade MQTT starter")
			.doesNotContain(SECRET);
	}

	@Test
	void everyRealKeyBinds() {
		this.configured
			.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=PTT,AOT",
					"settrade.mqtt.subscriptions.candlestick[0].symbol=PTT",
					"settrade.mqtt.subscriptions.candlestick[0].interval=1m", "settrade.mqtt.login.retry.jitter=0.1",
					"settrade.mqtt.market-hours.days=MONDAY", "settrade.mqtt.health.connect-grace-period=10s",
					"settrade.mqtt.rotation=restart", "settrade.mqtt.appId=relaxed-binding")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void keysOutsideTheStarterAreLeftToSpringBoot() {
		UnboundConfigurationPropertiesException unbound = new UnboundConfigurationPropertiesException(
				Set.of(new ConfigurationProperty(ConfigurationPropertyName.of("spring.ssl.bundle.x"), "y", null)));
		assertThat(new UnknownSettradePropertiesFailureAnalyzer().analyze(unbound)).isNull();
	}

	@Test
	void theNamesAreReadOffTheProperties() {
		assertThat(SettradeMqttPropertyNames.all())
			.contains("settrade.mqtt.app-secret", "settrade.mqtt.enabled", "settrade.mqtt.login.retry.max-attempts",
					"settrade.mqtt.subscriptions.candlestick.symbol",
					"settrade.mqtt.subscriptions.candlestick.interval", "settrade.mqtt.market-hours.zone")
			.doesNotContain("settrade.mqtt.class", "settrade.mqtt.subscriptions", "settrade.mqtt.login");
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new UnknownSettradePropertiesFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis").isNotNull();
		return analysis;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
