package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.settrademqtt.FeedRecorder;
import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The connection under faults that used to stop recovery, break make-before-break, or
 * leave something running after stop, each against the simulator's real broker.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConnectionFaultIntegrationTests {

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
		return SimulatorContexts.runner(simulator(), settrade.app(), properties);
	}

	/**
	 * A ticket whose only host Paho refuses: the old connection let the
	 * {@code IllegalArgumentException} from {@code setServerURIs} escape, took two
	 * tickets, then stayed {@code CONNECTING} for ever without a log line.
	 */
	@Test
	void aTicketHostThatCannotBeUsedIsSkippedWithAClearLineAndRetried(CapturedOutput output) {
		simulator().market().start(List.of("PTT"), 50);
		simulator().faults().dispatcherHosts("https://localhost:{port}");
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").run((context) -> {
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> simulator().stats().ticketsIssued() >= 4);
			assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTING);
			assertThat(connection.getLastFailure()).contains("no usable host").contains("only wss");
			assertThat(output).contains("'https://localhost:" + simulator().port() + "'");
			simulator().faults().dispatcherHosts("ws://localhost:{port}", "localhost:{port}");
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
			assertThat(output).contains("Skipped dispatcher hosts").contains("in clear");
			assertThat(simulator().mqtt().presentedTickets()).as("the ws:// host never saw a ticket").hasSize(1);
		});
	}

	/**
	 * The same during a rotation: the old connection left the state {@code ROTATING} for
	 * ever, so the refresher never rotated again and the feed died at token expiry.
	 */
	@Test
	void aRotationWhoseTicketCannotBeUsedLeavesTheOldConnectionDelivering() {
		simulator().market().start(List.of("PTT"), 50);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").run((context) -> {
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
			simulator().faults().dispatcherHosts("https://localhost:{port}");
			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getLastRotationFailure() != null);
			assertThat(connection.getLastRotationFailure().reason()).contains("no usable host");
			assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
			simulator().faults().reset();
			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getLastRotation() != null);
			assertThat(connection.getSessionFacts().epoch()).isGreaterThan(1);
			assertNothingLostAfterMore(feed);
		});
	}

	/**
	 * An event listener that throws: the old connection told its observers before
	 * scheduling the next attempt, so one exception ended recovery for good. The failure
	 * is logged (at most once a minute) with the event and the listener's exception.
	 */
	@Test
	void anEventListenerThatThrowsNeverStopsRecovery(CapturedOutput output) {
		simulator().market().start(List.of("PTT"), 50);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").withBean(ThrowingListener.class).run((context) -> {
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
			simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(1));
			simulator().mqtt().dropAllConnections();
			await().atMost(Duration.ofSeconds(15))
				.until(() -> connection.getState() == ConnectionState.CONNECTED
						&& connection.getSessionFacts().change() == SessionChange.RECOVERY);
			int before = feed.count(PTT);
			await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > before);
			assertThat(context.getBean(ThrowingListener.class).calls).as("the listener was called").hasPositiveValue();
			assertThat(output).containsOnlyOnce("A listener of the Settrade MQTT events failed on ConnectedEvent")
				.contains("listener failed on ConnectedEvent");
		});
	}

	/**
	 * Whatever one step of a connection attempt throws, what it opened is closed and the
	 * next attempt follows.
	 */
	@ParameterizedTest
	@EnumSource(value = ConnectionStep.class, names = { "TICKET", "OPEN", "SUBSCRIBE", "INSTALL", "PUBLISH_EVENT" })
	void anExceptionAtAnyStepOfConnectingIsFollowedByTheNextAttempt(ConnectionStep step, CapturedOutput output) {
		simulator().market().start(List.of("PTT"), 50);
		AtomicBoolean armed = new AtomicBoolean(true);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.auto-startup=false").run((context) -> {
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			connection.setStepHook(failOnce(step, armed));
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			context.getBean(SettradeTokenRefresher.class).start();
			connection.start();
			context.getBean(SettradeMqttMessageProducer.class).start();
			await().atMost(Duration.ofSeconds(15)).until(() -> feed.count(PTT) > 0);
			assertThat(armed).as("the fault fired").isFalse();
			assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
			assertThat(output).contains("injected at " + step);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(simulator().mqtt().openConnections())
					.as("what the failed attempt opened was closed")
					.isEqualTo(1));
		});
	}

	/**
	 * Whatever one step of a rotation throws, the old connection keeps delivering with
	 * nothing lost, and the next rotation replaces it.
	 */
	@ParameterizedTest
	@EnumSource(value = ConnectionStep.class, names = { "ROTATE", "TICKET", "OPEN", "SUBSCRIBE", "ALIGN", "HAND_OVER" })
	void anExceptionAtAnyStepOfARotationLeavesTheOldConnectionDelivering(ConnectionStep step) {
		simulator().market().start(List.of("PTT"), 50);
		AtomicBoolean armed = new AtomicBoolean(false);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").run((context) -> {
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			connection.setStepHook(failOnce(step, armed));
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(PTT) > 0);
			armed.set(true);
			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getLastRotationFailure() != null);
			assertThat(connection.getLastRotationFailure().reason()).contains("injected at " + step);
			assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
			assertThat(connection.getSessionFacts().epoch()).isEqualTo(1);
			await().atMost(Duration.ofSeconds(5)).until(() -> simulator().mqtt().openConnections() == 1);
			connection.rotate();
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getLastRotation() != null);
			assertNothingLostAfterMore(feed);
		});
	}

	/**
	 * A refused subscription used to be retried on the next connection only, which may be
	 * half an hour away.
	 */
	@Test
	void aRefusedSubscriptionIsRetriedWhileConnected() {
		String banned = SettradeTopics.bidOffer("BANNED");
		simulator().mqtt().denySubscriptions(banned);
		simulator().market().start(List.of("BANNED"), 20);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,BANNED").run((context) -> {
			SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.states().get(banned) == SubscriptionState.FAILED);
			simulator().mqtt().reset();
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			await().atMost(Duration.ofSeconds(10)).until(() -> feed.count(banned) > 0);
			assertThat(registry.states()).containsEntry(banned, SubscriptionState.ACTIVE);
			assertThat(connection.getSessionFacts().epoch()).as("on the same connection").isEqualTo(1);
		});
	}

	/**
	 * The service reports an unknown symbol on its own topic after granting the SUBACK;
	 * the old connection never subscribed to it, so a mistyped symbol was silently empty.
	 */
	@Test
	void anUnknownSymbolIsMarkedFailedWithTheServicesWords(CapturedOutput output) {
		String unknown = SettradeTopics.bidOffer("ZXCASDXZC");
		simulator().mqtt().unknownSymbols("ZXCASDXZC");
		simulator().market().start(List.of("PTT"), 20);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,ZXCASDXZC").run((context) -> {
			SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.states().get(unknown) == SubscriptionState.FAILED);
			assertThat(registry.failures().get(unknown)).startsWith("Settrade reported:").contains("ZXCASDXZC");
			assertThat(registry.states()).containsEntry(PTT, SubscriptionState.ACTIVE);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(output).contains("Settrade refused the subscription to '" + unknown + "'"));
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > 0);
		});
	}

	/**
	 * A reconnect used to subscribe before the gate accepted the new connection, so what
	 * arrived between the first SUBACK and the end of subscribing was dropped as
	 * superseded.
	 */
	@Test
	void aNewConnectionDeliversFromItsFirstMessage() {
		List<String> symbols = IntStream.range(0, 300).mapToObj((i) -> "S" + i).toList();
		simulator().market().start(symbols, 10);
		runner("settrade.mqtt.subscriptions.bid-offer=" + String.join(",", symbols)).run((context) -> {
			FeedRecorder feed = SettradeMqttConnectionIntegrationTests.record(context);
			SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
			long superseded = connection.getSupersededMessageCount();
			simulator().mqtt().dropAllConnections();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> connection.getState() == ConnectionState.CONNECTED
						&& connection.getSessionFacts().epoch() == 2);
			int delivered = feed.messages().size();
			await().atMost(Duration.ofSeconds(5)).until(() -> feed.messages().size() > delivered + 1_000);
			assertThat(connection.getSupersededMessageCount() - superseded).isZero();
		});
	}

	/**
	 * A step stuck while {@code stop()} runs: the old connection's stop gave up waiting
	 * for it, and the step then installed a connection after {@code STOPPED}.
	 */
	@Test
	void nothingIsInstalledAfterStop() throws InterruptedException {
		CountDownLatch stuck = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean armed = new AtomicBoolean(true);
		Set<Thread> before = SettradeMqttConnectionIntegrationTests.starterThreads();
		SettradeMqttConnection[] connection = new SettradeMqttConnection[1];
		runner("settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.auto-startup=false",
				"settrade.mqtt.connect-timeout=1s")
			.run((context) -> {
				connection[0] = context.getBean(SettradeMqttConnection.class);
				connection[0].setStepHook((step) -> {
					if (step == ConnectionStep.OPEN && armed.compareAndSet(true, false)) {
						stuck.countDown();
						awaitUninterruptibly(release);
					}
				});
				connection[0].start();
				stuck.await();
				((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
			});
		assertThat(connection[0].getState()).isEqualTo(ConnectionState.STOPPED);
		release.countDown();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> {
			assertThat(connection[0].getState()).isEqualTo(ConnectionState.STOPPED);
			return simulator().mqtt().openConnections() == 0 && simulator().mqtt().acceptedConnections() == 0;
		});
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(SettradeMqttConnectionIntegrationTests.starterThreads())
				.allMatch(before::contains));
	}

	/**
	 * A connect that outlives its timeout is still under way in Paho: the old connection
	 * left it to complete with nobody owning it, an open connection that nothing closed
	 * until its token expired.
	 */
	@Test
	void aConnectThatTimesOutIsClosedWhenItCompletes() {
		Set<Thread> before = SettradeMqttConnectionIntegrationTests.starterThreads();
		runner("settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.connect-timeout=20ms").run((context) -> {
			await().atMost(Duration.ofSeconds(10)).until(() -> simulator().mqtt().acceptedConnections() >= 3);
			assertThat(context.getBean(SettradeMqttConnection.class).getState())
				.isNotEqualTo(ConnectionState.CONNECTED);
			await().atMost(Duration.ofSeconds(5)).until(() -> simulator().mqtt().openConnections() <= 1);
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> simulator().mqtt().openConnections() == 0);
		try {
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(SettradeMqttConnectionIntegrationTests.starterThreads())
					.allMatch(before::contains));
		}
		catch (Throwable ex) {
			Thread.getAllStackTraces().forEach((t, st) -> {
				if (t.getName().startsWith("MQTT")) {
					System.err.println("DUMP " + t);
					for (StackTraceElement e : st)
						System.err.println("DUMP   " + e);
				}
			});
			throw ex;
		}
	}

	/**
	 * Throws on every event it hears.
	 */
	static class ThrowingListener {

		private final AtomicInteger calls = new AtomicInteger();

		@EventListener
		void on(SettradeMqttEvent event) {
			this.calls.incrementAndGet();
			throw new IllegalStateException("listener failed on " + event);
		}

	}

	private static StepHook failOnce(ConnectionStep step, AtomicBoolean armed) {
		return (current) -> {
			if (current == step && armed.compareAndSet(true, false)) {
				throw new IllegalStateException("injected at " + step);
			}
		};
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (true) {
			try {
				latch.await();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void assertNothingLostAfterMore(FeedRecorder feed) {
		int now = feed.count(PTT);
		await().atMost(Duration.ofSeconds(5)).until(() -> feed.count(PTT) > now + 20);
		assertThat(feed.lost(PTT)).as("lost").isZero();
		assertThat(feed.duplicated(PTT)).as("duplicated").isZero();
		assertThat(feed.inOrder(PTT)).as("in order").isTrue();
	}

}
