package io.github.settrademqtt.actuate.metrics;

import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.feed.EventReceipt;
import io.github.settrademqtt.feed.MarketDataDecoders;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttMetrics}: what decoding tolerates is a meter by kind, as
 * everything else the feed counts.
 */
class SettradeMqttMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SettradeMqttMetrics metrics = new SettradeMqttMetrics();

	@Test
	void unknownEnumValuesAndSymbolMismatchesAreCountedByKind() {
		this.metrics.bindTo(this.registry);
		MarketDataDecoders decoders = new MarketDataDecoders(MarketDataKinds.standard(), this.metrics);
		decoders.decode(receipt(SettradeTopics.bidOffer("PTT")),
				BidOfferV3.newBuilder().setSymbol("AOT").build().toByteArray());
		decoders.decode(receipt(SettradeTopics.priceInfo("PTT")),
				InfoV3.newBuilder().setSymbol("PTT").setMarketStatusValue(99).build().toByteArray());
		assertThat(count("settrade.mqtt.messages.symbol.mismatches", "bid-offer")).isEqualTo(1);
		assertThat(count("settrade.mqtt.messages.symbol.mismatches", "price-info")).isZero();
		assertThat(count("settrade.mqtt.messages.unknown.values", "price-info")).isEqualTo(1);
		assertThat(count("settrade.mqtt.messages.unknown.values", "bid-offer")).isZero();
	}

	private double count(String name, String kind) {
		return this.registry.get(name).tag("kind", kind).counter().count();
	}

	private static EventReceipt receipt(String topic) {
		return new EventReceipt(topic, Instant.EPOCH, 1L,
				new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO, Instant.EPOCH));
	}

}
