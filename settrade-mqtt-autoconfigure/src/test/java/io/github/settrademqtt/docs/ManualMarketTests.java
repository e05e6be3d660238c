package io.github.settrademqtt.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.feed.PriceInfo;
import io.github.settrademqtt.feed.listener.PriceInfoListener;
import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = { "settrade.mqtt.subscriptions.price-info=AOT", "settrade.mqtt.liveness.heal=false" })
@EmbeddedSettrade(rate = 0)
class ManualMarketTests {

	@Autowired
	private SettradeSimulator simulator;

	@Autowired
	private ReceivedPrices received;

	@Test
	void thePriceTheTestPublishesArrives() {
		await().until(() -> this.simulator.mqtt().subscribedTopics().contains("proto/topic/infov3/AOT"));
		this.simulator.market().publishInfo("AOT");
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.received.prices.isEmpty());
		PriceInfo price = this.received.prices.get(0);
		assertThat(price.symbol()).isEqualTo("AOT");
		assertThat(price.last()).isBetween(price.low(), price.high());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReceivedPrices {

		final List<PriceInfo> prices = new CopyOnWriteArrayList<>();

		@Bean
		PriceInfoListener recordPrices() {
			return this.prices::add;
		}

	}

}
