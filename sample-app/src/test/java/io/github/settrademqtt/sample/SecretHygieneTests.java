package io.github.settrademqtt.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app secret, every access and refresh token, every ticket and every signature of a
 * full run (login, refresh, rotation, reconnect, a rejected login) appear nowhere: not in
 * the log at DEBUG for the starter, Spring Integration and Paho, and not on the health,
 * env, configprops, info or metrics endpoints, even with every value shown.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.tokenLifetime(Duration.ofSeconds(4)));

	@Test
	void noSecretOfAFullRunReachesTheLogOrAnEndpoint(CapturedOutput output) {
		SettradeSimulator simulator = settrade.simulator();
		simulator.market().start(List.of("PTT"), 20);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--settrade.mqtt.token-refresh-before-expiry=2s",
				"--settrade.mqtt.reconnect.min-delay=200ms", "--settrade.mqtt.reconnect.max-delay=1s",
				"--settrade.mqtt.login.retry.initial-backoff=20ms", "--logging.level.io.github.settrademqtt=DEBUG",
				"--logging.level.org.springframework.integration=DEBUG", "--logging.level.org.eclipse.paho=DEBUG",
				"--management.endpoints.web.exposure.include=health,env,configprops,info,metrics",
				"--management.endpoint.env.show-values=always", "--management.endpoint.configprops.show-values=always",
				"--management.endpoint.health.show-details=always", "--management.info.env.enabled=true"));
		simulator.springProperties(settrade.app(), "simulator")
			.forEach((key, value) -> args.add("--" + key + "=" + value));
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				args.toArray(String[]::new))) {
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			// login, then refreshes and rotations on 4 s tokens
			await().atMost(Duration.ofSeconds(30)).until(() -> epoch(connection) >= 3);
			assertThat(simulator.stats().successfulRefreshes()).isPositive();
			// an unplanned loss and a recovery
			simulator.mqtt().dropAllConnections();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> connection.getSessionFacts() != null
						&& connection.getSessionFacts().change() == SessionChange.RECOVERY);
			// a login Settrade rejects, on the way to the next rotation
			simulator.faults().rejectRefresh(true).failNextLogins(1, 401);
			await().atMost(Duration.ofSeconds(20)).until(() -> simulator.stats().rejectedLogins() >= 1);
			long recovered = epoch(connection);
			await().atMost(Duration.ofSeconds(20)).until(() -> epoch(connection) > recovered);
			String endpoints = readEndpoints(context);
			String everything = output.toString() + endpoints;
			Set<String> secrets = secrets(simulator, context);
			assertThat(secrets).as("secrets of the run").hasSizeGreaterThan(10);
			assertThat(leaked(everything, secrets)).as("secrets found in the output or on an endpoint").isEmpty();
			// negative control: the check finds any one secret that did leak
			for (String secret : secrets) {
				assertThat(leaked(everything + " " + secret, secrets)).containsExactly(secret);
			}
			assertThat(endpoints).contains("\"settrade\"").contains("settrade.mqtt.messages.received");
		}
	}

	private static long epoch(SettradeMqttConnection connection) {
		return (connection.getSessionFacts() != null) ? connection.getSessionFacts().epoch() : 0;
	}

	private static Set<String> secrets(SettradeSimulator simulator, ConfigurableApplicationContext context) {
		Set<String> secrets = new LinkedHashSet<>(simulator.issuedSecrets());
		secrets.add(settrade.app().appSecret());
		secrets.add(context.getEnvironment().getProperty("settrade.mqtt.app-secret"));
		return secrets;
	}

	private static List<String> leaked(String text, Set<String> secrets) {
		return secrets.stream().filter(text::contains).toList();
	}

	private static String readEndpoints(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		RestClient client = RestClient.create("http://127.0.0.1:" + port);
		StringBuilder bodies = new StringBuilder();
		for (String path : List.of("/actuator/health", "/actuator/env", "/actuator/configprops", "/actuator/info",
				"/actuator/metrics")) {
			bodies.append(client.get().uri(path).retrieve().body(String.class)).append('\n');
		}
		for (String meter : List.of("settrade.mqtt.messages.received", "settrade.mqtt.connections",
				"settrade.mqtt.token.refreshes", "settrade.mqtt.token.expires.in", "settrade.mqtt.reconnects")) {
			bodies.append(client.get().uri("/actuator/metrics/" + meter).retrieve().body(String.class)).append('\n');
		}
		return bodies.toString();
	}

}
