package io.github.settrademqtt.actuate.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.TopicKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The feed's meters: {@code settrade.mqtt.messages.received} (tag {@code kind}) and
 * {@code settrade.mqtt.connections} (tag {@code outcome}). Every kind and outcome is
 * registered at binding, so dashboards see zeros rather than nothing.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttMetrics implements MeterBinder, ConnectionObserver {

	/**
	 * The outcomes of a connection attempt.
	 */
	private static final String[] OUTCOMES = { "success", "failure", "auth-failure" };

	private volatile @Nullable Map<TopicKind, Counter> received;

	private final Map<String, Counter> connections = new ConcurrentHashMap<>();

	@Override
	public void bindTo(MeterRegistry registry) {
		Map<TopicKind, Counter> received = new EnumMap<>(TopicKind.class);
		for (TopicKind kind : TopicKind.values()) {
			received.put(kind,
					Counter.builder("settrade.mqtt.messages.received")
						.description("Messages delivered to the application, by topic kind")
						.tag("kind", kind.tag())
						.register(registry));
		}
		for (String outcome : OUTCOMES) {
			this.connections.put(outcome,
					Counter.builder("settrade.mqtt.connections")
						.description("MQTT connection attempts, by outcome")
						.tag("outcome", outcome)
						.register(registry));
		}
		this.received = received;
	}

	@Override
	public void messageDelivered(TopicKind kind) {
		Map<TopicKind, Counter> received = this.received;
		if (received != null) {
			received.get(kind).increment();
		}
	}

	@Override
	public void connectionAttempted(String outcome) {
		Counter counter = this.connections.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
