package io.github.settrademqtt.actuate.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.event.AuthenticationFailedEvent;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.connection.event.ConnectionFailedEvent;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.connection.event.RotatedEvent;
import io.github.settrademqtt.connection.event.RotationFailedEvent;
import io.github.settrademqtt.connection.event.SubscriptionRefusedEvent;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.delivery.FeedObserver;
import io.github.settrademqtt.login.event.TokenRenewedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The feed's event meters: {@code settrade.mqtt.messages.received},
 * {@code settrade.mqtt.messages.decode.errors}, {@code settrade.mqtt.messages.conflated},
 * {@code settrade.mqtt.messages.dropped}, {@code settrade.mqtt.messages.discarded},
 * {@code settrade.mqtt.messages.unknown.values},
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
 * <p>
 * The connection's and the token's meters count the {@link SettradeMqttEvent}s the
 * application sees, so that both tell the same story; the per-message meters are told by
 * the delivery directly, being on every message's path. As a listener it comes first, so
 * that an application listener that throws cannot keep an event from being counted.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttMetrics implements MeterBinder, FeedObserver, ApplicationListener<SettradeMqttEvent>, Ordered {

	/**
	 * The outcomes of a connection attempt.
	 */
	private static final String[] OUTCOMES = { "success", "failure", "auth-failure" };

	private final MarketDataKinds kinds;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> received;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> decodeErrors;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> conflated;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> dropped;

	private volatile @Nullable Map<MarketDataKind<?, ?>, Counter> discarded;

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
		this.discarded = byKind(registry, "settrade.mqtt.messages.discarded",
				"Messages still waiting for delivery when it stopped, never delivered, by topic kind");
		for (String outcome : OUTCOMES) {
			this.connections.put(outcome,
					Counter.builder("settrade.mqtt.connections")
						.description("MQTT connection attempts, by outcome")
						.tag("outcome", outcome)
						.register(registry));
		}
		this.received = byKind(registry, "settrade.mqtt.messages.received",
				"Messages received from the connection, by topic kind");
		for (TokenRenewedEvent.Outcome outcome : TokenRenewedEvent.Outcome.values()) {
			this.tokenRefreshes.put(outcome.tag(),
					Counter.builder("settrade.mqtt.token.refreshes")
						.description("Access token renewals, by outcome")
						.tag("outcome", outcome.tag())
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
		for (FeedHealedEvent.Action action : FeedHealedEvent.Action.values()) {
			this.heals.put(action.tag(),
					Counter.builder("settrade.mqtt.heals")
						.description("Actions taken on a silent feed while the market was open, by action")
						.tag("action", action.tag())
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

	/**
	 * Return the order among the application's listeners: first.
	 * @return {@link Ordered#HIGHEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void onApplicationEvent(SettradeMqttEvent event) {
		if (event instanceof ConnectedEvent connected) {
			connected(connected);
		}
		else if (event instanceof ConnectionFailedEvent failed) {
			increment(this.connections.get((failed instanceof AuthenticationFailedEvent) ? "auth-failure" : "failure"));
		}
		else if (event instanceof RotatedEvent rotated) {
			Timer gap = this.rotationGap;
			if (gap != null) {
				gap.record(rotated.getOutcome().gap());
			}
		}
		else if (event instanceof RotationFailedEvent) {
			increment(this.rotationFailures);
		}
		else if (event instanceof SubscriptionRefusedEvent refused
				&& refused.getRefusal() == SubscriptionRefusedEvent.Refusal.SERVICE) {
			increment(this.subscriptionsRejected);
		}
		else if (event instanceof FeedHealedEvent healed) {
			increment(this.heals.get(healed.getAction().tag()));
		}
		else if (event instanceof TokenRenewedEvent renewed) {
			increment(this.tokenRefreshes.get(renewed.getOutcome().tag()));
		}
	}

	/**
	 * A connection attempt that succeeded is a {@code success}; a hand-over (an overlap
	 * rotation) opened its connection beside the old one and is no attempt. Every
	 * connection after the first is a reconnect, by why it took over.
	 */
	private void connected(ConnectedEvent event) {
		if (!event.isHandOver()) {
			increment(this.connections.get("success"));
		}
		SessionChange change = event.getFacts().change();
		if (change != SessionChange.INITIAL) {
			increment((change == SessionChange.ROTATION) ? this.rotationReconnects : this.lossReconnects);
		}
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
	public void discarded(MarketDataKind<?, ?> kind) {
		increment(this.discarded, kind);
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

}
