package io.github.settrademqtt.feed;

import io.github.settrademqtt.SimulatorContexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.settrademqtt.autoconfigure.metrics.SettradeMqttMetricsAutoConfiguration;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.EquityOrderListener;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.Money;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Decoded market data end to end: the simulator publishes over its real broker, the
 * starter decodes and delivers to listener beans and to an {@link IntegrationFlow}.
 */
class MarketDataEndToEndTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

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

	private ApplicationContextRunner runner(String... properties) {
		return SimulatorContexts.runner(simulator(), settrade.app(), properties)
			.withConfiguration(AutoConfigurations.of(SettradeMqttMetricsAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
	}

	@Test
	void listenerBeanAndIntegrationFlowReceiveThePublishedBooksExactly() {
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").withUserConfiguration(Consumers.class).run((context) -> {
			Consumers consumers = context.getBean(Consumers.class);
			awaitSubscribed(context.getBean(SettradeMqttConnection.class));
			BidOfferV3 sent = book("PTT", 1);
			simulator().mqtt().publish(PTT, sent.toByteArray());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !consumers.fromListener.isEmpty() && !consumers.fromFlow.isEmpty());
			BidOffer fromListener = consumers.fromListener.get(0);
			assertEquals(sent, fromListener);
			Message<?> fromFlow = consumers.fromFlow.get(0);
			assertThat(fromFlow.getPayload()).isEqualTo(fromListener);
			assertThat(fromFlow.getHeaders()).containsEntry(SettradeMqttHeaders.TOPIC, PTT)
				.containsEntry(MarketDataHeaders.KIND, "bid-offer")
				.containsEntry(MarketDataHeaders.KEY, "PTT")
				.containsEntry(SettradeMqttHeaders.EPOCH, 1L);
			assertThat(fromListener.receipt().session().epoch()).isEqualTo(1);
			assertThat(fromListener.receipt().receivedNanos()).isPositive();
		});
	}

	private static void assertEquals(BidOfferV3 sent, BidOffer received) {
		assertThat(received.symbol()).isEqualTo(sent.getSymbol());
		assertThat(received.bids()).hasSize(10);
		assertThat(received.asks()).hasSize(10);
		assertThat(received.bestBid().price()).isEqualTo(price(sent.getBidPrice1()));
		assertThat(received.bestBid().volume()).isEqualTo(sent.getBidVolume1());
		assertThat(received.bestAsk().price()).isEqualTo(price(sent.getAskPrice1()));
		assertThat(received.bestAsk().volume()).isEqualTo(sent.getAskVolume1());
		assertThat(received.bids().get(9).price()).isEqualTo(price(sent.getBidPrice10()));
		assertThat(received.asks().get(9).volume()).isEqualTo(sent.getAskVolume10());
		assertThat(received.bids().get(4).price()).isEqualTo(Price.ZERO);
		assertThat(received.bidFlag()).isEqualTo(BidOffer.AuctionFlag.ATO);
	}

	private static Price price(Money money) {
		return new Price(money.getUnits(), money.getNanos());
	}

	@Test
	void aBlockedListenerStallsNeitherTheConnectionNorOtherSymbolsAndGetsTheNewestBook() {
		simulator().market().start(List.of("PTT", "AOT"), 50);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,AOT").withUserConfiguration(BlockingListener.class)
			.run((context) -> {
				BlockingListener listener = context.getBean(BlockingListener.class);
				SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.blocking.getCount() == 0);
				long epoch = connection.getSessionFacts().epoch();
				int aotBefore = listener.aot.size();
				// the PTT listener is now blocked for 2 s: AOT keeps flowing meanwhile
				await().atMost(Duration.ofMillis(1500)).until(() -> listener.aot.size() >= aotBefore + 20);
				await().atMost(Duration.ofSeconds(5)).until(() -> listener.released.get() != 0);
				await().atMost(Duration.ofSeconds(2)).until(() -> listener.ptt.size() >= 2);
				BidOffer afterResume = listener.ptt.get(1);
				assertThat(afterResume.receipt().receivedNanos())
					.as("the book delivered on resume arrived during the block's last moments, not before it")
					.isGreaterThan(listener.released.get() - Duration.ofMillis(500).toNanos());
				assertThat(connection.getState()).isEqualTo(ConnectionState.CONNECTED);
				assertThat(connection.getSessionFacts().epoch()).isEqualTo(epoch);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("settrade.mqtt.messages.conflated").tag("kind", "bid-offer").counter().count())
					.as("books skipped while blocked: about 2 s at 50/s")
					.isGreaterThan(50);
			});
	}

	@Test
	void withNoDeliveryThreadsListenersRunOnTheMqttClientsThread() {
		simulator().market().start(List.of("PTT"), 100);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.delivery.threads=0")
			.withUserConfiguration(ThreadRecordingListener.class)
			.run((context) -> {
				ThreadRecordingListener listener = context.getBean(ThreadRecordingListener.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> listener.threads.size() >= 20);
				// Paho's callback thread, named after the client
				assertThat(listener.threads).allSatisfy((thread) -> assertThat(thread).startsWith("MQTT Call"));
				assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
					.noneMatch((thread) -> thread.startsWith("settrade-mqtt-delivery-"));
			});
	}

	@Test
	void aSlowOrderListenerNeverLosesAnUpdateWithinTheQueueBound() {
		int updates = 400;
		String topic = SettradeTopics.equityOrders("ACC1");
		runner("settrade.mqtt.subscriptions.equity-orders=ACC1", "settrade.mqtt.delivery.order-queue-capacity=1000")
			.withUserConfiguration(SlowOrderListener.class)
			.run((context) -> {
				SlowOrderListener listener = context.getBean(SlowOrderListener.class);
				awaitSubscribed(context.getBean(SettradeMqttConnection.class));
				for (int i = 1; i <= updates; i++) {
					simulator().mqtt()
						.publish(topic,
								OrderEquityV3.newBuilder()
									.setOrderNo(Integer.toString(i))
									.setAccountNo("ACC1")
									.setSymbol("PTT")
									.setVolume(i)
									.build()
									.toByteArray());
				}
				await().atMost(Duration.ofSeconds(30)).until(() -> listener.orders.size() >= updates);
				assertThat(listener.orders).extracting(EquityOrder::orderNo)
					.containsExactlyElementsOf(
							java.util.stream.IntStream.rangeClosed(1, updates).mapToObj(Integer::toString).toList());
				assertThat(context.getBean(MeterRegistry.class)
					.get("settrade.mqtt.messages.dropped")
					.tag("kind", "equity-orders")
					.counter()
					.count()).isZero();
			});
	}

	@Test
	void malformedPayloadsAndThrowingListenersAreCountedAndStopNothing() {
		runner("settrade.mqtt.subscriptions.bid-offer=PTT").withUserConfiguration(ThrowingAndCounting.class)
			.run((context) -> {
				ThrowingAndCounting listeners = context.getBean(ThrowingAndCounting.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				awaitSubscribed(context.getBean(SettradeMqttConnection.class));
				// one at a time: snapshots of one topic would otherwise be conflated
				// before decoding
				for (int i = 1; i <= 3; i++) {
					int round = i;
					simulator().mqtt().publishMalformed(PTT);
					await().atMost(Duration.ofSeconds(5))
						.until(() -> meters.get("settrade.mqtt.messages.decode.errors")
							.tag("kind", "bid-offer")
							.counter()
							.count() >= round);
					simulator().mqtt().publish(PTT, book("PTT", i).toByteArray());
					await().atMost(Duration.ofSeconds(5)).until(() -> listeners.counted.get() >= round);
				}
				assertThat(
						meters.get("settrade.mqtt.messages.decode.errors").tag("kind", "bid-offer").counter().count())
					.isEqualTo(3);
				assertThat(meters.get("settrade.mqtt.listener.errors").tag("kind", "bid-offer").counter().count())
					.as("the throwing listener failed on every book")
					.isEqualTo(3);
				assertThat(context.getBean(SettradeMqttConnection.class).getState())
					.isEqualTo(ConnectionState.CONNECTED);
			});
	}

	@Test
	void livenessTellsLiveFromNeverReceived() {
		simulator().market().start(List.of("PTT"), 20);
		runner("settrade.mqtt.subscriptions.bid-offer=PTT,AOT", "settrade.mqtt.liveness.silence-threshold=5s")
			.run((context) -> {
				FeedLiveness liveness = context.getBean(FeedLiveness.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> liveness.getLastMessageAge().isPresent());
				assertThat(liveness.getNeverReceivedTopics()).containsExactly(AOT);
				assertThat(liveness.getSilentTopics()).isEmpty();
			});
	}

	private static void awaitSubscribed(SettradeMqttConnection connection) {
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getState() == ConnectionState.CONNECTED);
	}

	static BidOfferV3 book(String symbol, int variant) {
		BidOfferV3.Builder book = BidOfferV3.newBuilder()
			.setSymbol(symbol)
			.setBidFlag(BidOfferV3.BidAskFlag.ATO)
			.setAskFlag(BidOfferV3.BidAskFlag.NORMAL);
		book.setBidPrice1(money(34, 250_000_000))
			.setBidVolume1(1_000 + variant)
			.setAskPrice1(money(34, 500_000_000))
			.setAskVolume1(2_000)
			.setBidPrice10(money(32, 0))
			.setAskVolume10(10_900);
		return book.build();
	}

	private static Money money(long units, int nanos) {
		return Money.newBuilder().setCurrencyCode("THB").setUnits(units).setNanos(nanos).build();
	}

	@Configuration(proxyBeanMethods = false)
	static class Consumers {

		final List<BidOffer> fromListener = new CopyOnWriteArrayList<>();

		final List<Message<?>> fromFlow = new CopyOnWriteArrayList<>();

		@Bean
		BidOfferListener recordingListener() {
			return this.fromListener::add;
		}

		@Bean
		IntegrationFlow recordingFlow() {
			return IntegrationFlow.from("settradeMarketDataChannel")
				.handle((message) -> this.fromFlow.add(message))
				.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThreadRecordingListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Bean
		BidOfferListener threadRecordingListener() {
			return (book) -> this.threads.add(Thread.currentThread().getName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BlockingListener {

		final CountDownLatch blocking = new CountDownLatch(1);

		final AtomicLong released = new AtomicLong();

		final List<BidOffer> ptt = new CopyOnWriteArrayList<>();

		final List<BidOffer> aot = new CopyOnWriteArrayList<>();

		@Bean
		BidOfferListener blockingListener() {
			return (book) -> {
				if ("AOT".equals(book.symbol())) {
					this.aot.add(book);
					return;
				}
				this.ptt.add(book);
				if (this.ptt.size() == 1) {
					this.blocking.countDown();
					// the behaviour under test: a listener that blocks for 2 s
					LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
					this.released.set(System.nanoTime());
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SlowOrderListener {

		final List<EquityOrder> orders = new CopyOnWriteArrayList<>();

		@Bean
		EquityOrderListener slowOrderListener() {
			return (order) -> {
				// the behaviour under test: 2 ms of work per update, slower than they
				// arrive
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
				this.orders.add(order);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ThrowingAndCounting {

		final AtomicLong counted = new AtomicLong();

		@Bean
		BidOfferListener throwingListener() {
			return (book) -> {
				throw new IllegalStateException("a listener bug");
			};
		}

		@Bean
		MarketDataListener countingListener() {
			return (event) -> this.counted.incrementAndGet();
		}

	}

}
