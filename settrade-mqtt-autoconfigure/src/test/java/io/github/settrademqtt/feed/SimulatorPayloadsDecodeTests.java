package io.github.settrademqtt.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.DefaultSettradeLoginService;
import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.EcdsaSettradeSigner;
import io.github.settrademqtt.login.SettradeCredentials;
import io.github.settrademqtt.login.SettradeLoginClient;
import io.github.settrademqtt.support.ExponentialBackoff;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorPayloads;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator's market generator, as published over MQTT, decodes: every BidOfferV3 and
 * InfoV3 it sends (with its sequence number in unknown field 1000) reads as a plausible
 * event, equal to what protobuf-java reads.
 */
class SimulatorPayloadsDecodeTests {

	private static final int MESSAGES = 25;

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	@Test
	void generatedBooksAndPricesDecode() throws Exception {
		SettradeSimulator simulator = settrade.simulator();
		String bidOffer = SettradeTopics.bidOffer("PTT");
		String info = SettradeTopics.priceInfo("PTT");
		MqttAsyncClient client = subscriber(simulator, settrade.app(), bidOffer, info);
		try {
			for (int i = 0; i < MESSAGES; i++) {
				simulator.market().publishBidOffer("PTT");
				simulator.market().publishInfo("PTT");
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.received.size() == 2 * MESSAGES);
		}
		finally {
			client.disconnectForcibly(1_000);
			client.close();
		}
		RecordingDecodeObserver observer = new RecordingDecodeObserver();
		MarketDataDecoders decoders = new MarketDataDecoders(MarketDataKinds.standard(), observer);
		for (Received message : this.received) {
			assertThat(SimulatorPayloads.sequence(message.payload())).isPresent();
			EventReceipt receipt = FeedFixtures.receipt(message.topic());
			MarketDataEvent event = decoders.decode(receipt, message.payload());
			assertThat(event).isEqualTo(GeneratedMessages.parse(MarketDataKinds.standard().of(message.topic()),
					message.payload(), receipt));
			if (event instanceof BidOffer book) {
				assertPlausible(book);
			}
			else {
				assertPlausible((PriceInfo) event);
			}
		}
		assertThat(observer.unknownEnums).isEmpty();
		assertThat(observer.symbolMismatches).isEmpty();
	}

	private static void assertPlausible(BidOffer book) {
		assertThat(book.symbol()).isEqualTo("PTT");
		assertThat(book.bidFlag()).isEqualTo(BidOffer.AuctionFlag.NORMAL);
		assertThat(book.askFlag()).isEqualTo(BidOffer.AuctionFlag.NORMAL);
		assertThat(book.isAuction()).isFalse();
		assertThat(book.bestAsk().price()).isGreaterThan(book.bestBid().price());
		for (int level = 1; level < BidOffer.LEVELS; level++) {
			assertThat(book.bids().get(level).price()).isLessThan(book.bids().get(level - 1).price());
			assertThat(book.asks().get(level).price()).isGreaterThan(book.asks().get(level - 1).price());
		}
		for (BidOffer.PriceLevel level : concat(book.bids(), book.asks())) {
			assertThat(level.price().isNegative()).isFalse();
			assertThat(level.price().nanos() % 10_000_000).as("whole satang").isZero();
			assertThat(level.volume()).isPositive();
			assertThat(level.volume() % 100).as("board lots").isZero();
		}
	}

	private static void assertPlausible(PriceInfo info) {
		assertThat(info.symbol()).isEqualTo("PTT");
		assertThat(info.marketStatus()).isEqualTo(MarketStatus.OPEN_E);
		assertThat(info.low()).isLessThanOrEqualTo(info.last());
		assertThat(info.last()).isLessThanOrEqualTo(info.high());
		assertThat(info.totalVolume()).isPositive();
		assertThat(info.totalValue().isNegative()).isFalse();
		assertThat(info.projectedOpenPrice()).isEqualTo(Price.ZERO);
		assertThat(info.projectedOpenVolume()).isZero();
	}

	private static List<BidOffer.PriceLevel> concat(List<BidOffer.PriceLevel> bids, List<BidOffer.PriceLevel> asks) {
		List<BidOffer.PriceLevel> levels = new ArrayList<>(bids);
		levels.addAll(asks);
		return levels;
	}

	private MqttAsyncClient subscriber(SettradeSimulator simulator, SimulatedApp app, String... topics)
			throws Exception {
		DispatcherTicket ticket = new DefaultSettradeLoginService(loginClient(simulator, app)).dispatcherTicket();
		MqttAsyncClient client = new MqttAsyncClient(
				"wss://localhost:" + simulator.port() + "/api/dispatcher/v3/" + app.brokerId() + "/mqtt",
				"feed-test-" + UUID.randomUUID(), new MemoryPersistence());
		client.setCallback(new MqttCallback() {

			@Override
			public void connectionLost(Throwable cause) {
			}

			@Override
			public void messageArrived(String topic, MqttMessage message) {
				SimulatorPayloadsDecodeTests.this.received.add(new Received(topic, message.getPayload()));
			}

			@Override
			public void deliveryComplete(IMqttDeliveryToken token) {
			}

		});
		MqttConnectOptions options = new MqttConnectOptions();
		options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
		options.setCleanSession(true);
		options.setConnectionTimeout(10);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(simulator.trustStore());
		SSLContext ssl = SSLContext.getInstance("TLS");
		ssl.init(null, trust.getTrustManagers(), null);
		options.setSocketFactory(ssl.getSocketFactory());
		Properties headers = new Properties();
		headers.setProperty("Authorization", ticket.authorization());
		options.setCustomWebSocketHeaders(headers);
		client.connect(options).waitForCompletion(10_000);
		client.subscribe(topics, new int[topics.length]).waitForCompletion(10_000);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulator.mqtt().subscribedTopics().containsAll(List.of(topics)));
		return client;
	}

	private static SettradeLoginClient loginClient(SettradeSimulator simulator, SimulatedApp app) {
		SslBundle trust = SslBundle.of(SslStoreBundle.of(null, null, simulator.trustStore()));
		RestClient restClient = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.ofSslBundle(trust)
					.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))))
			.build();
		SettradeCredentials credentials = new SettradeCredentials(URI.create(simulator.baseUrl()), app.brokerId(),
				app.appId(), app.appCode());
		ExponentialBackoff backOff = new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.2);
		return new SettradeLoginClient(restClient, credentials,
				new EcdsaSettradeSigner(AppSecret.parse(app.appSecret())), SettradeLoginClient.retry(3, backOff),
				Clock.systemUTC(), System::nanoTime);
	}

	private record Received(String topic, byte[] payload) {
	}

}
