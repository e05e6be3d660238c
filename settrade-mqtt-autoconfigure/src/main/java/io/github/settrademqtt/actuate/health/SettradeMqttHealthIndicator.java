package io.github.settrademqtt.actuate.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.ConnectionStatus;
import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link org.springframework.boot.health.contributor.HealthIndicator HealthIndicator} for
 * the Settrade feed: maps what the {@link SettradeMqttConnection#getStatus() connection},
 * the {@link SubscriptionRegistry} and the {@link FeedLiveness} know to a status, without
 * I/O. {@code DOWN} when Settrade keeps rejecting the credentials, when not connected for
 * longer than the connect grace period (since the state last changed; {@code UNKNOWN}
 * until then, which Boot's default order ranks below {@code UP}), or when connected but
 * nothing was delivered for longer than it while the market was open throughout: a feed
 * that delivers nothing is never {@code UP}. {@link #DEGRADED} (shown, but outside Boot's
 * default status order) when a subscription was refused, a topic is stalled, or, while
 * the market is open, a topic is silent or unheard. {@code UP} otherwise. In cluster mode
 * a follower holds no upstream by design and is {@code UP}, or {@link #DEGRADED} when the
 * leader's connection was refused one of the follower's own topics; the {@code role}
 * detail says which part the replica plays. The statuses and every detail are described
 * in {@code docs/operations.md}; no detail is ever a token, ticket, secret or signature.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttHealthIndicator extends AbstractHealthIndicator {

	/**
	 * Connected, but a subscription was refused or a topic is silent or stalled.
	 */
	public static final Status DEGRADED = new Status("DEGRADED");

	private final SettradeMqttConnection connection;

	private final SubscriptionRegistry registry;

	private final FeedLiveness liveness;

	private final Duration connectGracePeriod;

	private final TradingCalendar calendar;

	private final Clock clock;

	private final Supplier<ClusterRole> role;

	/**
	 * Create an indicator for a replica that holds its own upstream
	 * ({@link ClusterRole#STANDALONE}).
	 * @param connection the connection
	 * @param registry the wanted topics and the broker's answers
	 * @param liveness when each topic last heard from the market
	 * @param connectGracePeriod how long the connection may be down, or the feed silent
	 * while the market is open, before it is reported {@code DOWN}
	 * @param calendar when the market is open
	 */
	public SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry,
			FeedLiveness liveness, Duration connectGracePeriod, TradingCalendar calendar) {
		this(connection, registry, liveness, connectGracePeriod, calendar, () -> ClusterRole.STANDALONE);
	}

	/**
	 * Create an indicator.
	 * @param connection the connection
	 * @param registry the wanted topics and the broker's answers
	 * @param liveness when each topic last heard from the market
	 * @param connectGracePeriod how long the connection may be down, or the feed silent
	 * while the market is open, before it is reported {@code DOWN}
	 * @param calendar when the market is open
	 * @param role the part the replica plays in holding the upstream, asked at each check
	 */
	public SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry,
			FeedLiveness liveness, Duration connectGracePeriod, TradingCalendar calendar, Supplier<ClusterRole> role) {
		this(connection, registry, liveness, connectGracePeriod, calendar, role, Clock.systemUTC());
	}

	SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry, FeedLiveness liveness,
			Duration connectGracePeriod, TradingCalendar calendar, Clock clock) {
		this(connection, registry, liveness, connectGracePeriod, calendar, () -> ClusterRole.STANDALONE, clock);
	}

	SettradeMqttHealthIndicator(SettradeMqttConnection connection, SubscriptionRegistry registry, FeedLiveness liveness,
			Duration connectGracePeriod, TradingCalendar calendar, Supplier<ClusterRole> role, Clock clock) {
		super("Settrade MQTT health check failed");
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(liveness, "'liveness' must not be null");
		Assert.isTrue(connectGracePeriod != null && !connectGracePeriod.isNegative(),
				"'connectGracePeriod' must not be null nor negative");
		this.connection = connection;
		this.registry = registry;
		this.liveness = liveness;
		this.connectGracePeriod = connectGracePeriod;
		Assert.notNull(role, "'role' must not be null");
		this.calendar = calendar;
		this.clock = clock;
		this.role = role;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ConnectionStatus status = this.connection.getStatus();
		ClusterRole role = this.role.get();
		builder.withDetail("role", role.toDisplayName());
		Map<String, SubscriptionState> subscriptions = this.registry.states();
		Map<String, String> failed = this.registry.failures();
		if (role == ClusterRole.FOLLOWER) {
			// the upstream is the leader's: a follower that holds none is as it should
			// be;
			// its registry holds the leader's answers for its own topics
			builder.status(failed.isEmpty() ? Status.UP : DEGRADED).withDetail("state", status.state().name());
			withSubscriptions(builder, subscriptions, failed);
			return;
		}
		Instant now = this.clock.instant();
		boolean marketOpen = this.calendar.isOpen(now);
		List<String> silent = marketOpen ? this.liveness.getSilentTopics() : List.of();
		List<String> unheard = marketOpen ? this.liveness.getUnheardTopics() : List.of();
		List<String> stalled = this.liveness.getStalledTopics();
		Duration undelivered = undeliveredFor(status, now, subscriptions);
		if (!status.state().isConnected()) {
			boolean beyondGrace = Duration.between(status.since(), now).compareTo(this.connectGracePeriod) > 0;
			builder
				.status((beyondGrace || status.state() == ConnectionState.AUTH_FAILED) ? Status.DOWN : Status.UNKNOWN);
		}
		else if (undelivered != null) {
			builder.down()
				.withDetail("reason",
						"nothing delivered for " + undelivered.toSeconds()
								+ " s while the market is open (management.health.settrade.connect-grace-period "
								+ this.connectGracePeriod.toSeconds() + " s)");
		}
		else {
			boolean degraded = !failed.isEmpty() || !silent.isEmpty() || !unheard.isEmpty() || !stalled.isEmpty();
			builder.status(degraded ? DEGRADED : Status.UP);
		}
		builder.withDetail("state", status.state().name()).withDetail("marketOpen", marketOpen);
		withDetail(builder, "host", status.host());
		SessionFacts session = status.session();
		if (session != null) {
			builder.withDetails(details("epoch", session.epoch(), "lastChange", session.change().name(), "gapMillis",
					session.gap().toMillis(), "connectedAt", session.connectedAt().toString()));
		}
		withDetail(builder, "tokenExpiresInSeconds",
				(status.tokenExpiresIn() != null) ? status.tokenExpiresIn().toSeconds() : null);
		RotationOutcome rotation = status.lastRotation();
		if (rotation != null) {
			// the strategy as spelled in settrade.mqtt.rotation
			builder.withDetail("lastRotation",
					details("strategy", rotation.strategy().name().toLowerCase(Locale.ROOT), "at",
							rotation.at().toString(), "gapMillis", rotation.gap().toMillis(), "tookMillis",
							rotation.took().toMillis()));
		}
		RotationFailure rotationFailure = status.lastRotationFailure();
		if (rotationFailure != null) {
			builder.withDetail("lastRotationFailure", details("at", rotationFailure.at().toString(), "reason",
					rotationFailure.reason(), "retryInMillis", rotationFailure.retryIn().toMillis()));
		}
		withDetail(builder, "lastFailure", status.state().isConnected() ? null : status.lastFailure());
		withSubscriptions(builder, subscriptions, failed);
		this.liveness.getLastMessageAge()
			.ifPresent((age) -> builder.withDetail("lastMessageAgeMillis", age.toMillis()));
		this.liveness.getLastDeliveryAge()
			.ifPresent((age) -> builder.withDetail("lastDeliveryAgeMillis", age.toMillis()));
		builder.withDetail("silentTopics", silent)
			.withDetail("neverReceivedTopics", unheard)
			.withDetail("stalledTopics", stalled);
	}

	private static void withSubscriptions(Health.Builder builder, Map<String, SubscriptionState> subscriptions,
			Map<String, String> failed) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (SubscriptionState state : SubscriptionState.values()) {
			counts.put(state.name(), (int) subscriptions.values().stream().filter(state::equals).count());
		}
		builder.withDetail("subscriptions", counts);
		if (!failed.isEmpty()) {
			builder.withDetail("failedSubscriptions", failed);
		}
	}

	/**
	 * Return how long a connected feed has delivered nothing, when that is beyond the
	 * grace period while the market has been open throughout: since the last delivery, or
	 * since the connection took over if nothing was delivered yet.
	 */
	private @Nullable Duration undeliveredFor(ConnectionStatus status, Instant now,
			Map<String, SubscriptionState> subscriptions) {
		if (status.session() == null || subscriptions.isEmpty()
				|| !this.calendar.isOpenThroughout(now, this.connectGracePeriod)) {
			return null;
		}
		Duration undelivered = this.liveness.getLastDeliveryAge()
			.orElseGet(() -> Duration.between(status.session().connectedAt(), now));
		return (undelivered.compareTo(this.connectGracePeriod) > 0) ? undelivered : null;
	}

	private static Map<String, Object> details(Object... keysAndValues) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			details.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return details;
	}

	private static void withDetail(Health.Builder builder, String key, @Nullable Object value) {
		if (value != null) {
			builder.withDetail(key, value);
		}
	}

}
