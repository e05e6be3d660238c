package io.github.settrademqtt.sample;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample as its {@code main} does (the embedded simulator, no configuration),
 * waits for data, closes the context and checks that neither the start nor the stop
 * logged anything at WARN or ERROR: the client stops before the simulator it talks to.
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanShutdownTests {

	/**
	 * The level column of Boot's default console pattern: the date and time, then the
	 * level right-aligned in five characters.
	 */
	private static final Pattern LEVEL = Pattern
		.compile("^\\d{4}-\\d{2}-\\d{2}T\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR)\\s");

	@Test
	void aNormalStartAndStopLogsNoWarningOrError(CapturedOutput output) {
		SettradeSimulator simulator;
		SettradeMqttConnection connection;
		int stopStartsAt;
		try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--sample.simulator.rate=20")) {
			simulator = context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class);
			connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> FeedMeters.messagesReceived(context) > 0);
			stopStartsAt = output.length();
		}
		assertThat(connection.getState()).isEqualTo(ConnectionState.STOPPED);
		assertThat(simulator.isRunning()).as("simulator stopped with the context").isFalse();
		String stop = output.toString().substring(stopStartsAt);
		assertThat(linesAt(stop, "INFO")).as("the stop's INFO lines (the pattern reads the level)")
			.anyMatch((line) -> line.contains("Commencing graceful shutdown"));
		assertThat(linesAt(stop, "WARN", "ERROR")).as("WARN and ERROR lines of the stop").isEmpty();
		assertThat(linesAt(output.toString(), "INFO")).as("the run's INFO lines")
			.anyMatch((line) -> line.contains("Connected to Settrade MQTT via"));
		assertThat(linesAt(output.toString(), "WARN", "ERROR")).as("WARN and ERROR lines of the whole run").isEmpty();
		assertThat(output.getErr()).as("standard error").isEmpty();
	}

	private static List<String> linesAt(String output, String... levels) {
		List<String> wanted = List.of(levels);
		return output.lines().filter((line) -> {
			Matcher matcher = LEVEL.matcher(line);
			return matcher.find() && wanted.contains(matcher.group(1));
		}).toList();
	}

}
