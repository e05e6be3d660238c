package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.handler.codec.mqtt.MqttMessageType;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import io.github.settrademqtt.test.RawMqttClient.Packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SimulatorMqtt#unknownSymbols(String...)}: subscription errors on
 * {@link SimulatorMqtt#SUBSCRIPTION_ERROR_TOPIC}.
 */
class SimulatorMqttSubscriptionErrorTests {

	private static final String ERRORS = SimulatorMqtt.SUBSCRIPTION_ERROR_TOPIC;

	private static final String UNKNOWN = "proto/topic/bidofferv3/ZXCASDXZC";

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private final MqttClients clients = new MqttClients();

	private SettradeSimulator simulator;

	private SettradeTestClient rest;

	@BeforeEach
	void setUp() {
		this.simulator = settrade.simulator();
		this.rest = SettradeTestClient.trusting(this.simulator);
	}

	@AfterEach
	void closeClients() {
		this.clients.closeAndAwaitClosed(this.simulator);
	}

	@Test
	void aSubscriptionToAnUnknownSymbolIsGrantedThenReportedAsJson() throws MqttException {
		this.simulator.mqtt().unknownSymbols("ZXCASDXZC");
		MqttTestClient client = connected();
		assertThat(client.subscribe(ERRORS)).containsExactly(0);
		assertThat(client.subscribe(UNKNOWN, "proto/topic/bidofferv3/PTT")).containsExactly(0, 0);
		await().until(() -> client.payloads(ERRORS).size() == 1);
		JsonNode error = SettradeTestClient.JSON.readTree(client.payloads(ERRORS).get(0));
		assertThat(error.propertyNames()).containsExactly("code", "message", "topic");
		assertThat(error.get("code").stringValue()).isEqualTo("SUBSCRIBE_ERROR");
		assertThat(error.get("message").stringValue()).isEqualTo("Symbol ZXCASDXZC not found");
		assertThat(error.get("topic").stringValue()).isEqualTo(UNKNOWN);
		assertThat(this.simulator.mqtt().subscriptionErrorsSent()).isOne();
		// Granted and held, as Settrade does
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains(UNKNOWN));
	}

	@Test
	void theErrorFollowsTheSubackOnTheWire() {
		this.simulator.mqtt().unknownSymbols("ZXCASDXZC");
		try (RawMqttClient client = RawMqttClient.connect(this.simulator, ticket(), 60)) {
			client.subscribe(1, ERRORS);
			client.subscribe(2, UNKNOWN);
			await().until(() -> client.types().contains(MqttMessageType.PUBLISH));
			List<Packet> received = client.received();
			assertThat(received).extracting(Packet::type)
				.containsExactly(MqttMessageType.CONNACK, MqttMessageType.SUBACK, MqttMessageType.SUBACK,
						MqttMessageType.PUBLISH);
			assertThat(received.get(2).packetId()).isEqualTo(2);
			assertThat(received.get(3).topic()).isEqualTo(ERRORS);
			assertThat(received.get(3).text()).contains("ZXCASDXZC", UNKNOWN);
		}
	}

	@Test
	void theSymbolIsTheFourthLevelOfMarketTopicsComparedAsWritten() throws MqttException {
		this.simulator.mqtt().unknownSymbols("ZXC", "__SET100__");
		MqttTestClient client = connected();
		client.subscribe(ERRORS);
		client.subscribe("proto/topic/cdlv3/ZXC/1m", "proto/topic/exchinfoeqv3/__SET100__", "proto/topic/infov3/zxc",
				"proto/topic/infov3/ZXCV", "proto/ua/_broker/ZXC/_front/ordereqv3", "proto/topic/infov3/+");
		// A marker after the subscriptions: the broker keeps the order of one client's
		// messages
		client.subscribe("proto/topic/infov3/PTT");
		this.simulator.mqtt().publish("proto/topic/infov3/PTT", "marker".getBytes(StandardCharsets.UTF_8));
		await().until(() -> client.payloads("proto/topic/infov3/PTT").size() == 1);
		assertThat(client.payloads(ERRORS)).extracting((payload) -> new String(payload, StandardCharsets.UTF_8))
			.satisfiesExactly((first) -> assertThat(first).contains("proto/topic/cdlv3/ZXC/1m"),
					(second) -> assertThat(second).contains("proto/topic/exchinfoeqv3/__SET100__"));
		assertThat(this.simulator.mqtt().subscriptionErrorsSent()).isEqualTo(2);
	}

	@Test
	void everyClientSubscribedToTheErrorTopicReceivesIt() throws MqttException {
		this.simulator.mqtt().unknownSymbols("ZXCASDXZC");
		MqttTestClient watcher = connected();
		watcher.subscribe(ERRORS);
		MqttTestClient subscriber = connected();
		subscriber.subscribe(UNKNOWN);
		await().until(() -> watcher.payloads(ERRORS).size() == 1);
		assertThat(subscriber.received()).isEmpty();
	}

	@Test
	void aTestChoosesThePayload() throws MqttException {
		this.simulator.mqtt()
			.unknownSymbols("ZXCASDXZC")
			.subscriptionErrorPayload((topicFilter) -> "subscribe failed: " + topicFilter);
		MqttTestClient client = connected();
		client.subscribe(ERRORS);
		client.subscribe(UNKNOWN);
		await().until(() -> client.payloads(ERRORS).size() == 1);
		assertThat(new String(client.payloads(ERRORS).get(0), StandardCharsets.UTF_8))
			.isEqualTo("subscribe failed: " + UNKNOWN);
	}

	@Test
	void clearedOrResetSymbolsAreKnownAgain() throws MqttException {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		mqtt.unknownSymbols("ZXCASDXZC").clearUnknownSymbols();
		MqttTestClient client = connected();
		client.subscribe(ERRORS);
		client.subscribe(UNKNOWN);
		// Reported, or not, once the broker reports the subscription
		await().until(() -> mqtt.subscribedTopics().contains(UNKNOWN));
		mqtt.unknownSymbols("ZXCASDXZC").subscriptionErrorPayload((topicFilter) -> "custom");
		this.simulator.reset();
		client.subscribe("proto/topic/infov3/ZXCASDXZC");
		mqtt.unknownSymbols("AOT");
		client.subscribe("proto/topic/infov3/AOT");
		await().until(() -> client.payloads(ERRORS).size() == 1);
		assertThat(new String(client.payloads(ERRORS).get(0), StandardCharsets.UTF_8)).as("the default payload is back")
			.contains("\"topic\":\"proto/topic/infov3/AOT\"");
		assertThat(mqtt.subscriptionErrorsSent()).isOne();
	}

	@Test
	void theSimulatorCanPublishOnTheErrorTopicItself() throws MqttException {
		MqttTestClient client = connected();
		client.subscribe(ERRORS);
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains(ERRORS));
		this.simulator.mqtt().publish(ERRORS, "any format".getBytes(StandardCharsets.UTF_8));
		await().until(() -> client.payloads(ERRORS).size() == 1);
	}

	@Test
	void symbolsAreChecked() {
		SimulatorMqtt mqtt = this.simulator.mqtt();
		assertThatIllegalArgumentException().isThrownBy(() -> mqtt.unknownSymbols("PTT", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> mqtt.unknownSymbols("PTT/1m"));
		assertThatIllegalArgumentException().isThrownBy(() -> mqtt.unknownSymbols("+"));
		assertThatIllegalArgumentException().isThrownBy(() -> mqtt.silenceSymbols("#"));
		assertThat(mqtt.toString()).contains("unknownSymbols=[]");
	}

	private MqttTestClient connected() throws MqttException {
		return this.clients.connected(this.simulator, MqttTestClient.bearer(this.simulator, ticket()));
	}

	private String ticket() {
		return MqttTestClient.ticket(this.rest, settrade.app());
	}

}
