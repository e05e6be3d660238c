package io.github.settrademqtt.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts the sample as the README's run command does, then rotates its connection and
 * drops it at the embedded simulator, and checks that the live page's status shows each
 * on the connection's timeline with its measured gap: none for the rotation, some for the
 * recovery.
 */
class LivePageTimelineTests {

	@Test
	void timelineShowsTheStartUpConnectionEachRotationAndEachRecoveryWithItsGap() {
		try (RunningSample sample = RunningSample.start()) {
			rotateAndRecover(sample);
		}
	}

	private void rotateAndRecover(RunningSample sample) {
		ConfigurableApplicationContext context = sample.context();
		SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			JsonNode timeline = status(sample).path("timeline");
			assertThat(timeline.size()).isEqualTo(1);
			assertThat(timeline.get(0).path("kind").asString()).isEqualTo("connected");
			assertThat(timeline.get(0).path("epoch").asLong()).isEqualTo(1);
			assertThat(timeline.get(0).path("gapMillis").isNull()).isTrue();
		});

		connection.rotate();
		AtomicReference<JsonNode> rotation = new AtomicReference<>();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			JsonNode status = status(sample);
			assertThat(status.path("epoch").asLong()).isEqualTo(2);
			JsonNode newest = status.path("timeline").get(0);
			assertThat(newest.path("kind").asString()).isEqualTo("rotation");
			rotation.set(newest);
		});
		assertThat(rotation.get().path("epoch").asLong()).isEqualTo(2);
		assertThat(rotation.get().path("gapMillis").isNumber()).isTrue();
		assertThat(rotation.get().path("gapMillis").asLong()).as("an overlap rotation has no gap").isZero();
		assertThat(rotation.get().path("tookMillis").asLong()).isPositive();
		assertThat(rotation.get().path("detail").asString()).isEqualTo("overlap");
		assertThat(rotation.get().path("at").asString()).matches(LivePageTests.ZONED_TIME);

		context.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class).mqtt().dropAllConnections();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			JsonNode status = status(sample);
			assertThat(status.path("stateText").asString()).isEqualTo("Connected");
			// a reconnect attempt may fail under load: its entry is not what this is
			// about
			List<JsonNode> timeline = status.path("timeline")
				.valueStream()
				.filter((entry) -> !"attempt-failed".equals(entry.path("kind").asString()))
				.toList();
			assertThat(timeline).hasSize(3);
			JsonNode recovery = timeline.get(0);
			assertThat(recovery.path("kind").asString()).isEqualTo("recovery");
			assertThat(recovery.path("epoch").asLong()).isEqualTo(3);
			assertThat(recovery.path("gapMillis").asLong()).as("a lost connection leaves a gap").isPositive();
			assertThat(recovery.path("at").asString()).matches(LivePageTests.ZONED_TIME);
			assertThat(timeline.get(1)).isEqualTo(rotation.get());
			assertThat(timeline.get(2).path("kind").asString()).isEqualTo("connected");
		});
	}

	private JsonNode status(RunningSample sample) throws Exception {
		HttpResponse<String> response = sample.get("/status");
		assertThat(response.statusCode()).isEqualTo(200);
		return HeadlessChromiumJson.parse(response.body());
	}

}
