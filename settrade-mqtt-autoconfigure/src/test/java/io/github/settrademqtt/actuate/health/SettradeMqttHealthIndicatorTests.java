package io.github.settrademqtt.actuate.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import io.github.settrademqtt.ManualClock;
import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.ConnectionStatus;
import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.RotationStrategy;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.liveness.TradingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.actuate.endpoint.SimpleHttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SettradeMqttHealthIndicator}.
 */
class SettradeMqttHealthIndicatorTests {

	private static final String PTT = "proto/topic/bidofferv3/PTT";

	private static final String AOT = "proto/topic/bidofferv3/AOT";

	private static final Duration GRACE = Duration.ofSeconds(30);

	private static final Duration THRESHOLD = Duration.ofSeconds(60);

	private static final Instant CONNECTED_AT = Instant.parse("2026-11-26T03:00:00Z");

	private final ManualClock now = new ManualClock(CONNECTED_AT.plusSeconds(10));

	private final AtomicBoolean marketOpen = new AtomicBoolean(true);

	private final AtomicReference<Instant> marketOpenedAt = new AtomicReference<>(Instant.EPOCH);

	private final TradingCalendar calendar = (instant) -> this.marketOpen.get()
			&& !instant.isBefore(this.marketOpenedAt.get());

	private final SettradeMqttConnection connection = mock(SettradeMqttConnection.class);

	private final SubscriptionRegistry registry = mock(SubscriptionRegistry.class);

	private final FeedLiveness liveness = mock(FeedLiveness.class);

	private final Map<String, SubscriptionState> subscriptions = new LinkedHashMap<>();

	private final Map<String, String> failures = new LinkedHashMap<>();

	private final List<String> silentTopics = new ArrayList<>();

	private final List<String> unheardTopics = new ArrayList<>();

	private ConnectionStatus status = new ConnectionStatus(ConnectionState.CONNECTING, this.now.instant(), null, null,
			null, null, null, null);

	private SettradeMqttHealthIndicator indicator;

	@BeforeEach
	void setUp() {
		given(this.registry.states()).willAnswer((invocation) -> Map.copyOf(this.subscriptions));
		given(this.registry.failures()).willAnswer((invocation) -> Map.copyOf(this.failures));
		given(this.liveness.getSilentTopics()).willAnswer((invocation) -> List.copyOf(this.silentTopics));
		given(this.liveness.getUnheardTopics()).willAnswer((invocation) -> List.copyOf(this.unheardTopics));
		given(this.connection.getStatus()).willAnswer((invocation) -> this.status);
		this.indicator = indicator(GRACE);
	}

	private SettradeMqttHealthIndicator indicator(Duration grace) {
		return new SettradeMqttHealthIndicator(this.connection, this.registry, this.liveness, grace, this.calendar,
				this.now);
	}

	private void connected(ConnectionState state) {
		this.status = new ConnectionStatus(state, this.now.instant(), "dispatcher.example",
				new SessionFacts(3, SessionChange.RECOVERY, Duration.ofMillis(1250), CONNECTED_AT),
				Duration.ofMinutes(55), this.status.lastRotation(), this.status.lastRotationFailure(), null);
	}

	private void disconnected(ConnectionState state, String failure) {
		this.status = new ConnectionStatus(state, this.now.instant(), null, null, null, this.status.lastRotation(),
				this.status.lastRotationFailure(), failure);
	}

	private void rotated(RotationOutcome rotation, RotationFailure failure) {
		this.status = new ConnectionStatus(this.status.state(), this.status.since(), this.status.host(),
				this.status.session(), this.status.tokenExpiresIn(), rotation, failure, this.status.lastFailure());
	}

	private void live(String topic) {
		this.subscriptions.put(topic, SubscriptionState.ACTIVE);
		given(this.liveness.getLastMessageAge()).willReturn(Optional.of(Duration.ofMillis(40)));
		given(this.liveness.getLastDeliveryAge()).willReturn(Optional.of(Duration.ofMillis(60)));
	}

	private void advance(Duration duration) {
		this.now.advance(duration);
	}

	private Health health() {
		return this.indicator.health(true);
	}

	@Nested
	class Up {

		@Test
		void whenConnectedWithEveryTopicActiveAndLive() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			live(AOT);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("state", "CONNECTED")
				.containsEntry("subscriptions", Map.of("ACTIVE", 2, "PENDING", 0, "FAILED", 0))
				.containsEntry("silentTopics", List.of())
				.containsEntry("neverReceivedTopics", List.of())
				.doesNotContainKeys("failedSubscriptions", "lastFailure", "lastRotation");
		}

		@Test
		void whileRotating() {
			connected(ConnectionState.ROTATING);
			live(PTT);
			assertThat(health().getStatus()).isEqualTo(Status.UP);
			assertThat(health().getDetails()).containsEntry("state", "ROTATING");
		}

		@Test
		void withASubscriptionStillInFlight() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.PENDING);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("subscriptions",
					Map.of("ACTIVE", 1, "PENDING", 1, "FAILED", 0));
		}

		@Test
		void withNothingSubscribed() {
			connected(ConnectionState.CONNECTED);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).doesNotContainKey("lastMessageAgeMillis");
		}

	}

	@Nested
	class Degraded {

		@Test
		void whenTheBrokerRefusedASubscription() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.FAILED);
			SettradeMqttHealthIndicatorTests.this.failures.put(AOT, "SUBACK 0x80");
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails())
				.containsEntry("subscriptions", Map.of("ACTIVE", 1, "PENDING", 0, "FAILED", 1))
				.containsEntry("failedSubscriptions", Map.of(AOT, "SUBACK 0x80"));
		}

		@Test
		void whenATopicWentSilent() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.ACTIVE);
			SettradeMqttHealthIndicatorTests.this.silentTopics.add(AOT);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("silentTopics", List.of(AOT))
				.containsEntry("neverReceivedTopics", List.of())
				.containsEntry("lastMessageAgeMillis", 40L);
		}

		@Test
		void whenATopicSubscribedLongerThanTheThresholdNeverHeardAnything() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.ACTIVE);
			SettradeMqttHealthIndicatorTests.this.unheardTopics.add(AOT);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("neverReceivedTopics", List.of(AOT))
				.containsEntry("silentTopics", List.of());
		}

		@Test
		void isShownButLeavesTheAggregateAndHttpStatusAloneUnlessConfigured() {
			Set<Status> statuses = Set.of(Status.UP, SettradeMqttHealthIndicator.DEGRADED);
			assertThat(new SimpleStatusAggregator().getAggregateStatus(statuses)).isEqualTo(Status.UP);
			assertThat(new SimpleHttpCodeStatusMapper().getStatusCode(SettradeMqttHealthIndicator.DEGRADED))
				.isEqualTo(200);
			// management.endpoint.health.status.order and .http-mapping.degraded
			assertThat(new SimpleStatusAggregator("DOWN", "OUT_OF_SERVICE", "DEGRADED", "UP", "UNKNOWN")
				.getAggregateStatus(statuses)).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(new SimpleHttpCodeStatusMapper(Map.of("degraded", 503))
				.getStatusCode(SettradeMqttHealthIndicator.DEGRADED)).isEqualTo(503);
		}

	}

	/**
	 * A connection that is open but delivers nothing while the market is open is dead:
	 * the old indicator called it {@code DEGRADED} at worst, which Boot's default
	 * aggregate shows as {@code UP}.
	 */
	@Nested
	class DeadFeed {

		@Test
		void isDownWhenNothingWasDeliveredForLongerThanTheGraceWhileTheMarketIsOpen() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			given(SettradeMqttHealthIndicatorTests.this.liveness.getLastDeliveryAge())
				.willReturn(Optional.of(GRACE.plusSeconds(1)));
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason",
					"nothing delivered for 31 s while the market is open (management.health.settrade.connect-grace-period 30 s)");
			assertThat(new SimpleStatusAggregator().getAggregateStatus(Set.of(Status.UP, health.getStatus())))
				.isEqualTo(Status.DOWN);
		}

		@Test
		void isDownWhenNothingWasEverDeliveredForLongerThanTheGraceAfterConnecting() {
			connected(ConnectionState.CONNECTED);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(PTT, SubscriptionState.ACTIVE);
			assertThat(health().getStatus()).isEqualTo(Status.UP);
			advance(GRACE);
			assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		}

		@Test
		void isUpWhileTheMarketIsClosedAndSilenceIsNotHeldAgainstIt() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.ACTIVE);
			SettradeMqttHealthIndicatorTests.this.silentTopics.add(AOT);
			given(SettradeMqttHealthIndicatorTests.this.liveness.getLastDeliveryAge())
				.willReturn(Optional.of(Duration.ofHours(2)));
			SettradeMqttHealthIndicatorTests.this.marketOpen.set(false);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("marketOpen", false).containsEntry("silentTopics", List.of());
		}

		@Test
		void silenceThatBeganBeforeTheMarketOpenedIsNotHeldAgainstItWithinTheGrace() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			given(SettradeMqttHealthIndicatorTests.this.liveness.getLastDeliveryAge())
				.willReturn(Optional.of(Duration.ofHours(2)));
			SettradeMqttHealthIndicatorTests.this.marketOpenedAt
				.set(SettradeMqttHealthIndicatorTests.this.now.instant().minusSeconds(5));
			assertThat(health().getStatus()).isEqualTo(Status.UP);
			advance(GRACE);
			assertThat(health().getStatus()).isEqualTo(Status.DOWN);
		}

		@Test
		void aStalledTopicIsDegradedWhateverTheMarket() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			given(SettradeMqttHealthIndicatorTests.this.liveness.getStalledTopics()).willReturn(List.of(PTT));
			SettradeMqttHealthIndicatorTests.this.marketOpen.set(false);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("stalledTopics", List.of(PTT));
		}

	}

	@Nested
	class NotConnected {

		@Test
		void unknownWhileTheFirstConnectionIsWithinTheGracePeriod() {
			disconnected(ConnectionState.CONNECTING, null);
			advance(GRACE);
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(health.getDetails()).containsEntry("state", "CONNECTING")
				.doesNotContainKeys("host", "epoch", "lastChange", "gapMillis", "connectedAt", "tokenExpiresInSeconds",
						"lastFailure");
		}

		@Test
		void downWhenTheFirstConnectionTakesLongerThanTheGracePeriod() {
			disconnected(ConnectionState.CONNECTING, "could not connect to [dispatcher.example]");
			advance(GRACE.plusMillis(1));
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("lastFailure", "could not connect to [dispatcher.example]");
		}

		@Test
		void aLossIsUnknownWithinTheGracePeriodThenDownThenUpOnceRecovered() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			assertThat(health().getStatus()).isEqualTo(Status.UP);
			advance(Duration.ofMinutes(5));
			disconnected(ConnectionState.RECONNECTING, "could not connect to [dispatcher.example]");
			assertThat(health().getStatus()).as("first seen lost").isEqualTo(Status.UNKNOWN);
			advance(GRACE);
			assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
			advance(Duration.ofMillis(1));
			Health down = health();
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("state", "RECONNECTING")
				.containsEntry("lastFailure", "could not connect to [dispatcher.example]");
			connected(ConnectionState.CONNECTED);
			assertThat(health().getStatus()).isEqualTo(Status.UP);
			disconnected(ConnectionState.RECONNECTING, null);
			advance(Duration.ofSeconds(1));
			assertThat(health().getStatus()).as("grace period starts again").isEqualTo(Status.UNKNOWN);
		}

		@Test
		void stoppedLongerThanTheGracePeriodIsDown() {
			disconnected(ConnectionState.STOPPED, null);
			assertThat(health().getStatus()).isEqualTo(Status.UNKNOWN);
			advance(GRACE.plusSeconds(1));
			assertThat(health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health().getDetails()).containsEntry("state", "STOPPED");
		}

		@Test
		void rejectedCredentialsAreDownAtOnceWithTheLastFailure() {
			disconnected(ConnectionState.AUTH_FAILED, "Signature rejected (401)");
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "AUTH_FAILED")
				.containsEntry("lastFailure", "Signature rejected (401)");
		}

		@Test
		void noGracePeriodMeansDownAtOnce() {
			SettradeMqttHealthIndicator indicator = indicator(Duration.ZERO);
			disconnected(ConnectionState.RECONNECTING, null);
			advance(Duration.ofNanos(1));
			assertThat(indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
		}

		@Test
		void aNegativeGracePeriodIsRejected() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new SettradeMqttHealthIndicator(SettradeMqttHealthIndicatorTests.this.connection,
						SettradeMqttHealthIndicatorTests.this.registry, SettradeMqttHealthIndicatorTests.this.liveness,
						Duration.ofSeconds(-1), SettradeMqttHealthIndicatorTests.this.calendar))
				.withMessageContaining("connectGracePeriod");
		}

		@Test
		void anUnexpectedFailureIsDown() {
			given(SettradeMqttHealthIndicatorTests.this.connection.getStatus())
				.willThrow(new IllegalStateException("boom"));
			Health health = health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "java.lang.IllegalStateException: boom");
		}

	}

	@Nested
	class Cluster {

		private final AtomicReference<ClusterRole> role = new AtomicReference<>(ClusterRole.LEADER);

		private final SettradeMqttHealthIndicator indicator = new SettradeMqttHealthIndicator(
				SettradeMqttHealthIndicatorTests.this.connection, SettradeMqttHealthIndicatorTests.this.registry,
				SettradeMqttHealthIndicatorTests.this.liveness, GRACE, SettradeMqttHealthIndicatorTests.this.calendar,
				this.role::get, SettradeMqttHealthIndicatorTests.this.now);

		@Test
		void aLeaderIsJudgedByItsUpstreamLikeAReplicaOfItsOwn() {
			disconnected(ConnectionState.STOPPED, null);
			advance(GRACE.plusSeconds(1));
			Health health = this.indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("role", "leader").containsEntry("state", "STOPPED");
			connected(ConnectionState.CONNECTED);
			live(PTT);
			assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
		}

		@Test
		void aFollowerHoldsNoUpstreamByDesignAndIsUp() {
			this.role.set(ClusterRole.FOLLOWER);
			disconnected(ConnectionState.STOPPED, null);
			advance(GRACE.plusSeconds(1));
			Health health = this.indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("role", "state", "subscriptions")
				.containsEntry("role", "follower")
				.containsEntry("state", "STOPPED");
		}

		@Test
		void aFollowerWhoseOwnTopicTheLeadersConnectionWasRefusedIsDegradedAndSaysWhich() {
			this.role.set(ClusterRole.FOLLOWER);
			disconnected(ConnectionState.STOPPED, null);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(PTT, SubscriptionState.ACTIVE);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.FAILED);
			SettradeMqttHealthIndicatorTests.this.failures.put(AOT, "Not authorized");
			Health health = this.indicator.health(true);
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("failedSubscriptions", Map.of(AOT, "Not authorized"))
				.containsEntry("subscriptions", Map.of("PENDING", 0, "ACTIVE", 1, "FAILED", 1));
		}

		@Test
		void theRoleIsAskedAtEachCheck() {
			disconnected(ConnectionState.STOPPED, null);
			advance(GRACE.plusSeconds(1));
			assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.DOWN);
			this.role.set(ClusterRole.FOLLOWER);
			assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
		}

	}

	@Nested
	class Details {

		private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");

		@Test
		void areExactlyTheseKeysWithPlainValuesAndNothingSecret() {
			connected(ConnectionState.CONNECTED);
			live(PTT);
			SettradeMqttHealthIndicatorTests.this.subscriptions.put(AOT, SubscriptionState.FAILED);
			SettradeMqttHealthIndicatorTests.this.failures.put(AOT, "SUBACK 0x80");
			rotated(new RotationOutcome(RotationStrategy.RESTART, CONNECTED_AT, Duration.ofMillis(850),
					Duration.ofMillis(900)),
					new RotationFailure(CONNECTED_AT, "the new connection could not connect to [dispatcher.example]",
							Duration.ofSeconds(2)));
			Map<String, Object> details = health().getDetails();
			assertThat(details).containsOnlyKeys("role", "state", "host", "epoch", "lastChange", "gapMillis",
					"connectedAt", "tokenExpiresInSeconds", "lastRotation", "lastRotationFailure", "subscriptions",
					"failedSubscriptions", "lastMessageAgeMillis", "lastDeliveryAgeMillis", "silentTopics",
					"neverReceivedTopics", "stalledTopics", "marketOpen");
			assertThat(details).containsEntry("role", "standalone")
				.containsEntry("state", "CONNECTED")
				.containsEntry("host", "dispatcher.example")
				.containsEntry("epoch", 3L)
				.containsEntry("lastChange", "RECOVERY")
				.containsEntry("gapMillis", 1250L)
				.containsEntry("connectedAt", "2026-11-26T03:00:00Z")
				.containsEntry("tokenExpiresInSeconds", 3300L)
				.containsEntry("lastRotation",
						Map.of("strategy", "restart", "at", "2026-11-26T03:00:00Z", "gapMillis", 850L, "tookMillis",
								900L))
				.containsEntry("lastRotationFailure",
						Map.of("at", "2026-11-26T03:00:00Z", "reason",
								"the new connection could not connect to [dispatcher.example]", "retryInMillis", 2000L))
				.containsEntry("subscriptions", Map.of("ACTIVE", 1, "PENDING", 0, "FAILED", 1))
				.containsEntry("failedSubscriptions", Map.of(AOT, "SUBACK 0x80"))
				.containsEntry("lastMessageAgeMillis", 40L)
				.containsEntry("lastDeliveryAgeMillis", 60L)
				.containsEntry("silentTopics", List.of())
				.containsEntry("neverReceivedTopics", List.of())
				.containsEntry("stalledTopics", List.of())
				.containsEntry("marketOpen", true);
			assertThat(strings(details)).noneMatch((value) -> JWT.matcher(value).find())
				.noneMatch((value) -> value.toLowerCase().contains("bearer"));
		}

		@Test
		void aGapFreeRotationWithoutFailureShowsNoRotationFailure() {
			connected(ConnectionState.CONNECTED);
			rotated(new RotationOutcome(RotationStrategy.OVERLAP, CONNECTED_AT, Duration.ZERO, Duration.ofMillis(420)),
					null);
			assertThat(health().getDetails())
				.containsEntry("lastRotation",
						Map.of("strategy", "overlap", "at", "2026-11-26T03:00:00Z", "gapMillis", 0L, "tookMillis",
								420L))
				.doesNotContainKey("lastRotationFailure");
		}

		@Test
		void lastFailureIsShownOnlyWhenNotConnected() {
			SettradeMqttHealthIndicatorTests.this.status = new ConnectionStatus(ConnectionState.CONNECTED, CONNECTED_AT,
					null, null, null, null, null, "stale");
			assertThat(health().getDetails()).doesNotContainKey("lastFailure");
		}

		private static List<String> strings(Object value) {
			List<String> strings = new ArrayList<>();
			if (value instanceof Map<?, ?> map) {
				map.forEach((key, nested) -> {
					strings.add(key.toString());
					strings.addAll(strings(nested));
				});
			}
			else if (value instanceof List<?> list) {
				list.forEach((nested) -> strings.addAll(strings(nested)));
			}
			else if (value instanceof String string) {
				strings.add(string);
			}
			else {
				assertThat(value).isInstanceOfAny(Long.class, Integer.class, Boolean.class);
			}
			return strings;
		}

	}

}
