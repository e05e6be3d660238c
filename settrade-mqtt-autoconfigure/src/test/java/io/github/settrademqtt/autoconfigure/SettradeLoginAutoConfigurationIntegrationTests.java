package io.github.settrademqtt.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLException;

import io.github.settrademqtt.login.SettradeApiException;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured login client against the simulator: the application's
 * {@code RestClient} customizers, the starter's timeouts and TLS verification are all in
 * force.
 */
class SettradeLoginAutoConfigurationIntegrationTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		// login calls only: the connection would make calls of its own
		.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.login.retry.initial-backoff=10ms",
				"settrade.mqtt.login.retry.max-backoff=20ms");

	private ApplicationContextRunner withSimulator() {
		return this.runner.withPropertyValues(settrade.simulator()
			.springProperties(settrade.app(), "simulator")
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new));
	}

	@Test
	void applicationRestClientCustomizersApplyToLoginCalls() {
		withSimulator().withUserConfiguration(CountingCustomizerConfiguration.class).run((context) -> {
			context.getBean(SettradeLoginService.class).dispatcherTicket();
			assertThat(context.getBean(CountingCustomizerConfiguration.class).requests).hasValue(2);
		});
	}

	@Test
	void readTimeoutIsApplied() {
		settrade.simulator().faults().latency(Duration.ofSeconds(2));
		withSimulator()
			.withPropertyValues("settrade.mqtt.http.read-timeout=200ms", "settrade.mqtt.login.retry.max-attempts=2")
			.run((context) -> {
				long started = System.nanoTime();
				assertThatExceptionOfType(SettradeApiException.class)
					.isThrownBy(() -> context.getBean(SettradeLoginService.class).accessToken())
					.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(SettradeApiException.NO_RESPONSE));
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			});
	}

	@Test
	void tlsIsVerifiedAgainstDefaultTrustWhenNoBundleIsSet() {
		List<String> properties = new ArrayList<>();
		settrade.simulator().springProperties(settrade.app(), "simulator").forEach((key, value) -> {
			if (!key.startsWith("settrade.mqtt.ssl.")) {
				properties.add(key + "=" + value);
			}
		});
		this.runner.withPropertyValues(properties.toArray(String[]::new))
			.withPropertyValues("settrade.mqtt.login.retry.max-attempts=1")
			.run((context) -> {
				assertThatExceptionOfType(SettradeApiException.class)
					.isThrownBy(() -> context.getBean(SettradeLoginService.class).accessToken())
					.satisfies((ex) -> assertThat(hasCause(ex, SSLException.class)).as("caused by a TLS failure")
						.isTrue());
				assertThat(settrade.simulator().stats().loginRequests()).isZero();
			});
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCustomizerConfiguration {

		final AtomicInteger requests = new AtomicInteger();

		@Bean
		RestClientCustomizer countingRestClientCustomizer() {
			return (builder) -> builder.requestInterceptor((request, body, execution) -> {
				this.requests.incrementAndGet();
				return execution.execute(request, body);
			});
		}

	}

}
