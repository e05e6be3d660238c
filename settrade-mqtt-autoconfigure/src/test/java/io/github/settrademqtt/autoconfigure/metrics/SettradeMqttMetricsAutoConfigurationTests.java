package io.github.settrademqtt.autoconfigure.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.settrademqtt.actuate.metrics.SettradeMqttMetrics;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SettradeMqttMetricsAutoConfiguration}.
 */
class SettradeMqttMetricsAutoConfigurationTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SettradeMqttMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, SettradeMqttAutoConfiguration.class,
					SslAutoConfiguration.class, RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class));

	@AfterEach
	void stopMarket() {
		settrade.simulator().market().stop();
	}

	@Test
	void metersExistFromTheStartWithEveryKindAndOutcome() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SettradeMqttMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("settrade.mqtt.messages.received").tag("kind", "bid-offer").counter().count())
				.isZero();
			for (String name : List.of("settrade.mqtt.messages.received", "settrade.mqtt.messages.decode.errors",
					"settrade.mqtt.messages.conflated", "settrade.mqtt.messages.dropped",
					"settrade.mqtt.messages.discarded")) {
				assertThat(registry.get(name).counters()).as(name).hasSize(7);
			}
			assertThat(registry.get("settrade.mqtt.connections").tag("outcome", "success").counter().count()).isZero();
			assertThat(registry.get("settrade.mqtt.rotation.failures").counter().count()).isZero();
			assertThat(registry.get("settrade.mqtt.subscriptions.rejected").counter().count()).isZero();
			assertThat(registry.get("settrade.mqtt.heals").counters()).hasSize(2);
		});
	}

	@Test
	void countsRotationFailuresAndSubscriptionsTheServiceRejected() {
		settrade.simulator().mqtt().unknownSymbols("ZXCASDXZC");
		withSimulator().withPropertyValues("settrade.mqtt.subscriptions.bid-offer=PTT,ZXCASDXZC").run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			io.github.settrademqtt.connection.SettradeMqttConnection connection = context
				.getBean(io.github.settrademqtt.connection.SettradeMqttConnection.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("settrade.mqtt.subscriptions.rejected").counter().count() == 1);
			settrade.simulator().mqtt().refuseUpgradesFor(Duration.ofSeconds(30));
			connection.rotate();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("settrade.mqtt.rotation.failures").counter().count() == 1);
			settrade.simulator().mqtt().refuseUpgradesFor(Duration.ZERO);
		});
	}

	@Test
	void countsDeliveredMessagesByKindAndConnectionsByOutcome() {
		settrade.simulator().market().start(List.of("PTT"), 50);
		withSimulator().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("settrade.mqtt.messages.received")
					.tag("kind", "bid-offer")
					.counter()
					.count() >= 10);
			assertThat(registry.get("settrade.mqtt.connections").tag("outcome", "success").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("settrade.mqtt.messages.received").tag("kind", "price-info").counter().count())
				.isZero();
			assertThat(registry.get("settrade.mqtt.token.refreshes").tag("outcome", "logged-in").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("settrade.mqtt.delivery.latency").tag("kind", "bid-offer").timer().count())
				.isPositive();
			assertThat(registry.get("settrade.mqtt.subscriptions").tag("state", "active").gauge().value()).isEqualTo(1);
			assertThat(registry.get("settrade.mqtt.token.expires.in").gauge().value()).isBetween(1700.0, 1800.0);
			assertThat(registry.get("settrade.mqtt.messages.superseded").functionCounter().count())
				.as("one connection so far, delivering from its first message")
				.isZero();
			context.getBean(io.github.settrademqtt.connection.SettradeMqttConnection.class).rotate();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("settrade.mqtt.rotation.gap").timer().count() == 1);
			assertThat(registry.get("settrade.mqtt.reconnects").tag("cause", "rotation").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("settrade.mqtt.reconnects").tag("cause", "loss").counter().count()).isZero();
		});
	}

	/**
	 * The meters count the events the application hears, ahead of its own listeners: one
	 * that throws cannot keep an event from being counted.
	 */
	@Test
	void countsEventsThatAnApplicationListenerFailsOn() {
		withSimulator().withBean(ThrowingListener.class).run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			ThrowingListener listener = context.getBean(ThrowingListener.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> listener.heard.get() >= 2);
			assertThat(registry.get("settrade.mqtt.token.refreshes").tag("outcome", "logged-in").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("settrade.mqtt.connections").tag("outcome", "success").counter().count())
				.isEqualTo(1);
		});
	}

	@Test
	void countersMatchTheSimulatorsOwnCountsOfWhatItSentAndWhatWasMalformed() {
		String topic = io.github.settrademqtt.feed.SettradeTopics.bidOffer("PTT");
		withSimulator().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			io.github.settrademqtt.connection.SubscriptionRegistry subscriptions = context
				.getBean(io.github.settrademqtt.connection.SubscriptionRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> subscriptions.states()
					.get(topic) == io.github.settrademqtt.connection.SubscriptionState.ACTIVE);
			settrade.simulator().market().start(List.of("PTT"), 100);
			await().atMost(Duration.ofSeconds(10)).until(() -> settrade.simulator().market().published(topic) >= 150);
			settrade.simulator().market().stop();
			for (int i = 1; i <= 4; i++) {
				int round = i;
				settrade.simulator().mqtt().publishMalformed(topic);
				// one at a time: a snapshot conflated before decoding is never decoded
				await().atMost(Duration.ofSeconds(5))
					.until(() -> count(registry, "settrade.mqtt.messages.decode.errors") == round);
			}
			long sent = settrade.simulator().market().published(topic);
			long malformed = settrade.simulator().mqtt().malformedPublished(topic);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> count(registry, "settrade.mqtt.messages.received") == sent + malformed);
			assertThat(count(registry, "settrade.mqtt.messages.decode.errors")).isEqualTo(malformed).isEqualTo(4);
		});
	}

	private static long count(MeterRegistry registry, String name) {
		return (long) registry.get(name).tag("kind", "bid-offer").counter().count();
	}

	private ApplicationContextRunner withSimulator() {
		List<String> properties = new java.util.ArrayList<>();
		settrade.simulator()
			.springProperties(settrade.app(), "simulator")
			.forEach((key, value) -> properties.add(key + "=" + value));
		properties.add("settrade.mqtt.subscriptions.bid-offer=PTT");
		return this.runner.withPropertyValues(properties.toArray(String[]::new));
	}

	/**
	 * An application listener of the feed's events that fails on every one.
	 */
	static class ThrowingListener implements ApplicationListener<SettradeMqttEvent>, Ordered {

		private final AtomicInteger heard = new AtomicInteger();

		@Override
		public void onApplicationEvent(SettradeMqttEvent event) {
			this.heard.incrementAndGet();
			throw new IllegalStateException("listener failed on " + event);
		}

		@Override
		public int getOrder() {
			// an application may well ask to come first too
			return Ordered.HIGHEST_PRECEDENCE + 1;
		}

	}

	@Test
	void absentWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SettradeMqttMetrics.class));
	}

	@Test
	void absentWhenDisabled() {
		this.runner.withPropertyValues("settrade.mqtt.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SettradeMqttMetrics.class));
	}

}
