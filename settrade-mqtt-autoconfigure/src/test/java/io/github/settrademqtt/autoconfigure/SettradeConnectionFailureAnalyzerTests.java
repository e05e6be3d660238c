package io.github.settrademqtt.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.login.P256Access;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeConnectionFailureAnalyzer}: a first connection that fails with
 * {@code fail-fast}, against the simulator.
 */
class SettradeConnectionFailureAnalyzerTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private ApplicationContextRunner failFast(boolean trusted, String... overrides) {
		List<String> values = new ArrayList<>();
		settrade.simulator().springProperties(settrade.app(), "simulator").forEach((key, value) -> {
			if (trusted || !key.startsWith("settrade.mqtt.ssl.")) {
				values.add(key + "=" + value);
			}
		});
		values.add("settrade.mqtt.fail-fast=true");
		values.add("settrade.mqtt.login.retry.max-attempts=1");
		values.addAll(List.of(overrides));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
					RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class))
			.withPropertyValues(values.toArray(String[]::new));
	}

	@Test
	void rejectedSignaturePointsAtTheAppSecret() throws Exception {
		String wrongSecret = P256Access.randomSecret();
		failFast(true, "settrade.mqtt.app-secret=" + wrongSecret).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).startsWith("Settrade rejected the login")
				.contains("Signature rejected");
			assertThat(analysis.getAction()).contains("settrade.mqtt.app-secret").contains("settrade.mqtt.app-id");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain(wrongSecret);
		});
	}

	@Test
	void unknownAppPointsAtTheAppIdCodeAndBroker() {
		failFast(true, "settrade.mqtt.app-id=no-such-app").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("Unknown app id or app code");
			assertThat(analysis.getAction()).contains("settrade.mqtt.app-id")
				.contains("settrade.mqtt.app-code")
				.contains("settrade.mqtt.broker-id");
		});
	}

	@Test
	void untrustedCertificatePointsAtTheSslBundle() {
		failFast(false).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("TLS certificate is not trusted");
			assertThat(analysis.getAction()).contains("settrade.mqtt.ssl.bundle").contains("never turns TLS");
		});
	}

	@Test
	void unreachableServiceSuggestsFailFastOff() {
		failFast(true, "settrade.mqtt.base-url=https://127.0.0.1:1").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("settrade.mqtt.fail-fast=false");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new SettradeConnectionFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of " + failure).isNotNull();
		return analysis;
	}

}
