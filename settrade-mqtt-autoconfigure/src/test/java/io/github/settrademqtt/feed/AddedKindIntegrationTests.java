package io.github.settrademqtt.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.autoconfigure.metrics.SettradeMqttMetricsAutoConfiguration;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.MarketDataKind.Delivery;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Adding an eighth kind of message takes its record, its decoder and one row of the
 * {@link MarketDataKinds} table, all in this file: the starter then subscribes, decodes,
 * delivers to the kind's own listener beans, to listeners of every kind and to the
 * channel, and counts it by kind, with no other change.
 */
class AddedKindIntegrationTests {

	/**
	 * The row: topic pattern, event type, decoder, delivery and listener type.
	 */
	static final MarketDataKind<TradeTick, TradeTickListener> TRADE_TICK = MarketDataKind.of("trade-tick",
			"proto/topic/tradetickv1/{symbol}", TradeTick.class, (observer) -> new TradeTickDecoder(), Delivery.LATEST,
			TradeTickListener.class, TradeTickListener::onTradeTick);

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void anAddedKindIsDecodedDeliveredToItsListenersAndCounted() {
		String topic = TRADE_TICK.topic("PTT");
		SimulatorContexts.runner(settrade.simulator(), settrade.app())
			.withConfiguration(AutoConfigurations.of(SettradeMqttMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withUserConfiguration(AddedKind.class)
			.run((context) -> {
				SubscriptionRegistry registry = context.getBean(SubscriptionRegistry.class);
				registry.subscribe(topic);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> registry.states().get(topic) == SubscriptionState.ACTIVE);
				settrade.simulator().mqtt().publish(topic, "1200".getBytes(StandardCharsets.UTF_8));
				AddedKind added = context.getBean(AddedKind.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> !added.ticks.isEmpty() && !added.all.isEmpty() && !added.fromChannel.isEmpty());
				TradeTick tick = added.ticks.get(0);
				assertThat(tick.symbol()).isEqualTo("PTT");
				assertThat(tick.volume()).isEqualTo(1200);
				assertThat(tick.kind()).isSameAs(TRADE_TICK);
				assertThat(added.all).containsExactly(tick);
				assertThat(added.fromChannel.get(0).getPayload()).isEqualTo(tick);
				assertThat(added.fromChannel.get(0).getHeaders()).containsEntry(MarketDataHeaders.KIND, "trade-tick")
					.containsEntry(MarketDataHeaders.KEY, "PTT");
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("settrade.mqtt.messages.received").tag("kind", "trade-tick").counter().count())
					.isEqualTo(1);
			});
	}

	@Test
	void theTableRefusesTwoRowsWithOneTag() {
		MarketDataKind<TradeTick, TradeTickListener> again = MarketDataKind.of("bid-offer",
				"proto/topic/tradetickv2/{symbol}", TradeTick.class, (observer) -> new TradeTickDecoder(),
				Delivery.LATEST, TradeTickListener.class, TradeTickListener::onTradeTick);
		assertThatIllegalArgumentException().isThrownBy(() -> MarketDataKinds.standard().with(again))
			.withMessage("Two kinds are tagged 'bid-offer'");
	}

	/**
	 * The record.
	 */
	record TradeTick(String symbol, long volume, EventReceipt receipt) implements MarketDataEvent {

		@Override
		public MarketDataKind<?, ?> kind() {
			return TRADE_TICK;
		}

		@Override
		public String key() {
			return this.symbol;
		}

	}

	/**
	 * The decoder: the payload is the volume in decimal.
	 */
	static final class TradeTickDecoder implements MarketDataDecoder<TradeTick> {

		@Override
		public TradeTick decode(byte[] payload, EventReceipt receipt) {
			try {
				return new TradeTick(TRADE_TICK.key(receipt.topic()),
						Long.parseLong(new String(payload, StandardCharsets.UTF_8)), receipt);
			}
			catch (NumberFormatException ex) {
				throw new MarketDataDecodeException(TRADE_TICK, 0, "TradeTick: not a volume", ex);
			}
		}

	}

	/**
	 * The listener type, as an application would declare it.
	 */
	@FunctionalInterface
	interface TradeTickListener {

		void onTradeTick(TradeTick tick);

	}

	@Configuration(proxyBeanMethods = false)
	static class AddedKind {

		final List<TradeTick> ticks = new CopyOnWriteArrayList<>();

		final List<MarketDataEvent> all = new CopyOnWriteArrayList<>();

		final List<Message<?>> fromChannel = new CopyOnWriteArrayList<>();

		@Bean
		MarketDataKinds marketDataKinds() {
			return MarketDataKinds.standard().with(TRADE_TICK);
		}

		@Bean
		TradeTickListener tradeTickListener() {
			return this.ticks::add;
		}

		@Bean
		MarketDataListener everyKind() {
			return this.all::add;
		}

		@Bean
		IntegrationFlow recordingFlow() {
			return IntegrationFlow.from("settradeMarketDataChannel")
				.handle((message) -> this.fromChannel.add(message))
				.get();
		}

	}

}
