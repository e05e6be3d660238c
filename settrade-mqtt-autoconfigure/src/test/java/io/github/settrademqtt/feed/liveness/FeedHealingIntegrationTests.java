package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.EventRecorder;
import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed heals silence at the application level: a half-open connection (socket open,
 * nothing arriving, not even PINGRESP) used to go unnoticed until MQTT's keep-alive
 * tripped, a minute or more, and a single silent topic was never subscribed again.
 */
class FeedHealingIntegrationTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String AOT = SettradeTopics.bidOffer("AOT");

	private static final String SCB = SettradeTopics.bidOffer("SCB");

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final EventRecorder events = new EventRecorder();

	private final List<String> received = new CopyOnWriteArrayList<>();

	@AfterEach
	void stopMarket() {
		simulator().market().stop();
	}

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	private ApplicationContextRunner runner(String... properties) {
		return SimulatorContexts.runner(simulator(), settrade.app(), properties)
			.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=PTT,AOT",
					// the keep-alive would take minutes to notice: the watchdog must
					"settrade.mqtt.keep-alive=300s", "settrade.mqtt.liveness.feed-silence-timeout=2s")
			.withBean("healingListener", EventRecorder.class, () -> this.events);
	}

	private List<FeedHealedEvent.Action> healed() {
		return this.events.of(FeedHealedEvent.class).stream().map(FeedHealedEvent::getAction).toList();
	}

	private void record(org.springframework.context.ApplicationContext context) {
		MessageHandler handler = (Message<?> message) -> this.received
			.add(message.getHeaders().get("mqtt_receivedTopic", String.class));
		context.getBean("settradeMqttInboundChannel", PublishSubscribeChannel.class).subscribe(handler);
	}

	@Test
	void aHalfOpenConnectionIsReplacedLongBeforeTheKeepAliveWouldNotice() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		runner().run((context) -> {
			record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() > 10);
			assertThat(simulator().mqtt().stallOpenConnections()).isEqualTo(1);
			long stalledAt = System.nanoTime();
			await().atMost(Duration.ofSeconds(15)).until(() -> healed().contains(FeedHealedEvent.Action.REPLACE));
			int afterHeal = this.received.size();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() > afterHeal + 10);
			assertThat(Duration.ofNanos(System.nanoTime() - stalledAt)).isLessThan(Duration.ofSeconds(20));
			assertThat(connection.getSessionFacts().epoch()).isEqualTo(2);
			assertThat(connection.getSessionFacts().change()).isEqualTo(SessionChange.ROTATION);
			await().atMost(Duration.ofSeconds(5)).until(() -> simulator().mqtt().stalledConnections() == 0);
		});
	}

	@Test
	void aHealIsNotHeldUpByASubscribeTheStalledConnectionNeverAnswers() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		// the SUBACK would be awaited this long: the heal must not wait behind it
		runner("settrade.mqtt.connect-timeout=20s").run((context) -> {
			record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() > 10);
			simulator().mqtt().stallOpenConnections();
			long stalledAt = System.nanoTime();
			registry.subscribe(SCB);
			await().atMost(Duration.ofSeconds(15)).until(() -> healed().contains(FeedHealedEvent.Action.REPLACE));
			assertThat(Duration.ofNanos(System.nanoTime() - stalledAt)).as("healed before the SUBACK's timeout")
				.isLessThan(Duration.ofSeconds(10));
			assertThat(connection.getSessionFacts().change()).isEqualTo(SessionChange.ROTATION);
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.states().get(SCB) == SubscriptionState.ACTIVE);
		});
	}

	@Test
	void aConnectionThatAnswersNoSubscribeAndReceivesNothingIsTakenForDead() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		runner("settrade.mqtt.connect-timeout=2s", "settrade.mqtt.liveness.heal=false").run((context) -> {
			record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() > 10);
			simulator().mqtt().stallOpenConnections();
			registry.subscribe(SCB);
			// without the watchdog and with a keep-alive of minutes, only the
			// unanswered SUBSCRIBE says the connection is gone
			await().atMost(Duration.ofSeconds(10))
				.until(() -> connection.getSessionFacts() != null && connection.getSessionFacts().epoch() == 2);
			assertThat(connection.getSessionFacts().change()).isEqualTo(SessionChange.RECOVERY);
			await().atMost(Duration.ofSeconds(5)).until(() -> registry.states().get(SCB) == SubscriptionState.ACTIVE);
			int afterReconnect = this.received.size();
			await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() > afterReconnect + 10);
			assertThat(healed()).isEmpty();
		});
	}

	@Test
	void aSilentFeedIsLeftAloneWhileTheMarketIsClosed() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		runner().withBean(TradingCalendar.class, () -> (instant) -> false).run((context) -> {
			record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() > 10);
			simulator().mqtt().stallOpenConnections();
			await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> healed().isEmpty());
			assertThat(connection.getSessionFacts().epoch()).isEqualTo(1);
		});
	}

	@Test
	void aSingleSilentTopicIsSubscribedAgainWhileTheRestFlows() {
		simulator().market().start(List.of("PTT", "AOT"), 20);
		runner("settrade.mqtt.liveness.silence-threshold=1s").run((context) -> {
			record(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.contains(AOT));
			simulator().mqtt().silenceSymbols("AOT");
			await().atMost(Duration.ofSeconds(10)).until(() -> healed().contains(FeedHealedEvent.Action.RESUBSCRIBE));
			assertThat(healed()).doesNotContain(FeedHealedEvent.Action.REPLACE);
			simulator().mqtt().unsilenceSymbols("AOT");
			int before = (int) this.received.stream().filter(AOT::equals).count();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.received.stream().filter(AOT::equals).count() > before + 5);
			assertThat(this.received).contains(PTT);
		});
	}

}
