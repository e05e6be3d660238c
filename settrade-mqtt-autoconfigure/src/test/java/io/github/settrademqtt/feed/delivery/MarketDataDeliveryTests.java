package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.actuate.metrics.SettradeMqttMetrics;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.MarketDataHeaders;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.EquityOrderListener;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.FeedLivenessFixtures;
import io.github.settrademqtt.feed.liveness.LivenessState;
import io.github.settrademqtt.feed.liveness.TopicLiveness;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.OrderEquityV3;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.channel.NullChannel;
import org.springframework.integration.channel.PublishSubscribeChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MarketDataDelivery} on real delivery threads, fed through its source
 * channel as the connection feeds it.
 */
class MarketDataDeliveryTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String ORDERS = SettradeTopics.equityOrders("ACC1");

	private static final SessionFacts SESSION = new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO,
			Instant.parse("2026-01-05T03:00:00Z"));

	private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

	private final DirectChannel source = new DirectChannel();

	private final SubscriptionRegistry registry = new SubscriptionRegistry();

	private final List<String> books = new CopyOnWriteArrayList<>();

	private final List<String> orders = new CopyOnWriteArrayList<>();

	private final BidOfferListener recordingBooks = (book) -> this.books
		.add(book.symbol() + ":" + book.bestBid().volume());

	private final EquityOrderListener recordingOrders = (order) -> this.orders.add(order.orderNo());

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private MarketDataDelivery delivery;

	@AfterEach
	void stop() {
		if (this.delivery != null) {
			this.delivery.stop();
		}
	}

	/**
	 * Defect 1: listeners were isolated from {@link RuntimeException}s only, so an
	 * {@link Error} from one (a failed assertion) skipped the others and escaped the
	 * drain, leaving its topic marked scheduled: the topic was never delivered again.
	 */
	@Test
	void aListenerThatThrowsAnErrorCostsItOneBookAndNeitherTheOtherListenersNorTheTopic() {
		AtomicBoolean failed = new AtomicBoolean();
		BidOfferListener failingOnce = (book) -> {
			if (failed.compareAndSet(false, true)) {
				throw new AssertionError("a listener's bug");
			}
		};
		start(1, new FeedLiveness(Duration.ofSeconds(10)), books(failingOnce, this.recordingBooks));
		sendBook("PTT", 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("PTT:1"));
		sendBook("PTT", 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("PTT:2"));
		assertThat(count("settrade.mqtt.listener.errors", "bid-offer")).isEqualTo(1);
	}

	/**
	 * Defect 1: a listener's stack overflow, an error of the virtual machine that is
	 * passed on rather than contained, escaped a drain without a {@code finally} and left
	 * the topic marked scheduled for ever.
	 */
	@Test
	void aListenerThatOverflowsItsStackCostsOneBookNotTheTopic() {
		AtomicBoolean failed = new AtomicBoolean();
		BidOfferListener overflowingOnce = (book) -> {
			if (failed.compareAndSet(false, true)) {
				throw new StackOverflowError();
			}
			this.recordingBooks.onBidOffer(book);
		};
		start(1, new FeedLiveness(Duration.ofSeconds(10)), books(overflowingOnce));
		sendBook("PTT", 1);
		// it ends its delivery thread, which the pool replaces
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(5)).until(failed::get);
		sendBook("PTT", 2);
		await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("PTT:2"));
	}

	/**
	 * Defect 2: stopping shut the pool down but left the slots and the order queue whose
	 * drains were queued marked scheduled, so after a restart those topics were never
	 * delivered again.
	 */
	@Test
	void aRestartDeliversEveryTopicThoughDrainsWerePendingWhenItStopped() {
		CountDownLatch blocked = new CountDownLatch(1);
		BidOfferListener blockingOnFirstBook = (book) -> {
			this.recordingBooks.onBidOffer(book);
			if (blocked.getCount() > 0) {
				blocked.countDown();
				awaitInterrupt();
			}
		};
		start(1, new FeedLiveness(Duration.ofSeconds(10)),
				listeners(List.of(blockingOnFirstBook), List.of(this.recordingOrders)));
		List<String> symbols = List.of("PTT", "AOT", "KBANK", "SCB");
		sendBook("PTT", 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 0);
		// queued behind the blocked book on the only thread
		symbols.stream().skip(1).forEach((symbol) -> sendBook(symbol, 1));
		sendOrder("1");
		this.delivery.stop();
		assertThat(count("settrade.mqtt.messages.discarded", "bid-offer")).as("three books").isEqualTo(3);
		assertThat(count("settrade.mqtt.messages.discarded", "equity-orders")).as("an order update").isEqualTo(1);
		this.delivery.start();
		symbols.forEach((symbol) -> sendBook(symbol, 2));
		sendOrder("2");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.books).contains("PTT:2", "AOT:2", "KBANK:2", "SCB:2"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.orders).containsExactly("2"));
	}

	/**
	 * Defect 3: liveness was stamped on arrival only, so a topic whose listener was stuck
	 * still read as live. Messages keep arriving while the listener is blocked.
	 */
	@Test
	void aTopicWhoseListenerIsStuckReadsStalledAndLiveAgainOnceReleased() {
		FeedLiveness liveness = FeedLivenessFixtures.onClock(Duration.ofSeconds(10), this.nanos::get);
		this.registry.addListener(liveness);
		this.registry.subscribe(PTT);
		CountDownLatch blocked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		BidOfferListener blockingOnFirstBook = (book) -> {
			if (blocked.getCount() > 0) {
				blocked.countDown();
				awaitQuietly(release);
			}
			this.recordingBooks.onBidOffer(book);
		};
		start(1, liveness, books(blockingOnFirstBook));
		sendBook("PTT", 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> blocked.getCount() == 0);
		advance(Duration.ofSeconds(6));
		sendBook("PTT", 2);
		assertThat(state(liveness)).as("waiting for 6 s of 10").isEqualTo(LivenessState.LIVE);
		advance(Duration.ofSeconds(6));
		sendBook("PTT", 3);
		assertThat(liveness.getStalledTopics()).containsExactly(PTT);
		assertThat(liveness.getTopics().get(0).lastDeliveredAt()).isNull();
		assertThat(liveness.getSilentTopics()).as("the market is not silent").isEmpty();
		release.countDown();
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.books).contains("PTT:1", "PTT:3"));
		await().atMost(Duration.ofSeconds(5)).until(() -> state(liveness) == LivenessState.LIVE);
		assertThat(liveness.getStalledTopics()).isEmpty();
		assertThat(liveness.getTopics().get(0).lastDeliveryAge()).isEqualTo(Duration.ZERO);
		assertThat(liveness.getLastDeliveryAge()).contains(Duration.ZERO);
	}

	/**
	 * Defect 4: a released topic kept its conflation slot for ever.
	 */
	@Test
	void releasedTopicsGiveUpTheirSlots() {
		start(2, new FeedLiveness(Duration.ofSeconds(10)), books(this.recordingBooks));
		this.registry.addListener(this.delivery);
		List<SubscriptionHandle> handles = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			String symbol = "S" + i;
			handles.add(this.registry.subscribe(SettradeTopics.bidOffer(symbol)));
			sendBook(symbol, 1);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.size() == 200);
		assertThat(snapshotSlots()).isEqualTo(200);
		handles.forEach(SubscriptionHandle::close);
		await().atMost(Duration.ofSeconds(5)).until(() -> snapshotSlots() == 0);
		this.registry.subscribe(SettradeTopics.bidOffer("S7"));
		sendBook("S7", 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("S7:2"));
	}

	/**
	 * The market data channel's message is built only when something would see it: a
	 * subscriber, or an interceptor (a wire tap) on a channel with no subscriber.
	 */
	@Test
	void theMarketDataChannelIsSentToWhenSomethingSeesItSubscriberOrInterceptor() {
		PublishSubscribeChannel channel = new PublishSubscribeChannel();
		List<Object> tapped = new CopyOnWriteArrayList<>();
		List<Object> handled = new CopyOnWriteArrayList<>();
		this.delivery = new MarketDataDelivery(this.source, channel, books(this.recordingBooks),
				new FeedLiveness(Duration.ofSeconds(10)), FeedObserver.NONE, 1, 100, this.nanos::get);
		this.delivery.start();
		this.registry.subscribe(PTT);
		sendBook("PTT", 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("PTT:1"));
		channel.addInterceptor(new ChannelInterceptor() {

			@Override
			public Message<?> preSend(Message<?> message, MessageChannel sent) {
				tapped.add(message.getPayload());
				return message;
			}

		});
		sendBook("PTT", 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.books.contains("PTT:2"));
		assertThat(tapped).singleElement().isInstanceOf(BidOffer.class);
		channel.subscribe((message) -> handled.add(message.getHeaders().get(MarketDataHeaders.KEY)));
		sendBook("PTT", 3);
		await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);
		assertThat(handled).containsExactly("PTT");
		assertThat(tapped).hasSize(2);
	}

	private void start(int threads, FeedLiveness liveness, MarketDataListeners listeners) {
		SettradeMqttMetrics metrics = new SettradeMqttMetrics();
		metrics.bindTo(this.meters);
		this.delivery = new MarketDataDelivery(this.source, new NullChannel(), listeners, liveness, metrics, threads,
				100, this.nanos::get);
		this.delivery.start();
	}

	private double count(String meter, String kind) {
		return this.meters.get(meter).tag("kind", kind).counter().count();
	}

	private int snapshotSlots() {
		ConflatingDispatcher snapshots = (ConflatingDispatcher) ReflectionTestUtils.getField(this.delivery,
				"snapshots");
		return snapshots.slotCount();
	}

	private static MarketDataListeners books(BidOfferListener... listeners) {
		return listeners(List.of(listeners), List.of());
	}

	private static MarketDataListeners listeners(List<BidOfferListener> books, List<EquityOrderListener> orders) {
		MarketDataListeners.Builder builder = MarketDataListeners.builder(MarketDataKinds.standard());
		books.forEach(builder::add);
		orders.forEach(builder::add);
		return builder.build();
	}

	private void sendBook(String symbol, long bidVolume) {
		send(SettradeTopics.bidOffer(symbol),
				BidOfferV3.newBuilder().setSymbol(symbol).setBidVolume1(bidVolume).build().toByteArray());
	}

	private void sendOrder(String orderNo) {
		send(ORDERS,
				OrderEquityV3.newBuilder()
					.setOrderNo(orderNo)
					.setAccountNo("ACC1")
					.setSymbol("PTT")
					.build()
					.toByteArray());
	}

	private void send(String topic, byte[] payload) {
		this.source.send(MessageBuilder.withPayload(payload)
			.setHeader(SettradeMqttHeaders.TOPIC, topic)
			.setHeader(SettradeMqttHeaders.RECEIVED_NANOS, this.nanos.get())
			.setHeader(SettradeMqttHeaders.RECEIVED_AT, Instant.now())
			.setHeader(SettradeMqttHeaders.SESSION, SESSION)
			.build());
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	private static LivenessState state(FeedLiveness liveness) {
		List<TopicLiveness> topics = liveness.getTopics();
		return topics.get(0).state();
	}

	/**
	 * Block until the delivery's pool is shut down, as a listener stuck on I/O would.
	 */
	private static void awaitInterrupt() {
		awaitQuietly(new CountDownLatch(1));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
