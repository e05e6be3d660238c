package io.github.settrademqtt.connection.event;

import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.EventRecorder;
import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.connection.RotationStrategy;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.event.SubscriptionRefusedEvent.Refusal;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.login.DefaultSettradeLoginService;
import io.github.settrademqtt.login.P256Access;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.login.event.TokenRenewedEvent;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection's and the login service's application events, heard by a listener bean
 * as an application would, against the simulator's real broker.
 */
class ConnectionEventsIntegrationTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@AfterEach
	void stopMarket() {
		simulator().market().stop();
	}

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	private ApplicationContextRunner runner(String... properties) {
		return SimulatorContexts.runner(simulator(), settrade.app(), properties).withBean(EventRecorder.class);
	}

	@Test
	void connectedRotatedLostAndRecovered() {
		simulator().market().start(List.of("PTT"), 50);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").run((context) -> {
			EventRecorder events = context.getBean(EventRecorder.class);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(ConnectedEvent.class).isEmpty());
			ConnectedEvent first = events.of(ConnectedEvent.class).get(0);
			assertThat(first.getSource()).isSameAs(connection);
			assertThat(first.getFacts().epoch()).isEqualTo(1);
			assertThat(first.getFacts().change()).isEqualTo(SessionChange.INITIAL);
			assertThat(first.isHandOver()).isFalse();
			assertThat(events.of(TokenRenewedEvent.class)).singleElement().satisfies((renewed) -> {
				assertThat(renewed.getOutcome()).isEqualTo(TokenRenewedEvent.Outcome.LOGGED_IN);
				assertThat(renewed.getSource()).isSameAs(context.getBean(SettradeLoginService.class));
			});

			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(RotatedEvent.class).isEmpty());
			RotatedEvent rotated = events.of(RotatedEvent.class).get(0);
			assertThat(rotated.getOutcome().strategy()).isEqualTo(RotationStrategy.OVERLAP);
			assertThat(rotated.getOutcome().gap()).isZero();
			assertThat(rotated.getFacts().epoch()).isEqualTo(2);
			assertThat(events.of(ConnectedEvent.class)).hasSize(2).last().satisfies((handOver) -> {
				assertThat(handOver.isHandOver()).isTrue();
				assertThat(handOver.getFacts()).isEqualTo(rotated.getFacts());
			});

			simulator().mqtt().dropAllConnections();
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(RecoveredEvent.class).isEmpty());
			ConnectionLostEvent lost = events.of(ConnectionLostEvent.class).get(0);
			assertThat(lost.getEpoch()).isEqualTo(2);
			assertThat(lost.getReason()).isNotBlank();
			RecoveredEvent recovered = events.of(RecoveredEvent.class).get(0);
			assertThat(recovered.getFacts().epoch()).isEqualTo(3);
			assertThat(recovered.getFacts().change()).isEqualTo(SessionChange.RECOVERY);
			assertThat(recovered.getGap()).isPositive();
			List<SettradeMqttEvent> all = events.all();
			assertThat(all.indexOf(lost)).as("lost before recovered").isLessThan(all.indexOf(recovered));
			assertThat(all.get(all.indexOf(recovered) - 1)).as("recovered right after its connection")
				.isInstanceOfSatisfying(ConnectedEvent.class,
						(connected) -> assertThat(connected.getFacts()).isEqualTo(recovered.getFacts()));
			assertThat(events.of(ConnectionFailedEvent.class)).isEmpty();
		});
	}

	@Test
	void refusedSubscriptionsNameTheTopicAndWhoRefused() {
		String denied = SettradeTopics.bidOffer("BANNED");
		String unknown = SettradeTopics.bidOffer("ZXCASDXZC");
		simulator().mqtt().denySubscriptions(denied);
		simulator().mqtt().unknownSymbols("ZXCASDXZC");
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,BANNED,ZXCASDXZC").run((context) -> {
			EventRecorder events = context.getBean(EventRecorder.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> events.of(SubscriptionRefusedEvent.class).size() >= 2);
			assertThat(events.of(SubscriptionRefusedEvent.class))
				.extracting(SubscriptionRefusedEvent::getTopic, SubscriptionRefusedEvent::getRefusal)
				.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(denied, Refusal.BROKER),
						org.assertj.core.groups.Tuple.tuple(unknown, Refusal.SERVICE));
			SubscriptionRefusedEvent reported = events.of(SubscriptionRefusedEvent.class)
				.stream()
				.filter((event) -> event.getRefusal() == Refusal.SERVICE)
				.findFirst()
				.orElseThrow();
			assertThat(reported.getReason()).startsWith("Settrade reported:").contains("ZXCASDXZC");
			assertThat(reported.toString()).contains(unknown);
		});
	}

	@Test
	void rejectedCredentialsAreAnAuthenticationFailure() throws Exception {
		runner("settrade.mqtt.app-secret=" + P256Access.randomSecret(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				EventRecorder events = context.getBean(EventRecorder.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !events.of(AuthenticationFailedEvent.class).isEmpty());
				AuthenticationFailedEvent failed = events.of(AuthenticationFailedEvent.class).get(0);
				assertThat(failed.getReason()).contains("Signature rejected");
				assertThat(failed.getStep()).isEqualTo(ConnectionStep.TICKET);
				assertThat(failed.getRetryIn()).isPositive();
				assertThat(failed.getSource()).isSameAs(context.getBean(SettradeMqttConnection.class));
				assertThat(events.of(ConnectionFailedEvent.class)).as("every failure is an authentication failure")
					.allMatch(AuthenticationFailedEvent.class::isInstance);
				assertThat(events.of(TokenRenewedEvent.class)).isNotEmpty()
					.allMatch((renewed) -> renewed.getOutcome() == TokenRenewedEvent.Outcome.FAILURE);
				assertThat(events.of(ConnectedEvent.class)).isEmpty();
			});
	}

	@Test
	void noEventSaysATokenOrTheSecret() {
		simulator().market().start(List.of("PTT"), 50);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").run((context) -> {
			EventRecorder events = context.getBean(EventRecorder.class);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(ConnectedEvent.class).isEmpty());
			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> !events.of(RotatedEvent.class).isEmpty());
			String token = context.getBean(DefaultSettradeLoginService.class).currentToken().value();
			assertThat(events.all()).hasSizeGreaterThanOrEqualTo(4).allSatisfy((event) -> {
				assertThat(event.toString()).startsWith(event.getClass().getSimpleName() + " [")
					.doesNotContain(token)
					.doesNotContain(settrade.app().appSecret());
			});
		});
	}

}
