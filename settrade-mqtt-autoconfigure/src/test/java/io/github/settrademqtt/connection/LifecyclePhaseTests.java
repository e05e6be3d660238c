package io.github.settrademqtt.connection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's lifecycle beans start in the order refresher, connection, producer, and stop
 * in the reverse order.
 */
class LifecyclePhaseTests {

	@Test
	void refresherBeforeConnectionBeforeProducer() {
		assertThat(SettradeTokenRefresher.PHASE).isLessThan(SettradeMqttConnection.PHASE);
		assertThat(SettradeMqttConnection.PHASE).isLessThan(SettradeMqttMessageProducer.PHASE);
		assertThat(new SettradeMqttMessageProducer().getPhase()).isEqualTo(SettradeMqttMessageProducer.PHASE);
	}

}
