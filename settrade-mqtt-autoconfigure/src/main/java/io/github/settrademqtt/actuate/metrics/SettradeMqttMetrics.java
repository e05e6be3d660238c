package io.github.settrademqtt.actuate.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.TopicKind;
import io.github.settrademqtt.feed.delivery.FeedObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The feed's meters: {@code settrade.mqtt.messages.received},
 * {@code settrade.mqtt.messages.decode.errors}, {@code settrade.mqtt.messages.conflated}
 * and {@code settrade.mqtt.messages.dropped} (tag {@code kind}), and
 * {@code settrade.mqtt.connections} (tag {@code outcome}). Every kind and outcome is
 * registered at binding, so dashboards see zeros rather than nothing.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttMetrics implements MeterBinder, ConnectionObserver, FeedObserver {

	/**
	 * The outcomes of a connection attempt.
	 */
	private static final String[] OUTCOMES = { "success", "failure", "auth-failure" };

	private volatile @Nullable Map<TopicKind, Counter> received;

	private volatile @Nullable Map<TopicKind, Counter> decodeErrors;

	private volatile @Nullable Map<TopicKind, Counter> conflated;

	private volatile @Nullable Map<TopicKind, Counter> dropped;

	private final Map<String, Counter> connections = new ConcurrentHashMap<>();

	@Override
	public void bindTo(MeterRegistry registry) {
		this.decodeErrors = byKind(registry, "settrade.mqtt.messages.decode.errors",
				"Payloads that could not be decoded and were dropped, by topic kind");
		this.conflated = byKind(registry, "settrade.mqtt.messages.conflated",
				"Snapshots replaced by a newer one before a slow consumer took them, by topic kind");
		this.dropped = byKind(registry, "settrade.mqtt.messages.dropped",
				"Order updates dropped because the bounded queue was full, by topic kind");
		for (String outcome : OUTCOMES) {
			this.connections.put(outcome,
					Counter.builder("settrade.mqtt.connections")
						.description("MQTT connection attempts, by outcome")
						.tag("outcome", outcome)
						.register(registry));
		}
		this.received = byKind(registry, "settrade.mqtt.messages.received",
				"Messages delivered to the application, by topic kind");
	}

	private static Map<TopicKind, Counter> byKind(MeterRegistry registry, String name, String description) {
		Map<TopicKind, Counter> counters = new EnumMap<>(TopicKind.class);
		for (TopicKind kind : TopicKind.values()) {
			counters.put(kind,
					Counter.builder(name).description(description).tag("kind", kind.tag()).register(registry));
		}
		return counters;
	}

	private static void increment(@Nullable Map<TopicKind, Counter> counters, TopicKind kind) {
		if (counters != null) {
			counters.get(kind).increment();
		}
	}

	@Override
	public void messageDelivered(TopicKind kind) {
		increment(this.received, kind);
	}

	@Override
	public void decodeFailed(TopicKind kind) {
		increment(this.decodeErrors, kind);
	}

	@Override
	public void conflated(TopicKind kind) {
		increment(this.conflated, kind);
	}

	@Override
	public void dropped(TopicKind kind) {
		increment(this.dropped, kind);
	}

	@Override
	public void connectionAttempted(String outcome) {
		Counter counter = this.connections.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
