package io.github.settrademqtt.actuate.metrics;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

	private final MarketDataKinds kinds;

	private volatile Map<MarketDataKind<?, ?>, Counter> received = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> decodeErrors = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> conflated = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> dropped = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> discarded = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> listenerErrors = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> unknownValues = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Counter> symbolMismatches = Map.of();

	private volatile Map<MarketDataKind<?, ?>, Timer> deliveryLatency = Map.of();

	private volatile Map<String, Counter> connections = Map.of();

	private volatile Map<String, Counter> tokenRefreshes = Map.of();

	private volatile Map<String, Counter> reconnects = Map.of();

	private volatile Map<String, Counter> heals = Map.of();

	private volatile @Nullable Counter rotationFailures;

	private volatile @Nullable Counter subscriptionsRejected;

	private volatile @Nullable Timer rotationGap;

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
		this.received = byKind(registry, "settrade.mqtt.messages.received",
				"Messages received from the connection, by topic kind");
		this.decodeErrors = byKind(registry, "settrade.mqtt.messages.decode.errors",
				"Payloads that could not be decoded and were dropped, by topic kind");
		this.conflated = byKind(registry, "settrade.mqtt.messages.conflated",
				"Snapshots replaced by a newer one before a slow consumer took them, by topic kind");
		this.dropped = byKind(registry, "settrade.mqtt.messages.dropped",
				"Order updates dropped because the bounded queue was full, by topic kind");
		this.discarded = byKind(registry, "settrade.mqtt.messages.discarded",
				"Messages still waiting for delivery when it stopped, never delivered, by topic kind");
		this.listenerErrors = byKind(registry, "settrade.mqtt.listener.errors",
				"Events a listener bean or channel subscriber threw on, by topic kind");
		this.unknownValues = byKind(registry, "settrade.mqtt.messages.unknown.values",
				"Enum numbers this version does not know, delivered as UNKNOWN, by topic kind");
		this.symbolMismatches = byKind(registry, "settrade.mqtt.messages.symbol.mismatches",
				"Payloads naming another symbol than their topic, delivered under the topic's, by topic kind");
		this.deliveryLatency = byKind((kind) -> Timer.builder("settrade.mqtt.delivery.latency")
			.description("Time from a message's arrival to its delivery to the listeners")
			.tag("kind", kind.tag())
			.publishPercentileHistogram(false)
			.register(registry));
		this.connections = byTag(registry, "settrade.mqtt.connections", "MQTT connection attempts, by outcome",
				"outcome", Stream.of("success", "failure", "auth-failure"));
		this.tokenRefreshes = byTag(registry, "settrade.mqtt.token.refreshes", "Access token renewals, by outcome",
				"outcome", Stream.of(TokenRenewedEvent.Outcome.values()).map(TokenRenewedEvent.Outcome::tag));
		this.reconnects = byTag(registry, "settrade.mqtt.reconnects",
				"New connections that took over from an earlier one, by cause", "cause", Stream.of("rotation", "loss"));
		this.heals = byTag(registry, "settrade.mqtt.heals",
				"Actions taken on a silent feed while the market was open, by action", "action",
				Stream.of(FeedHealedEvent.Action.values()).map(FeedHealedEvent.Action::tag));
		this.rotationFailures = Counter.builder("settrade.mqtt.rotation.failures")
			.description("Rotations that could not replace the connection, which kept delivering")
			.register(registry);
		this.subscriptionsRejected = Counter.builder("settrade.mqtt.subscriptions.rejected")
			.description("Subscriptions the service reported as errors, such as unknown symbols")
			.register(registry);
		this.rotationGap = Timer.builder("settrade.mqtt.rotation.gap")
			.description("How long no connection was delivering during a token rotation")
			.register(registry);
	}

	private Map<MarketDataKind<?, ?>, Counter> byKind(MeterRegistry registry, String name, String description) {
		return byKind(
				(kind) -> Counter.builder(name).description(description).tag("kind", kind.tag()).register(registry));
	}

	private <M> Map<MarketDataKind<?, ?>, M> byKind(Function<MarketDataKind<?, ?>, M> meter) {
		return this.kinds.all().stream().collect(Collectors.toUnmodifiableMap(Function.identity(), meter));
	}

	private static Map<String, Counter> byTag(MeterRegistry registry, String name, String description, String tag,
			Stream<String> values) {
		return values.collect(Collectors.toUnmodifiableMap(Function.identity(),
				(value) -> Counter.builder(name).description(description).tag(tag, value).register(registry)));
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
			increment(this.reconnects.get((change == SessionChange.ROTATION) ? "rotation" : "loss"));
		}
	}

	private static void increment(@Nullable Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

	@Override
	public void delivered(MarketDataKind<?, ?> kind, long latencyNanos) {
		Timer timer = this.deliveryLatency.get(kind);
		if (timer != null) {
			timer.record(latencyNanos, TimeUnit.NANOSECONDS);
		}
	}

	@Override
	public void received(MarketDataKind<?, ?> kind) {
		increment(this.received.get(kind));
	}

	@Override
	public void decodeFailed(MarketDataKind<?, ?> kind) {
		increment(this.decodeErrors.get(kind));
	}

	@Override
	public void conflated(MarketDataKind<?, ?> kind) {
		increment(this.conflated.get(kind));
	}

	@Override
	public void dropped(MarketDataKind<?, ?> kind) {
		increment(this.dropped.get(kind));
	}

	@Override
	public void discarded(MarketDataKind<?, ?> kind) {
		increment(this.discarded.get(kind));
	}

	@Override
	public void listenerFailed(MarketDataKind<?, ?> kind) {
		increment(this.listenerErrors.get(kind));
	}

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		increment(this.unknownValues.get(kind));
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		increment(this.symbolMismatches.get(kind));
	}

}
