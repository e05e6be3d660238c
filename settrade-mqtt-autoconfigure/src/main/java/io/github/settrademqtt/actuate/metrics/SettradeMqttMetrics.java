package io.github.settrademqtt.actuate.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.delivery.FeedObserver;
import io.github.settrademqtt.login.TokenObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The feed's event meters: {@code settrade.mqtt.messages.received},
 * {@code settrade.mqtt.messages.decode.errors}, {@code settrade.mqtt.messages.conflated},
 * {@code settrade.mqtt.messages.dropped}, {@code settrade.mqtt.messages.unknown.values},
 * {@code settrade.mqtt.messages.symbol.mismatches} and
 * {@code settrade.mqtt.listener.errors} (tag {@code kind}),
 * {@code settrade.mqtt.connections} (tag {@code outcome}),
 * {@code settrade.mqtt.reconnects} (tag {@code cause}: {@code rotation} or {@code loss}),
 * {@code settrade.mqtt.token.refreshes} (tag {@code outcome}),
 * {@code settrade.mqtt.rotation.failures} (rotations that left the old connection
 * delivering), {@code settrade.mqtt.subscriptions.rejected} (subscriptions the service
 * reported as errors), {@code settrade.mqtt.heals} (tag {@code action}:
 * {@code resubscribe} or {@code replace}), and the timers
 * {@code settrade.mqtt.rotation.gap} and {@code settrade.mqtt.delivery.latency} (from
 * arrival to the listeners). Every tag value is registered at binding, so dashboards see
 * zeros rather than nothing. {@link SettradeMqttGauges} reads the state gauges.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttMetrics implements MeterBinder, ConnectionObserver, FeedObserver, TokenObserver {

	/**
	 * The outcomes of a connection attempt.
	 */
	private static final String[] OUTCOMES = { "success", "failure", "auth-failure" };

	private static final String[] TOKEN_OUTCOMES = { "refreshed", "logged-in", "failure" };

	private static final String[] HEAL_ACTIONS = { "resubscribe", "replace" };

	private final MarketDataKinds kinds;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> received;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> decodeErrors;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> conflated;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> dropped;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> listenerErrors;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> unknownValues;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> symbolMismatches;

	private final Map<String, Counter> connections = new ConcurrentHashMap<>();

	private final Map<String, Counter> tokenRefreshes = new ConcurrentHashMap<>();

	private volatile @Nullable Counter rotationReconnects;

	private volatile @Nullable Counter lossReconnects;

	private volatile @Nullable Timer rotationGap;

	private volatile @Nullable Counter rotationFailures;

	private volatile @Nullable Counter subscriptionsRejected;

	private final Map<String, Counter> heals = new ConcurrentHashMap<>();

	private volatile @Nullable Map<MarketDataKind<?, ?>, Timer> deliveryLatency;

	/**
	 * Create metrics for the standard kinds of message.
	 */
	public SettradeMqttMetrics() {
		this(MarketDataKinds.standard());
	}

	/**
	 * Create metrics for the given kinds of message, each a tag value of the per-kind
	 * meters.
	 * @param kinds the kinds
	 */
	public SettradeMqttMetrics(MarketDataKinds kinds) {
		this.kinds = kinds;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.decodeErrors = byKind(registry, "settrade.mqtt.messages.decode.errors",
				"Payloads that could not be decoded and were dropped, by topic kind");
		this.conflated = byKind(registry, "settrade.mqtt.messages.conflated",
				"Snapshots replaced by a newer one before a slow consumer took them, by topic kind");
		this.listenerErrors = byKind(registry, "settrade.mqtt.listener.errors",
				"Events a listener bean or channel subscriber threw on, by topic kind");
		this.unknownValues = byKind(registry, "settrade.mqtt.messages.unknown.values",
				"Enum numbers this version does not know, delivered as UNKNOWN, by topic kind");
		this.symbolMismatches = byKind(registry, "settrade.mqtt.messages.symbol.mismatches",
				"Payloads naming another symbol than their topic, delivered under the topic's, by topic kind");
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
				"Messages received from the connection, by topic kind");
		for (String outcome : TOKEN_OUTCOMES) {
			this.tokenRefreshes.put(outcome,
					Counter.builder("settrade.mqtt.token.refreshes")
						.description("Access token renewals, by outcome")
						.tag("outcome", outcome)
						.register(registry));
		}
		this.rotationReconnects = reconnects(registry, "rotation");
		this.lossReconnects = reconnects(registry, "loss");
		this.rotationFailures = Counter.builder("settrade.mqtt.rotation.failures")
			.description("Rotations that could not replace the connection, which kept delivering")
			.register(registry);
		this.subscriptionsRejected = Counter.builder("settrade.mqtt.subscriptions.rejected")
			.description("Subscriptions the service reported as errors, such as unknown symbols")
			.register(registry);
		for (String action : HEAL_ACTIONS) {
			this.heals.put(action,
					Counter.builder("settrade.mqtt.heals")
						.description("Actions taken on a silent feed while the market was open, by action")
						.tag("action", action)
						.register(registry));
		}
		this.rotationGap = Timer.builder("settrade.mqtt.rotation.gap")
			.description("How long no connection was delivering during a token rotation")
			.register(registry);
		Map<MarketDataKind<?, ?>, Timer> latency = new HashMap<>();
		for (MarketDataKind<?, ?> kind : this.kinds.all()) {
			latency.put(kind,
					Timer.builder("settrade.mqtt.delivery.latency")
						.description("Time from a message's arrival to its delivery to the listeners")
						.tag("kind", kind.tag())
						.publishPercentileHistogram(false)
						.register(registry));
		}
		this.deliveryLatency = Map.copyOf(latency);
	}

	private static Counter reconnects(MeterRegistry registry, String cause) {
		return Counter.builder("settrade.mqtt.reconnects")
			.description("New connections that took over from an earlier one, by cause")
			.tag("cause", cause)
			.register(registry);
	}

	private Map<MarketDataKind<?, ?>, Counter> byKind(MeterRegistry registry, String name, String description) {
		Map<MarketDataKind<?, ?>, Counter> counters = new HashMap<>();
		for (MarketDataKind<?, ?> kind : this.kinds.all()) {
			counters.put(kind,
					Counter.builder(name).description(description).tag("kind", kind.tag()).register(registry));
		}
		return Map.copyOf(counters);
	}

	private static void increment(@Nullable Map<MarketDataKind<?, ?>, Counter> counters, MarketDataKind<?, ?> kind) {
		Counter counter = (counters != null) ? counters.get(kind) : null;
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void tokenRenewed(String outcome) {
		Counter counter = this.tokenRefreshes.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void reconnected(SessionChange change) {
		Counter counter = (change == SessionChange.ROTATION) ? this.rotationReconnects : this.lossReconnects;
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void rotated(RotationOutcome outcome) {
		Timer gap = this.rotationGap;
		if (gap != null) {
			gap.record(outcome.gap());
		}
	}

	@Override
	public void rotationFailed(String reason) {
		increment(this.rotationFailures);
	}

	@Override
	public void subscriptionRejected(String topic) {
		increment(this.subscriptionsRejected);
	}

	@Override
	public void healed(String action) {
		increment(this.heals.get(action));
	}

	private static void increment(@Nullable Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void delivered(MarketDataKind<?, ?> kind, long latencyNanos) {
		Map<MarketDataKind<?, ?>, Timer> latency = this.deliveryLatency;
		Timer timer = (latency != null) ? latency.get(kind) : null;
		if (timer != null) {
			timer.record(latencyNanos, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void received(MarketDataKind<?, ?> kind) {
		increment(this.received, kind);
	}

	@Override
	public void decodeFailed(MarketDataKind<?, ?> kind) {
		increment(this.decodeErrors, kind);
	}

	@Override
	public void conflated(MarketDataKind<?, ?> kind) {
		increment(this.conflated, kind);
	}

	@Override
	public void dropped(MarketDataKind<?, ?> kind) {
		increment(this.dropped, kind);
	}

	@Override
	public void listenerFailed(MarketDataKind<?, ?> kind) {
		increment(this.listenerErrors, kind);
	}

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		increment(this.unknownValues, kind);
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		increment(this.symbolMismatches, kind);
	}

	@Override
	public void connectionAttempted(String outcome) {
		Counter counter = this.connections.get(outcome);
		if (counter != null) {
			counter.increment();
		}
	}

}
