package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SimulatorMqtt#silenceSymbols(String...)}.
 */
class SimulatorMqttSilenceTests {

	private static final String PTT = SimulatorMarket.bidOfferTopic("PTT");

	private static final String AOT = SimulatorMarket.bidOfferTopic("AOT");

	private static final byte[] PAYLOAD = "x".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final MqttClients clients = new MqttClients();

	private SettradeSimulator simulator;

	private MqttTestClient client;

	@BeforeEach
	void setUp() throws MqttException {
		this.simulator = settrade.simulator();
		String ticket = MqttTestClient.ticket(SettradeTestClient.trusting(this.simulator), settrade.app());
		this.client = this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket));
	}

	@AfterEach
	void closeClients() {
		this.clients.closeAndAwaitClosed(this.simulator);
	}

	@Test
	void aSilencedSymbolGoesQuietWhileOtherTopicsFlow() throws MqttException {
		String candle = "proto/topic/cdlv3/PTT/1m";
		String orders = "proto/ua/_broker/PTT/_front/ordereqv3";
		subscribe(PTT, AOT, candle, orders, SimulatorMarket.infoTopic("PTTGC"));
		SimulatorMqtt mqtt = this.simulator.mqtt().silenceSymbols("PTT");
		mqtt.publish(PTT, PAYLOAD);
		mqtt.publish(candle, PAYLOAD);
		mqtt.publishMalformed(PTT);
		mqtt.publish(SimulatorMarket.infoTopic("PTTGC"), PAYLOAD);
		mqtt.publish(orders, PAYLOAD);
		mqtt.publish(AOT, PAYLOAD);
		// One client's messages arrive in order: AOT last means the others are through
		await().until(() -> this.client.payloads(AOT).size() == 1);
		assertThat(this.client.received()).extracting(MqttTestClient.Received::topic)
			.containsExactly(SimulatorMarket.infoTopic("PTTGC"), orders, AOT);
		assertThat(mqtt.silencedMessages()).isEqualTo(3);
		assertThat(mqtt.malformedPublished(PTT)).isZero();
		assertThat(mqtt.subscribedTopics()).contains(PTT);
	}

	@Test
	void theMarketGoesQuietForASilencedSymbolAndResumesWithAGap() throws MqttException {
		subscribe(PTT, AOT);
		SimulatorMqtt mqtt = this.simulator.mqtt().silenceSymbols("PTT");
		SimulatorMarket market = this.simulator.market();
		market.publishBidOffer("PTT");
		market.publishBidOffer("PTT");
		market.publishBidOffer("AOT");
		await().until(() -> this.client.payloads(AOT).size() == 1);
		assertThat(this.client.payloads(PTT)).isEmpty();
		mqtt.unsilenceSymbols("PTT");
		market.publishBidOffer("PTT");
		await().until(() -> this.client.payloads(PTT).size() == 1);
		assertThat(SimulatorPayloads.sequence(this.client.payloads(PTT).get(0))).hasValue(3);
		assertThat(market.published(PTT)).isEqualTo(3);
		assertThat(mqtt.silencedMessages()).isEqualTo(2);
	}

	@Test
	void symbolsAreComparedAsWrittenAndResetLetsEverythingThrough() throws MqttException {
		subscribe(PTT, AOT);
		SimulatorMqtt mqtt = this.simulator.mqtt().silenceSymbols("ptt", "AOT");
		mqtt.publish(AOT, PAYLOAD);
		mqtt.publish(PTT, PAYLOAD);
		await().until(() -> this.client.payloads(PTT).size() == 1);
		assertThat(this.client.payloads(AOT)).isEmpty();
		assertThat(mqtt.toString()).contains("silencedSymbols=[", "AOT");
		this.simulator.reset();
		assertThat(mqtt.silencedMessages()).isZero();
		mqtt.publish(AOT, PAYLOAD);
		await().until(() -> this.client.payloads(AOT).size() == 1);
	}

	private void subscribe(String... topics) throws MqttException {
		this.client.subscribe(topics);
		await().until(() -> this.simulator.mqtt().subscribedTopics().containsAll(java.util.List.of(topics)));
	}

}
