package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.settrademqtt.SimulatorContexts;
import io.github.settrademqtt.actuate.health.SettradeMqttHealthIndicator;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.autoconfigure.health.SettradeMqttHealthContributorAutoConfiguration;
import io.github.settrademqtt.cluster.event.LeadershipGrantedEvent;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.event.OnGrantedEvent;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster mode end to end: replicas of one application, each an application context,
 * elect a leader over the JDBC lock registry on one in-memory H2 database, against one
 * embedded simulator, whose own counts say how many logged in and connected.
 */
class ClusterLeaderIntegrationTests {

	private static final Log logger = LogFactory.getLog(ClusterLeaderIntegrationTests.class);

	private static final AtomicInteger databases = new AtomicInteger();

	/**
	 * The heartbeat of the tests' elections: a lock poll of the JDBC registry is 100 ms.
	 */
	private static final Duration HEARTBEAT = Duration.ofMillis(200);

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@RegisterExtension
	static final ClusterInfrastructure infrastructure = new ClusterInfrastructure();

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	/**
	 * Replicas on a database of their own, that no other test shares.
	 */
	private ApplicationContextRunner replicas(String... properties) {
		String database = "cluster-" + databases.incrementAndGet();
		return ClusterContexts.replicas(simulator(), settrade.app(), database, HEARTBEAT)
			.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=PTT")
			.withPropertyValues(properties);
	}

	@Test
	void exactlyOneOfThreeReplicasLogsInAndConnects() throws Throwable {
		Replicas.run(replicas(), 3, (replicas) -> {
			AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			// the simulator's own counts, over a second of heartbeats and lock polls
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> {
				return simulator().stats().successfulLogins() == 1 && simulator().stats().ticketsIssued() == 1
						&& simulator().mqtt().acceptedConnections() == 1 && simulator().mqtt().openConnections() == 1
						&& replicas.leaders().size() == 1;
			});
			for (AssertableApplicationContext replica : replicas.all()) {
				boolean leads = replica == leader;
				assertThat(replica.getBean(UpstreamCandidate.class).getClusterRole())
					.isEqualTo(leads ? ClusterRole.LEADER : ClusterRole.FOLLOWER);
				assertThat(replica.getBean(SettradeMqttConnection.class).getState())
					.isEqualTo(leads ? ConnectionState.CONNECTED : ConnectionState.STOPPED);
				assertThat(replica.getBean(SettradeTokenRefresher.class).isRunning()).isEqualTo(leads);
				assertThat(replica.getBean(FeedWatchdog.class).isRunning()).isEqualTo(leads);
				assertThat(Replicas.events(replica).of(LeadershipGrantedEvent.class)).hasSize(leads ? 1 : 0);
				assertThat(Replicas.events(replica).of(ConnectedEvent.class)).hasSize(leads ? 1 : 0);
			}
		});
	}

	@Test
	void healthShowsTheRoleAndAFollowerIsUp() throws Throwable {
		simulator().market().start(List.of("PTT"), 50);
		Duration grace = Duration.ofSeconds(1);
		Replicas.run(replicas("management.health.settrade.connect-grace-period=" + grace.toMillis() + "ms"), 2,
				(replicas) -> {
					AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(10))
						.until(replicas::connectedLeader, (found) -> found.isPresent())
						.get();
					AssertableApplicationContext follower = (replicas.get(0) == leader) ? replicas.get(1)
							: replicas.get(0);
					await().atMost(Duration.ofSeconds(10))
						.until(() -> health(leader).getStatus(), (status) -> status.equals(Status.UP));
					assertThat(health(leader).getDetails()).containsEntry("role", "leader")
						.containsEntry("state", "CONNECTED");
					// a replica of its own would be DOWN, stopped for longer than the
					// grace
					// period
					SettradeMqttConnection followerConnection = follower.getBean(SettradeMqttConnection.class);
					await().atMost(Duration.ofSeconds(5))
						.until(() -> followerConnection.getStatus().since().isBefore(Instant.now().minus(grace)));
					Health followerHealth = health(follower);
					assertThat(followerHealth.getStatus()).isEqualTo(Status.UP);
					assertThat(followerHealth.getDetails()).containsEntry("role", "follower")
						.containsEntry("state", "STOPPED");
				});
	}

	@Test
	void closingTheLeaderHandsTheUpstreamToAnotherReplicaWithoutWaitingForTheLock() throws Throwable {
		// a lock left to expire would keep the cluster without a connection for 30 s
		Duration timeToLive = Duration.ofSeconds(30);
		ConnectionsAtGrant witness = new ConnectionsAtGrant();
		Replicas.run(replicas("settrade.mqtt.cluster.jdbc.time-to-live=" + timeToLive.toSeconds() + "s")
			.withBean(ConnectionsAtGrant.class, () -> witness), 3, (replicas) -> {
				AssertableApplicationContext first = await().atMost(Duration.ofSeconds(10))
					.until(replicas::connectedLeader, (found) -> found.isPresent())
					.get();
				witness.watch(replicas);
				SettradeMqttConnection firstConnection = first.getBean(SettradeMqttConnection.class);
				long closing = System.nanoTime();
				first.close();
				assertThat(firstConnection.getState()).isEqualTo(ConnectionState.STOPPED);
				AssertableApplicationContext next = await().atMost(Duration.ofSeconds(10))
					.until(replicas::connectedLeader, (found) -> found.isPresent())
					.get();
				Duration failOver = Duration.ofNanos(System.nanoTime() - closing);
				logger.info("Fail-over after the leader's context closed: " + failOver.toMillis() + " ms");
				assertThat(next).isNotSameAs(first);
				assertThat(failOver).isLessThan(timeToLive);
				await().atMost(Duration.ofSeconds(5))
					.until(() -> simulator().mqtt().openConnections() == 1
							&& simulator().mqtt().acceptedConnections() == 2);
				// make-before-break: the old leader still delivers when the next one is
				// elected
				assertThat(witness.notStopped).as("connections not stopped when the next leader was elected")
					.containsExactly(2L);
			});
	}

	@Test
	void yieldingLeadershipHandsTheUpstreamOverAndStopsItBeforeAnyoneIsTold() throws Throwable {
		ConnectionsAtGrant witness = new ConnectionsAtGrant();
		Replicas.run(replicas().withBean(UpstreamAtRevocation.class).withBean(ConnectionsAtGrant.class, () -> witness),
				3, (replicas) -> {
					AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(10))
						.until(replicas::connectedLeader, (found) -> found.isPresent())
						.get();
					witness.watch(replicas);
					UpstreamLeaderInitiator initiator = leader.getBean(UpstreamLeaderInitiator.class);
					long yielding = System.nanoTime();
					initiator.getContext().yield();
					// the election acts on a yield at its next heartbeat; the upstream
					// stops once
					// the next leader took it over
					SettradeMqttConnection connection = leader.getBean(SettradeMqttConnection.class);
					await().atMost(HEARTBEAT.plusSeconds(10))
						.pollInterval(Duration.ofMillis(5))
						.until(() -> connection.getState() == ConnectionState.STOPPED);
					logger.info("Upstream stopped " + Duration.ofNanos(System.nanoTime() - yielding).toMillis()
							+ " ms after the yield");
					await().atMost(Duration.ofSeconds(2))
						.until(() -> !Replicas.events(leader).of(LeadershipRevokedEvent.class).isEmpty());
					assertThat(leader.getBean(UpstreamAtRevocation.class).seen).singleElement()
						.isEqualTo(Map.of("connection", ConnectionState.STOPPED, "tokenRefresher", false, "watchdog",
								false));
					assertThat(leader.getBean(SettradeMqttConnection.class).isRunning()).isFalse();
					AssertableApplicationContext next = await().atMost(Duration.ofSeconds(10))
						.until(replicas::connectedLeader, (found) -> found.isPresent())
						.get();
					await().atMost(Duration.ofSeconds(5))
						.until(() -> simulator().mqtt().openConnections() == 1
								&& simulator().mqtt().acceptedConnections() == 2);
					logger.info("After the yield " + ((next == leader) ? "the same replica" : "another replica")
							+ " leads; upstream again after "
							+ Duration.ofNanos(System.nanoTime() - yielding).toMillis() + " ms");
					// make-before-break: the old leader still delivers when the next one
					// is elected
					assertThat(witness.notStopped).as("connections not stopped when the next leader was elected")
						.containsExactly(2L);
				});
	}

	@Test
	void aReplicaThatGaveLeadershipUpLeadsAgainWithAFreshUpstream() throws Throwable {
		Replicas.run(replicas(), 2, (replicas) -> {
			AssertableApplicationContext first = await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			AssertableApplicationContext second = (replicas.get(0) == first) ? replicas.get(1) : replicas.get(0);
			first.getBean(UpstreamLeaderInitiator.class).getContext().yield();
			await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (found) -> found.filter((leader) -> leader == second).isPresent());
			second.getBean(UpstreamLeaderInitiator.class).getContext().yield();
			await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (found) -> found.filter((leader) -> leader == first).isPresent());
			assertThat(first.getBean(SettradeMqttConnection.class).getSessionFacts().epoch()).isEqualTo(2);
			assertThat(first.getBean(SettradeTokenRefresher.class).isRunning()).isTrue();
			assertThat(first.getBean(FeedWatchdog.class).isRunning()).isTrue();
			assertThat(second.getBean(SettradeMqttConnection.class).getState()).isEqualTo(ConnectionState.STOPPED);
			assertThat(second.getBean(SettradeTokenRefresher.class).isRunning()).isFalse();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> simulator().mqtt().openConnections() == 1
						&& simulator().mqtt().subscribedTopics().contains("proto/topic/bidofferv3/PTT"));
			assertThat(simulator().mqtt().acceptedConnections()).isEqualTo(3);
			// the first replica's token is still valid: it logs in once
			assertThat(simulator().stats().successfulLogins()).isEqualTo(2);
			assertThat(Replicas.events(first).of(LeadershipGrantedEvent.class)).hasSize(2);
		});
	}

	@Test
	void aLockRegistryOfTheApplicationIsUsed() throws Throwable {
		// shared by the replicas as a database would be; each has an embedded database
		// of its own, which could elect no common leader
		RecordingLockRegistry locks = new RecordingLockRegistry(new DefaultLockRegistry());
		ApplicationContextRunner runner = ClusterContexts
			.replicas(simulator(), settrade.app(), "cluster-" + databases.incrementAndGet(), HEARTBEAT)
			.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=PTT", "settrade.mqtt.cluster.role=prices")
			.withBean(LockRegistry.class, () -> locks)
			.withBean(IntegrationLeaderEvents.class);
		Replicas.run(runner, 2, (replicas) -> {
			assertThat(replicas.get(0)).doesNotHaveBean(JdbcLockRegistry.class).hasBean("dataSource");
			AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			assertThat(leader.getBean(IntegrationLeaderEvents.class).granted).containsExactly("prices");
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(3))
				.until(() -> simulator().mqtt().acceptedConnections() == 1 && replicas.leaders().size() == 1);
			assertThat(locks.keys).containsOnly("prices").hasSize(2);
		});
	}

	@Test
	void onASingleNodeClasspathEveryReplicaHoldsItsOwnUpstreamAsBefore() throws Throwable {
		ApplicationContextRunner runner = SimulatorContexts
			.runner(simulator(), settrade.app(), "settrade.mqtt.subscriptions.bid-offer=PTT")
			.withConfiguration(AutoConfigurations.of(SettradeMqttClusterAutoConfiguration.class,
					SettradeMqttHealthContributorAutoConfiguration.class))
			.withClassLoader(
					new FilteredClassLoader("org.springframework.integration.jdbc", "org.springframework.kafka",
							"org.springframework.boot.kafka", "org.apache.kafka", "org.springframework.jdbc",
							"org.springframework.boot.jdbc", "org.springframework.boot.sql", "com.zaxxer", "org.h2"));
		Replicas.run(runner, 2, (replicas) -> {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> replicas.all()
					.stream()
					.allMatch((replica) -> replica.getBean(SettradeMqttConnection.class)
						.getState() == ConnectionState.CONNECTED));
			assertThat(simulator().stats().successfulLogins()).isEqualTo(2);
			assertThat(simulator().mqtt().acceptedConnections()).isEqualTo(2);
			assertThat(simulator().mqtt().openConnections()).isEqualTo(2);
			for (AssertableApplicationContext replica : replicas.all()) {
				assertThat(replica).doesNotHaveBean(UpstreamCandidate.class)
					.doesNotHaveBean(LockRegistryLeaderInitiator.class);
				assertThat(health(replica).getDetails()).containsEntry("role", "standalone");
			}
		});
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(SettradeMqttHealthIndicator.class).health(true);
	}

	/**
	 * Notes what runs of the upstream when this replica's revocation is published.
	 */
	static class UpstreamAtRevocation implements ApplicationListener<LeadershipRevokedEvent> {

		private final SettradeMqttConnection connection;

		private final SettradeTokenRefresher tokenRefresher;

		private final FeedWatchdog watchdog;

		final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();

		UpstreamAtRevocation(SettradeMqttConnection connection, SettradeTokenRefresher tokenRefresher,
				FeedWatchdog watchdog) {
			this.connection = connection;
			this.tokenRefresher = tokenRefresher;
			this.watchdog = watchdog;
		}

		@Override
		public void onApplicationEvent(LeadershipRevokedEvent event) {
			this.seen.add(Map.of("connection", this.connection.getState(), "tokenRefresher",
					this.tokenRefresher.isRunning(), "watchdog", this.watchdog.isRunning()));
		}

	}

	/**
	 * Shared by the replicas: when one is elected, how many of their connections are not
	 * stopped. Its own has just started; the leader handing over to it still runs, and
	 * any other would be a third upstream.
	 */
	static class ConnectionsAtGrant implements ApplicationListener<LeadershipGrantedEvent> {

		private final List<SettradeMqttConnection> connections = new CopyOnWriteArrayList<>();

		final List<Long> notStopped = new CopyOnWriteArrayList<>();

		void watch(Replicas replicas) {
			replicas.all().forEach((replica) -> this.connections.add(replica.getBean(SettradeMqttConnection.class)));
		}

		@Override
		public void onApplicationEvent(LeadershipGrantedEvent event) {
			if (!this.connections.isEmpty()) {
				this.notStopped.add(this.connections.stream()
					.filter((connection) -> connection.getState() != ConnectionState.STOPPED)
					.count());
			}
		}

	}

	/**
	 * The roles of Spring Integration's own leadership events.
	 */
	static class IntegrationLeaderEvents implements ApplicationListener<OnGrantedEvent> {

		final List<String> granted = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(OnGrantedEvent event) {
			this.granted.add(event.getRole());
		}

	}

	/**
	 * The application's lock registry, noting the keys asked for.
	 */
	static class RecordingLockRegistry implements LockRegistry<java.util.concurrent.locks.Lock> {

		private final DefaultLockRegistry delegate;

		final List<Object> keys = new CopyOnWriteArrayList<>();

		RecordingLockRegistry(DefaultLockRegistry delegate) {
			this.delegate = delegate;
		}

		@Override
		public java.util.concurrent.locks.Lock obtain(Object lockKey) {
			this.keys.add(lockKey);
			return this.delegate.obtain(lockKey);
		}

	}

}
