package io.github.settrademqtt.support;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeMqttMessageProducer;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.feed.delivery.MarketDataDelivery;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttPhases}: the order the feed's lifecycle beans start in
 * (and stop in, reversed), and that every bean of the auto-configuration takes its phase
 * from there.
 */
class SettradeMqttPhasesTests {

	private static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	/**
	 * Nothing may try to reach Settrade: the connection is never started.
	 */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.auto-startup=false", "settrade.mqtt.base-url=https://127.0.0.1:1",
				"settrade.mqtt.app-id=app-1", "settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1",
				"settrade.mqtt.broker-id=063");

	@Test
	void theTokenOutlivesEveryConnectionAndNothingDeliversOrWatchesWithoutOne() {
		assertThat(SettradeMqttPhases.TOKEN_REFRESHER).as("refresher before connection")
			.isLessThan(SettradeMqttPhases.CONNECTION);
		assertThat(SettradeMqttPhases.MARKET_DATA_DELIVERY).as("delivery with the connection")
			.isEqualTo(SettradeMqttPhases.CONNECTION)
			.as("delivery before producer")
			.isLessThan(SettradeMqttPhases.MESSAGE_PRODUCER);
		assertThat(SettradeMqttPhases.FEED_WATCHDOG).as("watchdog after connection")
			.isGreaterThan(SettradeMqttPhases.CONNECTION);
		assertThat(SettradeMqttPhases.MESSAGE_PRODUCER).as("the feed is up before the application's default phase")
			.isLessThan(SmartLifecycle.DEFAULT_PHASE);
		assertThat(SettradeMqttPhases.LEADER_ELECTION)
			.as("elected once the delivery runs, stopped before anything it starts")
			.isGreaterThan(SettradeMqttPhases.MESSAGE_PRODUCER)
			.isGreaterThan(SettradeMqttPhases.MARKET_DATA_DELIVERY)
			.isGreaterThan(SettradeMqttPhases.FEED_WATCHDOG)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE);
	}

	@Test
	void everyLifecycleBeanOfTheFeedTakesItsPhaseFromThere() {
		this.runner.run((context) -> {
			Map<Class<?>, Integer> expected = Map.of(SettradeTokenRefresher.class, SettradeMqttPhases.TOKEN_REFRESHER,
					SettradeMqttConnection.class, SettradeMqttPhases.CONNECTION, MarketDataDelivery.class,
					SettradeMqttPhases.MARKET_DATA_DELIVERY, SettradeMqttMessageProducer.class,
					SettradeMqttPhases.MESSAGE_PRODUCER, FeedWatchdog.class, SettradeMqttPhases.FEED_WATCHDOG);
			expected.forEach((type, phase) -> assertThat(((SmartLifecycle) context.getBean(type)).getPhase())
				.as(type.getSimpleName())
				.isEqualTo(phase));
			List<String> startOrder = context.getBeansOfType(SmartLifecycle.class)
				.values()
				.stream()
				.filter((bean) -> expected.containsKey(bean.getClass()))
				.sorted(Comparator.comparingInt(SmartLifecycle::getPhase))
				.map((bean) -> bean.getClass().getSimpleName())
				.toList();
			assertThat(startOrder).hasSize(5).startsWith("SettradeTokenRefresher");
			assertThat(startOrder.subList(1, 3)).containsExactlyInAnyOrder("SettradeMqttConnection",
					"MarketDataDelivery");
			assertThat(startOrder.subList(3, 5)).containsExactlyInAnyOrder("SettradeMqttMessageProducer",
					"FeedWatchdog");
		});
	}

}
