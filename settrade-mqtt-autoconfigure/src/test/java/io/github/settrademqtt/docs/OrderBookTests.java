package io.github.settrademqtt.docs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.test.EmbeddedSettrade;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(properties = "settrade.mqtt.subscriptions.bid-offer=PTT")
@EmbeddedSettrade
class OrderBookTests {

	@Autowired
	private ReceivedBooks received;

	@Test
	void aBookArrives() {
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.received.books.isEmpty());
		BidOffer book = this.received.books.get(0);
		assertThat(book.symbol()).isEqualTo("PTT");
		assertThat(book.bestBid().price()).isLessThan(book.bestAsk().price());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReceivedBooks {

		final List<BidOffer> books = new CopyOnWriteArrayList<>();

		@Bean
		BidOfferListener recordBooks() {
			return this.books::add;
		}

	}

}
