package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.settrademqtt.FeedRecorder;
import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live connection against the simulator's real MQTT broker over secure WebSocket:
 * subscriptions, recovery after loss, refused upgrades, rejected credentials, SUBACK
 * failures and a clean shutdown.
 */
class SettradeMqttConnectionIntegrationTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String AOT = SettradeTopics.bidOffer("AOT");

	private static final String CPALL = SettradeTopics.bidOffer("CPALL");

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
	void connectsSubscribesFromPropertiesAndReceives() {
		simulator().market().start(List.of("PTT", "AOT", "CPALL"), 50);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=ptt")
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) >= 10);
				assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
				assertThat(context.getBean(SubscriptionRegistry.class).states()).containsEntry(PTT,
						SubscriptionState.ACTIVE);
				assertThat(feed.count(AOT)).isZero();
				Message<?> message = feed.messages().get(0);
				assertThat(message.getPayload()).isInstanceOf(byte[].class);
				assertThat(message.getHeaders().get(SettradeMqttHeaders.SESSION, SessionFacts.class))
					.satisfies((facts) -> {
						assertThat(facts.epoch()).isEqualTo(1);
						assertThat(facts.change()).isEqualTo(SessionChange.INITIAL);
					});
				// one message per MQTT message, built once: Spring Integration's MQTT
				// headers and the session's together
				assertThat(message.getHeaders()).containsEntry(MqttHeaders.RECEIVED_TOPIC, PTT)
					.containsEntry(MqttHeaders.RECEIVED_QOS, 0)
					.containsEntry(MqttHeaders.DUPLICATE, false)
					.containsEntry(MqttHeaders.RECEIVED_RETAINED, false)
					.containsEntry(SettradeMqttHeaders.EPOCH, 1L)
					.containsKeys(MqttHeaders.ID, SettradeMqttHeaders.RECEIVED_AT, SettradeMqttHeaders.RECEIVED_NANOS);
				assertThat(feed.lost(PTT)).isZero();
				assertThat(feed.duplicated(PTT)).isZero();
			});
	}

	@Test
	void subscriptionsAddedAtRunTimeDeliverWhetherConnectedOrNot() {
		simulator().market().start(List.of("PTT", "AOT", "CPALL"), 50);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
				SubscriptionHandle aot = registry.subscribe(AOT);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(AOT) >= 5);
				ConnectionStatus up = connection.getStatus();
				assertThat(up.state()).isEqualTo(ConnectionState.CONNECTED);
				assertThat(up.host()).isNotNull();
				assertThat(up.session().epoch()).isEqualTo(1);
				assertThat(up.tokenExpiresIn()).isPositive();
				simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(2));
				simulator().mqtt().dropAllConnections();
				await().atMost(Duration.ofSeconds(5)).until(() -> connection.getState() != ConnectionState.CONNECTED);
				ConnectionStatus lost = connection.getStatus();
				assertThat(lost.state()).isEqualTo(ConnectionState.RECONNECTING);
				assertThat(lost.since()).as("since the loss").isAfter(up.since());
				assertThat(lost.host()).isNull();
				assertThat(lost.session()).isNull();
				assertThat(lost.tokenExpiresIn()).isNull();
				registry.subscribe(CPALL);
				await().atMost(Duration.ofSeconds(15)).until(() -> feed.count(CPALL) >= 5);
				assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
				assertThat(connection.getStatus().since()).as("since the recovery").isAfter(lost.since());
				assertThat(connection.getStatus().session().change()).isEqualTo(SessionChange.RECOVERY);
				aot.close();
				int aotCount = feed.count(AOT);
				await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(CPALL) >= 20);
				assertThat(feed.count(AOT)).as("unsubscribed").isLessThanOrEqualTo(aotCount + 2);
			});
	}

	@Test
	void subscribesMoreTopicsThanTheBrokerAcceptsInOneSubscribePacket() {
		// 600 order books are about 17 KB of topic filters; the simulator's broker, like
		// many, closes the connection on a packet above 8 KB
		List<String> symbols = IntStream.range(0, 600).mapToObj((i) -> "SYM" + i).toList();
		String last = SettradeTopics.bidOffer(symbols.get(symbols.size() - 1));
		simulator().market().start(List.of(symbols.get(symbols.size() - 1)), 50);
		SimulatorContexts
			.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=" + String.join(",", symbols))
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(last) >= 5);
				assertThat(context.getBean(SubscriptionRegistry.class).states()).hasSize(600)
					.allSatisfy((topic, state) -> assertThat(state).isEqualTo(SubscriptionState.ACTIVE));
				assertThat(connection.getSessionFacts().epoch()).as("connections").isEqualTo(1);
			});
	}

	@Test
	void droppedConnectionsAreRecoveredAndSayRecoveredAfterLossWithGap() {
		simulator().market().start(List.of("PTT"), 50);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) >= 5);
				long dropped = System.nanoTime();
				simulator().mqtt().dropAllConnections();
				// reconnect.max-delay (1 s) plus the connect time
				await().atMost(Duration.ofSeconds(6)).until(() -> recovered(feed));
				assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isLessThan(Duration.ofSeconds(6));
				SessionFacts facts = connection.getSessionFacts();
				assertThat(facts.change()).isEqualTo(SessionChange.RECOVERY);
				assertThat(facts.epoch()).isEqualTo(2);
				assertThat(facts.gap()).isPositive();
				assertThat(context.getBean(SubscriptionRegistry.class).states()).containsEntry(PTT,
						SubscriptionState.ACTIVE);
			});
	}

	private static boolean recovered(FeedRecorder feed) {
		return feed.messages()
			.stream()
			.map((message) -> message.getHeaders().get(SettradeMqttHeaders.SESSION, SessionFacts.class))
			.anyMatch((facts) -> facts.change() == SessionChange.RECOVERY && facts.gap().compareTo(Duration.ZERO) > 0);
	}

	@Test
	void refusedUpgradesBackOffThenRecoverWithFreshTickets() {
		simulator().market().start(List.of("PTT"), 20);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
				long refusedBefore = simulator().mqtt().rejectedUpgrades();
				simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(5));
				simulator().mqtt().dropAllConnections();
				await().atMost(Duration.ofSeconds(15))
					.until(() -> connection.getState() == ConnectionState.CONNECTED
							&& connection.getSessionFacts().change() == SessionChange.RECOVERY);
				long refused = simulator().mqtt().rejectedUpgrades() - refusedBefore;
				// back-off from 200 ms to 1 s: about 8 attempts in 5 s, never a tight
				// loop
				assertThat(refused).isBetween(2L, 12L);
				List<String> tickets = simulator().mqtt().presentedTickets();
				assertThat(Set.copyOf(tickets)).as("no ticket presented twice").hasSize(tickets.size());
				int before = feed.count(PTT);
				await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > before);
			});
	}

	@Test
	void rejectedCredentialsSurfaceAsAuthFailedAndSlowDown() throws Exception {
		String wrongSecret = io.github.settrademqtt.login.P256Access.randomSecret();
		SimulatorContexts
			.runner(simulator(), settrade.app(), "settrade.mqtt.app-secret=" + wrongSecret,
					"settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> connection.getState() == ConnectionState.AUTH_FAILED);
				assertThat(connection.getLastFailure()).contains("Signature rejected");
				long attempts = simulator().stats().loginRequests();
				await().during(Duration.ofSeconds(3))
					.atMost(Duration.ofSeconds(4))
					.until(() -> connection.getState() == ConnectionState.AUTH_FAILED);
				// at the slowest pace (reconnect.max-delay, 1 s): about 3 attempts, never
				// hundreds
				assertThat(simulator().stats().loginRequests() - attempts).isBetween(1L, 5L);
				assertThat(simulator().mqtt().acceptedConnections()).isZero();
			});
	}

	@Test
	void failFastFailsStartUpWhenTheFirstConnectionFails() throws Exception {
		String wrongSecret = io.github.settrademqtt.login.P256Access.randomSecret();
		SimulatorContexts
			.runner(simulator(), settrade.app(), "settrade.mqtt.app-secret=" + wrongSecret,
					"settrade.mqtt.fail-fast=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (failure != null && !(failure instanceof SettradeConnectionException)) {
					failure = failure.getCause();
				}
				assertThat(failure).as("a SettradeConnectionException in the cause chain")
					.isNotNull()
					.hasMessageContaining("fail-fast")
					.hasMessageContaining("Signature rejected")
					.hasRootCauseInstanceOf(io.github.settrademqtt.login.SettradeApiException.class);
			});
	}

	/**
	 * Make-before-break holds when the new connection cannot open: the old one keeps
	 * delivering, with nothing lost, and the next rotation replaces it. The old code fell
	 * back to a restart, closing the healthy connection first.
	 */
	@Test
	void overlapThatCannotOpenKeepsTheOldConnectionDelivering() {
		simulator().market().start(List.of("PTT"), 50);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = record(context);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
				simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(2));
				connection.rotate();
				await().atMost(Duration.ofSeconds(15)).until(() -> connection.getLastRotationFailure() != null);
				assertThat(connection.getLastRotationFailure().reason()).contains("could not connect");
				assertThat(connection.getLastRotation()).isNull();
				assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
				assertThat(connection.getSessionFacts().epoch()).isEqualTo(1);
				int before = feed.count(PTT);
				await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > before + 20);
				simulator().mqtt().refuseUpgradesFor(Duration.ZERO);
				connection.rotate();
				await().atMost(Duration.ofSeconds(15)).until(() -> connection.getLastRotation() != null);
				assertThat(connection.getLastRotation().strategy()).isEqualTo(RotationStrategy.OVERLAP);
				assertThat(connection.getLastRotation().gap()).isZero();
				assertThat(connection.getLastRotationFailure()).isNull();
				int handedOver = feed.count(PTT);
				await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > handedOver + 20);
				assertThat(feed.lost(PTT)).as("lost").isZero();
				assertThat(feed.duplicated(PTT)).as("duplicated").isZero();
				assertThat(feed.inOrder(PTT)).as("in order").isTrue();
			});
	}

	@Test
	void refusedSubscriptionIsReportedPerTopic() {
		String refused = SettradeTopics.bidOffer("BANNED");
		simulator().mqtt().denySubscriptions(refused);
		simulator().market().start(List.of("PTT"), 20);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT,BANNED,AOT")
			.run((context) -> {
				SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.states().get(PTT) == SubscriptionState.ACTIVE);
				assertThat(registry.states()).containsEntry(refused, SubscriptionState.FAILED)
					.containsEntry(AOT, SubscriptionState.ACTIVE);
				assertThat(registry.failures().get(refused)).contains("0x80");
				FeedRecorder feed = record(context);
				await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > 0);
			});
	}

	@Test
	void afterStopNoThreadOrConnectionRemains() {
		// other test classes' cached contexts may run feeds of their own: judge only new
		// threads
		Set<Thread> before = starterThreads();
		simulator().market().start(List.of("PTT"), 50);
		SimulatorContexts.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.run((context) -> {
				FeedRecorder feed = record(context);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
				assertThat(startedSince(before)).isNotEmpty();
				assertThat(simulator().mqtt().openConnections()).isEqualTo(1);
			});
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(startedSince(before)).extracting(Thread::getName).isEmpty();
			assertThat(simulator().mqtt().openConnections()).isZero();
		});
	}

	private static Set<Thread> startedSince(Set<Thread> before) {
		Set<Thread> threads = starterThreads();
		threads.removeAll(before);
		return threads;
	}

	/**
	 * Threads the starter starts: its own, and the Paho client's.
	 */
	static Set<Thread> starterThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.filter((thread) -> thread.getName().startsWith("settrade-mqtt-") || thread.getName().startsWith("MQTT ")
					|| thread.getName().contains("WebSocket"))
			.collect(Collectors.toCollection(java.util.HashSet::new));
	}

	static FeedRecorder record(AssertableApplicationContext context) {
		FeedRecorder feed = new FeedRecorder();
		context.getBean("settradeMqttInboundChannel", PublishSubscribeChannel.class).subscribe(feed);
		return feed;
	}

}
