package io.github.settrademqtt.actuate.health;

import io.github.settrademqtt.SimulatorContexts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.autoconfigure.health.SettradeMqttHealthContributorAutoConfiguration;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.LivenessState;
import io.github.settrademqtt.feed.liveness.TopicLiveness;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health indicator against the simulator's real MQTT broker: up, down after a loss
 * that outlasts the grace period, up again, and degraded when a symbol goes quiet.
 */
class SettradeMqttHealthIndicatorIntegrationTests {

	private static final String AOT = SettradeTopics.bidOffer("AOT");

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@AfterEach
	void stopMarket() {
		simulator().market().stop();
	}

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	@Test
	void upThenDownWhenTheLossOutlastsTheGracePeriodThenUpAgain() {
		simulator().market().start(List.of("PTT"), 20);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT", "management.health.settrade.connect-grace-period=1s")
			.run((context) -> {
				SettradeMqttHealthIndicator indicator = context.getBean(SettradeMqttHealthIndicator.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> upAndLive(indicator, context));
				Map<String, Object> up = indicator.health(true).getDetails();
				assertThat(up).containsEntry("state", "CONNECTED")
					.containsEntry("epoch", 1L)
					.containsEntry("lastChange", "INITIAL")
					.containsEntry("subscriptions", Map.of("ACTIVE", 1, "PENDING", 0, "FAILED", 0))
					.containsKeys("host", "connectedAt", "lastMessageAgeMillis");
				assertThat((Long) up.get("tokenExpiresInSeconds")).isPositive();
				simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(6));
				simulator().mqtt().dropAllConnections();
				List<Status> seen = new ArrayList<>();
				await().atMost(Duration.ofSeconds(5)).until(() -> {
					Status status = status(indicator);
					seen.add(status);
					return status == Status.DOWN;
				});
				assertThat(seen).as("within the grace period").contains(Status.UNKNOWN);
				Health down = indicator.health(true);
				assertThat(down.getDetails()).containsEntry("state", "RECONNECTING")
					.containsEntry("subscriptions", Map.of("ACTIVE", 0, "PENDING", 1, "FAILED", 0))
					.doesNotContainKeys("host", "epoch", "tokenExpiresInSeconds");
				assertThat((String) down.getDetails().get("lastFailure")).contains("could not connect");
				await().atMost(Duration.ofSeconds(15)).until(() -> status(indicator) == Status.UP);
				Map<String, Object> recovered = indicator.health(true).getDetails();
				assertThat(recovered).containsEntry("state", "CONNECTED")
					.containsEntry("lastChange", "RECOVERY")
					.doesNotContainKey("lastFailure");
				assertThat((Long) recovered.get("epoch")).isGreaterThanOrEqualTo(2L);
				assertThat((Long) recovered.get("gapMillis")).isGreaterThan(1000L);
				assertNothingSecret(List.of(up, down.getDetails(), recovered));
			});
	}

	@Test
	void degradedWithTheSilentTopicWhenTheMarketStopsPublishingASymbol() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,AOT", "settrade.mqtt.liveness.silence-threshold=1s")
			.run((context) -> {
				SettradeMqttHealthIndicator indicator = context.getBean(SettradeMqttHealthIndicator.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> upAndLive(indicator, context));
				simulator().market().stop();
				simulator().market().start(List.of("PTT"), 20);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> status(indicator) == SettradeMqttHealthIndicator.DEGRADED);
				Map<String, Object> details = indicator.health(true).getDetails();
				assertThat(details).containsEntry("state", "CONNECTED")
					.containsEntry("silentTopics", List.of(AOT))
					.containsEntry("neverReceivedTopics", List.of())
					.containsEntry("subscriptions", Map.of("ACTIVE", 2, "PENDING", 0, "FAILED", 0));
				assertThat((Long) details.get("lastMessageAgeMillis")).isLessThan(1000L);
				simulator().market().stop();
				simulator().market().start(List.of("PTT", "AOT"), 20);
				await().atMost(Duration.ofSeconds(5)).until(() -> status(indicator) == Status.UP);
				assertThat(indicator.health(true).getDetails()).containsEntry("silentTopics", List.of());
			});
	}

	private void assertNothingSecret(List<Map<String, Object>> details) {
		List<String> secrets = new ArrayList<>(simulator().mqtt().presentedTickets());
		secrets.addAll(simulator().issuedSecrets());
		secrets.add(settrade.app().appSecret());
		assertThat(secrets).hasSizeGreaterThan(2);
		String text = details.toString();
		assertThat(secrets).allSatisfy((secret) -> assertThat(text).doesNotContain(secret));
	}

	/**
	 * Whether the indicator is up and every subscribed topic has heard from the market:
	 * it is up before then, as long as the topics were subscribed only a moment ago.
	 */
	private static boolean upAndLive(SettradeMqttHealthIndicator indicator, ApplicationContext context) {
		List<TopicLiveness> topics = context.getBean(FeedLiveness.class).getTopics();
		return status(indicator) == Status.UP && !topics.isEmpty()
				&& topics.stream().allMatch((topic) -> topic.state() == LivenessState.LIVE);
	}

	private static Status status(SettradeMqttHealthIndicator indicator) {
		return indicator.health(false).getStatus();
	}

	private ApplicationContextRunner runner(String... properties) {
		return SimulatorContexts.runner(simulator(), settrade.app(), properties)
			.withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
					SettradeMqttHealthContributorAutoConfiguration.class));
	}

}
