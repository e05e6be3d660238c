package io.github.settrademqtt.feed.liveness;

import java.time.Duration;

import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.EventRecorder;
import io.github.settrademqtt.connection.event.RotationFailedEvent;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A market that is quiet while the calendar says open (a holiday nobody listed): the
 * watchdog's attempts to replace the silent connection fail, since the new one receives
 * nothing either, and back off on a pace of their own that never holds up the token
 * rotations that keep the connection alive.
 */
class QuietMarketIntegrationTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.tokenLifetime(Duration.ofSeconds(6)));

	@Test
	void failedAttemptsToHealAQuietMarketNeverHoldUpTokenRotations() {
		EventRecorder events = new EventRecorder();
		SimulatorContexts
			.runner(settrade.simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT",
					"settrade.mqtt.liveness.feed-silence-timeout=1s", "settrade.mqtt.rotation-timeout=1s",
					"settrade.mqtt.token-refresh-before-expiry=3s")
			.withBean("failureListener", EventRecorder.class, () -> events)
			.run((context) -> {
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> connection.getSessionFacts() != null);
				long closedBefore = settrade.simulator().mqtt().connectionsClosedForExpiry();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> events.of(RotationFailedEvent.class)
						.stream()
						.filter((event) -> event.getFailure().reason().contains("received nothing"))
						.count() >= 2 && connection.getSessionFacts() != null
							&& connection.getSessionFacts().epoch() >= 6);
				assertThat(settrade.simulator().mqtt().connectionsClosedForExpiry() - closedBefore)
					.as("connections the server closed at token expiry")
					.isZero();
			});
	}

}
