package io.github.settrademqtt.test.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import reactor.netty.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MqttConnections}: what it counts as open and stalled.
 */
class MqttConnectionsTests {

	private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

	private final MqttConnections connections = new MqttConnections(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aConnectionWhoseSocketClosedIsNotOpenBeforeTheRelayReleasedIt() {
		EmbeddedChannel client = new EmbeddedChannel();
		this.connections.opened(connection(client), NOW.plus(Duration.ofHours(1)));
		assertThat(this.connections.openCount()).isOne();
		// What a stopping server's event loop does to every socket, before the relay
		// hears of it
		client.close();
		assertThat(this.connections.openCount()).isZero();
	}

	@Test
	void aStalledConnectionWhoseSocketClosedIsNeitherOpenNorStalled() {
		EmbeddedChannel client = new EmbeddedChannel();
		MqttClientConnection connection = connection(client);
		this.connections.opened(connection, NOW.plus(Duration.ofHours(1)));
		assertThat(this.connections.stallAll()).isOne();
		assertThat(this.connections.stalledCount()).isOne();
		assertThat(this.connections.openCount()).isOne();
		client.close();
		assertThat(this.connections.stalledCount()).isZero();
		assertThat(this.connections.openCount()).isZero();
	}

	@Test
	void aDroppedConnectionIsNotOpenAtOnce() {
		EmbeddedChannel client = new EmbeddedChannel();
		this.connections.opened(connection(client), NOW.plus(Duration.ofHours(1)));
		assertThat(this.connections.dropAll()).isOne();
		assertThat(this.connections.openCount()).isZero();
		assertThat(client.isOpen()).isFalse();
	}

	private static MqttClientConnection connection(EmbeddedChannel client) {
		return new MqttClientConnection(client, Connection.from(new EmbeddedChannel()));
	}

}
