package io.github.settrademqtt.actuate.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.SessionTradingCalendar;
import io.github.settrademqtt.feed.liveness.LivenessState;
import io.github.settrademqtt.feed.liveness.TopicLiveness;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator HealthIndicator} for
 * the Settrade feed. It only reads what the {@link SettradeMqttConnection}, the
 * {@link SubscriptionRegistry} and the {@link FeedLiveness} already know; it never
 * touches the network.
 * <h2>Status</h2>
 * <ul>
 * <li>{@link Status#UP UP}: connected (or rotating), no subscription refused, no topic
 * stalled and, while the market is open, every topic subscribed for longer than the
 * silence threshold heard from within it. A subscription still in flight
 * ({@code PENDING}) does not count against it. Silence while the market is closed is
 * never held against the feed ({@link TradingCalendar}).</li>
 * <li>{@link #DEGRADED}: connected, but the broker or the service refused a subscription
 * ({@code FAILED}), a topic is {@code STALLED} (received but not delivered: a listener is
 * stuck), or, while the market is open, a topic subscribed for longer than the silence
 * threshold heard nothing within it: silent after messages, or never received any.</li>
 * <li>{@link Status#UNKNOWN UNKNOWN}: not connected ({@code CONNECTING},
 * {@code RECONNECTING} or {@code STOPPED}) for no longer than the connect grace period:
 * starting, or recovering from a loss.</li>
 * <li>{@link Status#DOWN DOWN}: Settrade keeps rejecting the credentials
 * ({@code AUTH_FAILED}), at once, since only a person can fix that; not connected for
 * longer than the connect grace period; or connected but dead: the market has been open
 * for the whole grace period and nothing has been delivered for longer than it (since the
 * last delivery, or since the connection took over when nothing was delivered yet).</li>
 * </ul>
 * Why {@code UNKNOWN} during the grace period: Boot's default status order ranks
 * {@code UNKNOWN} below {@code UP}, so a reconnect of a few seconds leaves the
 * application's aggregate health {@code UP} (HTTP 200) while this component still shows
 * that it is not connected, and why. Beyond the grace period a feed that delivers nothing
 * is {@code DOWN}, whether the connection is gone or open but silent, so that it is never
 * {@code UP} in Boot's default aggregate.
 * <p>
 * Why {@code DEGRADED} rather than {@code OUT_OF_SERVICE} for the partial cases: one
 * silent topic means a quiet symbol (the lunch break, a suspended symbol) as often as a
 * broken feed, and {@code OUT_OF_SERVICE} would turn the whole application's health 503
 * for it. {@code DEGRADED} is not in Boot's default status order, so it is shown here but
 * changes neither the aggregate status nor the HTTP status until an operator opts in:
 * <pre class="code">
 * management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN
 * management.endpoint.health.status.http-mapping.degraded=503
 * </pre>
 * <p>
 * The grace period for a lost connection runs from the first health check that saw it not
 * connected (from this indicator's creation for the first connection): a lost connection
 * is reported {@code DOWN} at most one check interval later than the grace period alone
 * would say.
 * <h2>Details</h2> Never a token, ticket, secret or signature:
 * <ul>
 * <li>{@code state}: the {@link ConnectionState} name</li>
 * <li>{@code host}, {@code epoch}, {@code lastChange} ({@code INITIAL}, {@code ROTATION},
 * {@code RECOVERY}), {@code gapMillis}, {@code connectedAt} (ISO-8601) and
 * {@code tokenExpiresInSeconds}: the current connection, when there is one</li>
 * <li>{@code lastRotation}: {@code strategy} ({@code overlap} or {@code restart}),
 * {@code at}, {@code gapMillis} and {@code tookMillis}</li>
 * <li>{@code lastRotationFailure}: {@code at}, {@code reason} and {@code retryInMillis}
 * of a rotation that could not replace the connection (the connection kept delivering),
 * until a rotation succeeds</li>
 * <li>{@code lastFailure}: why the last attempt failed, when not connected</li>
 * <li>{@code subscriptions}: how many topics are {@code ACTIVE}, {@code PENDING} and
 * {@code FAILED}; {@code failedSubscriptions}: each refused topic with the broker's
 * reason</li>
 * <li>{@code lastMessageAgeMillis}: how long ago the newest message arrived, once one
 * did</li>
 * <li>{@code silentTopics} and {@code neverReceivedTopics}: the topics subscribed for
 * longer than the silence threshold that heard nothing within it</li>
 * <li>{@code stalledTopics}: the topics that received messages but delivered none for
 * longer than the silence threshold</li>
 * <li>{@code marketOpen}: whether the market is open now, by the trading calendar</li>
 * <li>{@code lastDeliveryAgeMillis}: how long ago the newest event was delivered, once
 * one was; {@code reason}: why a connected feed is {@code DOWN}</li>
 * </ul>
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttHealthIndicator extends AbstractHealthIndicator {

	/**
	 * Connected, but a subscription was refused or a topic is silent.
	 */
	public static final Status DEGRADED = new Status("DEGRADED");

	/**
	 * How long the connection may be down before it is reported {@code DOWN}, by default.
	 */
	public static final Duration DEFAULT_CONNECT_GRACE_PERIOD = Duration.ofSeconds(30);

	private final SettradeMqttConnection connection;

	private final SubscriptionRegistry registry;

	private final FeedLiveness liveness;

	private final Duration connectGracePeriod;

	private final TradingCalendar calendar;

	private final LongSupplier nanoClock;

	private final Clock clock;

	private final Object monitor = new Object();

	/**
	 * When a check first saw the connection not connected, on the monotonic clock; null
	 * while connected.
	 */
	private @Nullable Long notConnectedSince;

	/**
	 * Create an indicator.
	 * @param connection the connection
	 * @param registry the wanted topics and the broker's answers
	 * @param liveness when each topic last heard from the market
	 * @param connectGracePeriod how long the connection may be down before it is reported
	 * {@code DOWN}
	 */
	public SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry,
			FeedLiveness liveness, Duration connectGracePeriod) {
		this(connection, registry, liveness, connectGracePeriod, SessionTradingCalendar.setAndTfex());
	}

	/**
	 * Create an indicator.
	 * @param connection the connection
	 * @param registry the wanted topics and the broker's answers
	 * @param liveness when each topic last heard from the market
	 * @param connectGracePeriod how long the connection may be down, or the feed silent
	 * while the market is open, before it is reported {@code DOWN}
	 * @param calendar when the market is open
	 */
	public SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry,
			FeedLiveness liveness, Duration connectGracePeriod, TradingCalendar calendar) {
		this(connection, registry, liveness, connectGracePeriod, calendar, System::nanoTime, Clock.systemUTC());
	}

	SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry, FeedLiveness liveness,
			Duration connectGracePeriod, TradingCalendar calendar, LongSupplier nanoClock, Clock clock) {
		super("Settrade MQTT health check failed");
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(liveness, "'liveness' must not be null");
		Assert.notNull(connectGracePeriod, "'connectGracePeriod' must not be null");
		Assert.isTrue(!connectGracePeriod.isNegative(), "'connectGracePeriod' must not be negative");
		this.connection = connection;
		this.registry = registry;
		this.liveness = liveness;
		this.connectGracePeriod = connectGracePeriod;
		this.calendar = calendar;
		this.nanoClock = nanoClock;
		this.clock = clock;
		this.notConnectedSince = nanoClock.getAsLong();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long now = this.nanoClock.getAsLong();
		ConnectionState state = this.connection.getState();
		boolean connected = state == ConnectionState.CONNECTED || state == ConnectionState.ROTATING;
		Duration notConnectedFor = notConnectedFor(connected, now);
		Map<String, SubscriptionState> subscriptions = this.registry.states();
		Map<String, String> failedSubscriptions = failedSubscriptions(subscriptions);
		Duration threshold = this.liveness.getSilenceThreshold();
		List<TopicLiveness> topics = this.liveness.getTopics();
		Instant wallNow = this.clock.instant();
		boolean marketOpen = this.calendar.isOpen(wallNow);
		List<String> silentTopics = marketOpen ? quietTopics(topics, LivenessState.SILENT, threshold) : List.of();
		List<String> neverReceivedTopics = marketOpen ? quietTopics(topics, LivenessState.NEVER_RECEIVED, threshold)
				: List.of();
		List<String> stalledTopics = this.liveness.getStalledTopics();
		Duration undelivered = connected ? undeliveredFor(wallNow, subscriptions) : null;
		if (state == ConnectionState.AUTH_FAILED) {
			builder.down();
		}
		else if (!connected) {
			builder.status((notConnectedFor.compareTo(this.connectGracePeriod) > 0) ? Status.DOWN : Status.UNKNOWN);
		}
		else if (undelivered != null) {
			builder.down()
				.withDetail("reason",
						"nothing delivered for " + undelivered.toSeconds()
								+ " s while the market is open (settrade.mqtt.health.connect-grace-period "
								+ this.connectGracePeriod.toSeconds() + " s)");
		}
		else if (!failedSubscriptions.isEmpty() || !silentTopics.isEmpty() || !neverReceivedTopics.isEmpty()
				|| !stalledTopics.isEmpty()) {
			builder.status(DEGRADED);
		}
		else {
			builder.up();
		}
		builder.withDetail("state", state.name());
		builder.withDetail("marketOpen", marketOpen);
		addConnectionDetails(builder, now, connected);
		builder.withDetail("subscriptions", countByState(subscriptions));
		if (!failedSubscriptions.isEmpty()) {
			builder.withDetail("failedSubscriptions", failedSubscriptions);
		}
		topics.stream()
			.map(TopicLiveness::lastMessageAge)
			.filter((age) -> age != null)
			.min(Duration::compareTo)
			.ifPresent((age) -> builder.withDetail("lastMessageAgeMillis", age.toMillis()));
		this.liveness.getLastDeliveryAge()
			.ifPresent((age) -> builder.withDetail("lastDeliveryAgeMillis", age.toMillis()));
		builder.withDetail("silentTopics", silentTopics);
		builder.withDetail("neverReceivedTopics", neverReceivedTopics);
		builder.withDetail("stalledTopics", stalledTopics);
	}

	/**
	 * Return how long a connected feed has delivered nothing, when that is beyond the
	 * grace period while the market has been open throughout: measured from the last
	 * delivery, or from when the connection took over if nothing was delivered yet.
	 * @return the time, or {@code null} when the feed is not dead
	 */
	private @Nullable Duration undeliveredFor(Instant now, Map<String, SubscriptionState> subscriptions) {
		SessionFacts facts = this.connection.getSessionFacts();
		if (facts == null || subscriptions.isEmpty() || !this.calendar.isOpenThroughout(now, this.connectGracePeriod)) {
			return null;
		}
		Duration undelivered = this.liveness.getLastDeliveryAge()
			.orElseGet(() -> Duration.between(facts.connectedAt(), now));
		return (undelivered.compareTo(this.connectGracePeriod) > 0) ? undelivered : null;
	}

	private Duration notConnectedFor(boolean connected, long now) {
		synchronized (this.monitor) {
			if (connected) {
				this.notConnectedSince = null;
				return Duration.ZERO;
			}
			Long since = this.notConnectedSince;
			if (since == null) {
				this.notConnectedSince = now;
				return Duration.ZERO;
			}
			return Duration.ofNanos(now - since);
		}
	}

	private void addConnectionDetails(Health.Builder builder, long now, boolean connected) {
		String host = this.connection.getHost();
		if (host != null) {
			builder.withDetail("host", host);
		}
		SessionFacts facts = this.connection.getSessionFacts();
		if (facts != null) {
			builder.withDetail("epoch", facts.epoch());
			builder.withDetail("lastChange", facts.change().name());
			builder.withDetail("gapMillis", facts.gap().toMillis());
			builder.withDetail("connectedAt", facts.connectedAt().toString());
		}
		Long ticketExpiresAt = this.connection.getTicketExpiresAtNanos();
		if (ticketExpiresAt != null) {
			builder.withDetail("tokenExpiresInSeconds", TimeUnit.NANOSECONDS.toSeconds(ticketExpiresAt - now));
		}
		RotationOutcome rotation = this.connection.getLastRotation();
		if (rotation != null) {
			builder.withDetail("lastRotation", describe(rotation));
		}
		RotationFailure rotationFailure = this.connection.getLastRotationFailure();
		if (rotationFailure != null) {
			builder.withDetail("lastRotationFailure", describe(rotationFailure));
		}
		String failure = this.connection.getLastFailure();
		if (!connected && failure != null) {
			builder.withDetail("lastFailure", failure);
		}
	}

	private static Map<String, Object> describe(RotationOutcome rotation) {
		Map<String, Object> description = new LinkedHashMap<>();
		// as spelled in settrade.mqtt.rotation
		description.put("strategy", rotation.strategy().name().toLowerCase(Locale.ROOT));
		description.put("at", rotation.at().toString());
		description.put("gapMillis", rotation.gap().toMillis());
		description.put("tookMillis", rotation.took().toMillis());
		return description;
	}

	private static Map<String, Object> describe(RotationFailure failure) {
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("at", failure.at().toString());
		description.put("reason", failure.reason());
		description.put("retryInMillis", failure.retryIn().toMillis());
		return description;
	}

	private Map<String, String> failedSubscriptions(Map<String, SubscriptionState> subscriptions) {
		Map<String, String> failed = new LinkedHashMap<>();
		subscriptions.forEach((topic, state) -> {
			if (state == SubscriptionState.FAILED) {
				String reason = this.registry.failureReason(topic);
				failed.put(topic, (reason != null) ? reason : "refused");
			}
		});
		return failed;
	}

	private static Map<String, Integer> countByState(Map<String, SubscriptionState> subscriptions) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (SubscriptionState state : SubscriptionState.values()) {
			counts.put(state.name(), 0);
		}
		subscriptions.values().forEach((state) -> counts.merge(state.name(), 1, Integer::sum));
		return counts;
	}

	/**
	 * Return the topics in the given state that have been subscribed for longer than the
	 * silence threshold: one subscribed a moment ago has not had the chance to hear
	 * anything yet.
	 */
	private static List<String> quietTopics(List<TopicLiveness> topics, LivenessState state, Duration threshold) {
		List<String> quiet = new ArrayList<>();
		for (TopicLiveness topic : topics) {
			if (topic.state() == state && topic.subscribedFor().compareTo(threshold) > 0) {
				quiet.add(topic.topic());
			}
		}
		return List.copyOf(quiet);
	}

}
