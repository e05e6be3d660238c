package io.github.settrademqtt;

import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An application context with the starter pointed at a simulator, with fast back-off so
 * recovery tests run quickly, and a market that is always open. Tests that need more
 * auto-configurations add them with {@code withConfiguration}.
 */
public final class SimulatorContexts {

	private SimulatorContexts() {
	}

	public static ApplicationContextRunner runner(SettradeSimulator simulator, SimulatedApp app, String... properties) {
		List<String> values = new ArrayList<>();
		simulator.springProperties(app, "simulator").forEach((key, value) -> values.add(key + "=" + value));
		values.add("settrade.mqtt.login.retry.initial-backoff=20ms");
		values.add("settrade.mqtt.login.retry.max-backoff=100ms");
		values.add("settrade.mqtt.reconnect.min-delay=200ms");
		values.add("settrade.mqtt.reconnect.max-delay=1s");
		values.add("settrade.mqtt.connect-timeout=5s");
		// the simulated market trades whenever a test runs
		values.add("settrade.mqtt.market-hours.sessions=00:00-24:00");
		values.add("settrade.mqtt.market-hours.days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
		values.addAll(List.of(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
					RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class))
			.withPropertyValues(values.toArray(String[]::new));
	}

}
