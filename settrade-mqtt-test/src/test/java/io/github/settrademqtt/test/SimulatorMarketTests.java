package io.github.settrademqtt.test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the market data generator of {@link SettradeSimulator}, received by a real
 * Paho client and decoded field by field from the protocol page's field numbers.
 */
class SimulatorMarketTests {

	private static final List<String> SYMBOLS = List.of("PTT", "AOT");

	private static final List<String> TOPICS = List.of("proto/topic/bidofferv3/PTT", "proto/topic/infov3/PTT",
			"proto/topic/bidofferv3/AOT", "proto/topic/infov3/AOT");

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final MqttClients clients = new MqttClients();

	private SettradeSimulator simulator;

	private MqttTestClient subscriber;

	@BeforeEach
	void subscribe() throws MqttException {
		this.simulator = settrade.simulator();
		String ticket = MqttTestClient.ticket(SettradeTestClient.trusting(this.simulator), settrade.app());
		this.subscriber = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
		assertThat(this.subscriber.subscribe(TOPICS.toArray(String[]::new))).containsOnly(0);
		await().until(() -> this.simulator.mqtt().subscribedTopics().containsAll(TOPICS));
	}

	@AfterEach
	void closeClients() {
		this.clients.close();
	}

	@Test
	void twoHundredMessagesASecondPerTopicArriveInSequenceWithoutLossOrDuplicates() {
		SimulatorMarket market = this.simulator.market();
		long started = System.nanoTime();
		market.start(SYMBOLS, 200);
		assertThat(market.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> TOPICS.stream().allMatch((topic) -> market.published(topic) >= 400));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
		market.stop();
		assertThat(market.isRunning()).isFalse();
		// 400 messages per topic at 200 a second: two seconds, neither bursts nor lag
		assertThat(elapsed).isBetween(Duration.ofMillis(1500), Duration.ofMillis(4000));
		for (String topic : TOPICS) {
			long published = market.published(topic);
			assertThat(market.lastSequence(topic)).isEqualTo(published);
			await().until(() -> this.subscriber.payloads(topic).size() >= published);
			List<Long> sequences = this.subscriber.payloads(topic)
				.stream()
				.map((payload) -> SimulatorPayloads.sequence(payload).orElseThrow())
				.toList();
			assertThat(sequences).as(topic)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, published).boxed().toList());
		}
		assertBidOffer(ProtobufFields.parse(this.subscriber.payloads("proto/topic/bidofferv3/PTT").get(0)), "PTT");
		assertInfo(ProtobufFields.parse(this.subscriber.payloads("proto/topic/infov3/AOT").get(399)), "AOT");
	}

	@Test
	void messagesArePublishedOnDemandWithTheNextSequenceNumber() {
		SimulatorMarket market = this.simulator.market();
		market.publishBidOffer("PTT");
		market.publishBidOffer("ptt");
		market.publishInfo("PTT");
		assertThat(market.published("proto/topic/bidofferv3/PTT")).isEqualTo(2);
		assertThat(market.lastSequence("proto/topic/bidofferv3/PTT")).isEqualTo(2);
		assertThat(market.published("proto/topic/infov3/PTT")).isOne();
		assertThat(market.published("proto/topic/infov3/AOT")).isZero();
		await().until(() -> this.subscriber.received().size() == 3);
		List<byte[]> bidOffers = this.subscriber.payloads("proto/topic/bidofferv3/PTT");
		assertThat(bidOffers).extracting((payload) -> SimulatorPayloads.sequence(payload).getAsLong())
			.containsExactly(1L, 2L);
		bidOffers.forEach((payload) -> assertBidOffer(ProtobufFields.parse(payload), "PTT"));
		ProtobufFields info = ProtobufFields.parse(this.subscriber.payloads("proto/topic/infov3/PTT").get(0));
		assertInfo(info, "PTT");
		assertThat(info.varint(SimulatorPayloads.SEQUENCE_FIELD)).isOne();
	}

	@Test
	void theGeneratorFollowsWhatClientsSubscribeTo() throws MqttException {
		SimulatorMarket market = this.simulator.market();
		market.startForSubscriptions(50);
		assertThat(market.isRunning()).isTrue();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> TOPICS.stream().allMatch((topic) -> this.subscriber.payloads(topic).size() >= 10));
		assertBidOffer(ProtobufFields.parse(this.subscriber.payloads("proto/topic/bidofferv3/AOT").get(0)), "AOT");
		assertInfo(ProtobufFields.parse(this.subscriber.payloads("proto/topic/infov3/PTT").get(0)), "PTT");
		assertThat(market.published("proto/topic/bidofferv3/CPALL")).as("nobody subscribed").isZero();
		this.subscriber.unsubscribe("proto/topic/bidofferv3/AOT", "proto/topic/infov3/AOT");
		await().until(() -> !this.simulator.mqtt().subscribedTopics().contains("proto/topic/infov3/AOT"));
		long aot = market.published("proto/topic/bidofferv3/AOT");
		long ptt = market.published("proto/topic/bidofferv3/PTT");
		await().atMost(Duration.ofSeconds(10)).until(() -> market.published("proto/topic/bidofferv3/PTT") >= ptt + 20);
		assertThat(market.published("proto/topic/bidofferv3/AOT")).as("no longer subscribed").isEqualTo(aot);
		assertThatIllegalStateException().isThrownBy(() -> market.startForSubscriptions(1));
		market.stop();
		assertThat(market.isRunning()).isFalse();
	}

	@Test
	void theGeneratorSkipsFiltersThatNameNoSymbol() throws MqttException {
		SimulatorMarket market = this.simulator.market();
		assertThat(this.subscriber.subscribe("proto/topic/bidofferv3/+", "proto/topic/infov3/#",
				"proto/topic/bidofferv3/SCB/x", "proto/topic/bidofferv3/kbank"))
			.containsOnly(0);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains("proto/topic/bidofferv3/kbank"));
		market.startForSubscriptions(50);
		await().atMost(Duration.ofSeconds(10)).until(() -> market.published("proto/topic/infov3/AOT") >= 10);
		market.stop();
		assertThat(this.subscriber.received()).extracting(MqttTestClient.Received::topic).allMatch(TOPICS::contains);
		assertThat(market.published("proto/topic/bidofferv3/KBANK")).isZero();
	}

	@Test
	void resetStopsTheGeneratorAndRestartsTheSequences() {
		SimulatorMarket market = this.simulator.market();
		market.publishInfo("PTT");
		market.start(SYMBOLS, 50);
		this.simulator.reset();
		assertThat(market.isRunning()).isFalse();
		assertThat(market.published("proto/topic/infov3/PTT")).isZero();
		market.publishInfo("PTT");
		assertThat(market.lastSequence("proto/topic/infov3/PTT")).isOne();
	}

	@Test
	void theGeneratorChecksItsArguments() {
		SimulatorMarket market = this.simulator.market();
		assertThatIllegalArgumentException().isThrownBy(() -> market.start(List.of(), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> market.start(SYMBOLS, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> market.start(SYMBOLS, Double.NaN));
		assertThatIllegalArgumentException().isThrownBy(() -> market.startForSubscriptions(0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> market.startForSubscriptions(SimulatorMarket.MAX_MESSAGES_PER_SECOND + 1));
		assertThatIllegalArgumentException().isThrownBy(() -> market.start(List.of("PTT/X"), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> market.publishInfo(" "));
		market.start(SYMBOLS, 1);
		assertThatIllegalStateException().isThrownBy(() -> market.start(SYMBOLS, 1));
		market.stop();
		assertThat(SimulatorMarket.bidOfferTopic("ptt")).isEqualTo("proto/topic/bidofferv3/PTT");
		assertThat(SimulatorMarket.infoTopic("Aot")).isEqualTo("proto/topic/infov3/AOT");
	}

	/**
	 * BidOfferV3: symbol 1; bid prices 2-6 and 24-28; ask prices 7-11 and 29-33; bid
	 * volumes 12-16 and 34-38; ask volumes 17-21 and 39-43; flags 22 and 23.
	 */
	private static void assertBidOffer(ProtobufFields book, String symbol) {
		assertThat(book.string(1)).isEqualTo(symbol);
		int[] bidPrices = { 2, 3, 4, 5, 6, 24, 25, 26, 27, 28 };
		int[] askPrices = { 7, 8, 9, 10, 11, 29, 30, 31, 32, 33 };
		int[] bidVolumes = { 12, 13, 14, 15, 16, 34, 35, 36, 37, 38 };
		int[] askVolumes = { 17, 18, 19, 20, 21, 39, 40, 41, 42, 43 };
		assertThat(book.money(bidPrices[0])).isLessThan(book.money(askPrices[0]));
		for (int level = 0; level < 10; level++) {
			assertThat(book.money(bidPrices[level])).isPositive();
			assertThat(book.varint(bidVolumes[level]) % 100).isZero();
			assertThat(book.varint(bidVolumes[level])).isPositive();
			assertThat(book.varint(askVolumes[level])).isPositive();
			if (level > 0) {
				assertThat(book.money(bidPrices[level])).isLessThan(book.money(bidPrices[level - 1]));
				assertThat(book.money(askPrices[level])).isGreaterThan(book.money(askPrices[level - 1]));
			}
		}
		assertThat(book.varint(22)).isOne();
		assertThat(book.varint(23)).isOne();
	}

	/**
	 * InfoV3: symbol 1; high 2; low 3; last 4; total volume 5; change 7; total value 8;
	 * market status 9.
	 */
	private static void assertInfo(ProtobufFields info, String symbol) {
		assertThat(info.string(1)).isEqualTo(symbol);
		BigDecimal last = info.money(4);
		assertThat(last).isBetween(info.money(3), info.money(2));
		assertThat(info.varint(5)).isPositive();
		assertThat(info.money(8)).isPositive();
		assertThat(info.money(7).abs()).isLessThan(last);
		assertThat(info.varint(9)).isEqualTo(4);
	}

}
