package io.github.settrademqtt.docs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.SimulatorMqtt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MqttFaultsTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void publishingAndFaults() {
		SimulatorMqtt mqtt = settrade.simulator().mqtt();
		// QoS 0 to every subscriber of the topic
		mqtt.publish("proto/topic/bidofferv3/PTT", "any bytes".getBytes(StandardCharsets.UTF_8));
		// bytes that are not protobuf
		mqtt.publishMalformed("proto/topic/bidofferv3/PTT");
		// no message on proto/topic/*/PTT[/...] until unsilenced
		mqtt.silenceSymbols("PTT");
		mqtt.publishMalformed("proto/topic/infov3/PTT");
		mqtt.unsilenceSymbols("PTT");
		// network loss (no DISCONNECT), and half-open connections
		mqtt.dropAllConnections();
		mqtt.stallOpenConnections();
		// a 401 to every WebSocket upgrade meanwhile
		mqtt.refuseUpgradesFor(Duration.ofSeconds(5));
		// SUBACK 0x80 for that filter only
		mqtt.denySubscriptions("proto/topic/bidofferv3/BANNED");
		// SUBACK granted, then an error on SimulatorMqtt.SUBSCRIPTION_ERROR_TOPIC
		mqtt.unknownSymbols("ZXCASDXZC");
		mqtt.subscriptionErrorPayload((filter) -> "bad: " + filter);
		assertThat(mqtt.malformedPublished("proto/topic/bidofferv3/PTT")).isOne();
		assertThat(mqtt.silencedMessages()).isOne();
		assertThat(mqtt.openConnections()).isZero();
		assertThat(mqtt.subscriptionErrorsSent()).isZero();

		SimulatorMarket market = settrade.simulator().market();
		// BidOfferV3 and InfoV3, 200 a second per topic, whether subscribed or not
		market.start(List.of("PTT", "AOT"), 200);
		await().until(() -> market.published(SimulatorMarket.bidOfferTopic("AOT")) >= 10);
		market.stop();
		// every message carries its topic's sequence number (field 1000)
		assertThat(market.lastSequence("proto/topic/bidofferv3/AOT"))
			.isEqualTo(market.published("proto/topic/bidofferv3/AOT"));
	}

}
