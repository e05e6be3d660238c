package io.github.settrademqtt.test;

import java.time.Duration;
import java.util.List;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the market of {@link EmbeddedSettrade @EmbeddedSettrade}: a test gets data
 * for what it subscribes to without starting anything.
 */
class EmbeddedSettradeMarketTests {

	private static final String PTT_BOOKS = "proto/topic/bidofferv3/PTT";

	private static final String PTT_PRICES = "proto/topic/infov3/PTT";

	@Nested
	@SpringJUnitConfig(Config.class)
	@EmbeddedSettrade
	class Defaults {

		private final MqttClients clients = new MqttClients();

		@Autowired
		private SettradeSimulator simulator;

		@Autowired
		private SimulatedApp app;

		@AfterEach
		void closeClients() {
			this.clients.close();
		}

		@Test
		void booksAndPricesArePublishedForWhatIsSubscribed() throws MqttException {
			MqttTestClient client = subscribed(this.clients, this.simulator, this.app, PTT_BOOKS, PTT_PRICES);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> client.payloads(PTT_BOOKS).size() >= 5 && client.payloads(PTT_PRICES).size() >= 5);
			assertThat(ProtobufFields.parse(client.payloads(PTT_BOOKS).get(0)).string(1)).isEqualTo("PTT");
			assertThat(this.simulator.market().published("proto/topic/bidofferv3/AOT")).as("nobody subscribed")
				.isZero();
		}

		@Test
		void tenMessagesASecondPerTopicByDefault() throws MqttException {
			MqttTestClient client = subscribed(this.clients, this.simulator, this.app, PTT_BOOKS);
			await().atMost(Duration.ofSeconds(10)).until(() -> !client.payloads(PTT_BOOKS).isEmpty());
			long first = System.nanoTime();
			int before = client.payloads(PTT_BOOKS).size();
			await().atMost(Duration.ofSeconds(10)).until(() -> client.payloads(PTT_BOOKS).size() >= before + 20);
			// 20 messages at 10 a second: two seconds, give or take the scheduler
			assertThat(Duration.ofNanos(System.nanoTime() - first)).isBetween(Duration.ofMillis(1500),
					Duration.ofMillis(4000));
		}

	}

	@Nested
	@SpringJUnitConfig(Config.class)
	@EmbeddedSettrade(symbols = "AOT", rate = 50)
	class FixedSymbols {

		@Autowired
		private SettradeSimulator simulator;

		@Test
		void theSymbolsArePublishedWhetherSubscribedOrNot() {
			SimulatorMarket market = this.simulator.market();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> market.published("proto/topic/bidofferv3/AOT") >= 10
						&& market.published("proto/topic/infov3/AOT") >= 10);
		}

	}

	@Nested
	@SpringJUnitConfig(Config.class)
	@EmbeddedSettrade(rate = 0)
	class NoMarket {

		@Autowired
		private SettradeSimulator simulator;

		@Test
		void aRateOfZeroLeavesTheMarketToTheTest() {
			assertThat(this.simulator.market().isRunning()).isFalse();
			this.simulator.market().start(List.of("PTT"), 1);
			this.simulator.market().stop();
		}

	}

	static MqttTestClient subscribed(MqttClients clients, SettradeSimulator simulator, SimulatedApp app,
			String... topics) throws MqttException {
		String ticket = MqttTestClient.ticket(SettradeTestClient.trusting(simulator), app);
		MqttTestClient client = clients.connected(simulator, MqttTestClient.bearer(simulator, ticket));
		assertThat(client.subscribe(topics)).containsOnly(0);
		return client;
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
