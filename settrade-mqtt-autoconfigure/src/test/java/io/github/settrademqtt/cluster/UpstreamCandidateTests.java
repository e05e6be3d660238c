package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.cluster.event.LeadershipGrantedEvent;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.integration.leader.Context;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpstreamCandidate}.
 */
class UpstreamCandidateTests {

	private final List<String> log = new CopyOnWriteArrayList<>();

	private final RecordingLifecycle refresher = new RecordingLifecycle("refresher", 1);

	private final RecordingLifecycle connection = new RecordingLifecycle("connection", 2);

	private final RecordingLifecycle watchdog = new RecordingLifecycle("watchdog", 3);

	private final YieldingContext context = new YieldingContext();

	private final UpstreamCandidate candidate = candidate(this.watchdog, this.connection, this.refresher);

	private UpstreamCandidate candidate(SmartLifecycle... upstream) {
		UpstreamCandidate candidate = new UpstreamCandidate("settrade-mqtt", List.of(upstream));
		candidate
			.setApplicationEventPublisher((event) -> this.log.add("published " + event.getClass().getSimpleName()));
		return candidate;
	}

	@Test
	void grantedStartsTheUpstreamInPhaseOrderThenSaysSo() {
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
		this.candidate.onGranted(this.context);
		assertThat(this.log).containsExactly("start refresher", "start connection", "start watchdog",
				"published LeadershipGrantedEvent");
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.LEADER);
	}

	@Test
	void revokedStopsTheUpstreamInReverseBeforeSayingSo() {
		this.candidate.onGranted(this.context);
		this.log.clear();
		this.candidate.onRevoked(this.context);
		assertThat(this.log).containsExactly("stop watchdog", "stop connection", "stop refresher",
				"published LeadershipRevokedEvent");
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
	}

	@Test
	void aRevocationWithoutAGrantDoesNothing() {
		this.candidate.onRevoked(this.context);
		assertThat(this.log).isEmpty();
	}

	@Test
	void theEventsSayTheRoleTheCandidateAndHowLongItLed() {
		List<Object> events = new CopyOnWriteArrayList<>();
		this.candidate.setApplicationEventPublisher(events::add);
		this.candidate.onGranted(this.context);
		this.candidate.onRevoked(this.context);
		assertThat(events).hasSize(2);
		LeadershipGrantedEvent granted = (LeadershipGrantedEvent) events.get(0);
		LeadershipRevokedEvent revoked = (LeadershipRevokedEvent) events.get(1);
		assertThat(granted.getRole()).isEqualTo(revoked.getRole()).isEqualTo("settrade-mqtt");
		assertThat(granted.getCandidateId()).isEqualTo(revoked.getCandidateId()).isEqualTo(this.candidate.getId());
		assertThat(granted.getSource()).isSameAs(this.candidate);
		assertThat(revoked.getLedFor().isNegative()).isFalse();
		assertThat(revoked.toString()).startsWith(
				"LeadershipRevokedEvent [role=settrade-mqtt, candidate=" + this.candidate.getId() + ", ledFor=");
	}

	@Test
	void theElectionsInterruptDoesNotCutTheStopShortAndIsKept() {
		this.candidate.onGranted(this.context);
		Thread.currentThread().interrupt();
		try {
			this.candidate.onRevoked(this.context);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.connection.interruptedWhileStopping).isFalse();
		assertThat(this.connection.isRunning()).isFalse();
	}

	@Test
	void anUpstreamThatCannotStartIsStoppedAndLeadershipYielded() {
		this.connection.failToStart = true;
		this.candidate.onGranted(this.context);
		assertThat(this.log).containsExactly("start refresher", "start connection", "stop watchdog", "stop connection",
				"stop refresher");
		assertThat(this.context.yields).isOne();
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
		this.log.clear();
		this.candidate.onRevoked(this.context);
		assertThat(this.log).isEmpty();
	}

	@Test
	void relinquishingStopsTheUpstreamWhileStillLeading() {
		this.candidate.onGranted(this.context);
		this.log.clear();
		this.candidate.relinquish();
		assertThat(this.log).containsExactly("stop watchdog", "stop connection", "stop refresher");
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.LEADER);
	}

	@Test
	void standingDownRefusesAGrantUntilRejoined() {
		this.candidate.standDown();
		this.candidate.onGranted(this.context);
		assertThat(this.log).isEmpty();
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
		this.candidate.rejoin();
		this.candidate.onGranted(this.context);
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.LEADER);
	}

	@Test
	void awaitsTheRevocation() throws Exception {
		assertThat(this.candidate.awaitRevoked(Duration.ZERO)).as("not leading").isTrue();
		this.candidate.onGranted(this.context);
		assertThat(this.candidate.awaitRevoked(Duration.ofMillis(50))).as("still leading").isFalse();
		CompletableFuture<Boolean> awaited = CompletableFuture
			.supplyAsync(() -> this.candidate.awaitRevoked(Duration.ofSeconds(10)));
		this.candidate.onRevoked(this.context);
		assertThat(awaited.get(10, TimeUnit.SECONDS)).isTrue();
	}

	private final class RecordingLifecycle implements SmartLifecycle {

		private final String name;

		private final int phase;

		private volatile boolean running;

		private volatile boolean failToStart;

		private volatile boolean interruptedWhileStopping;

		RecordingLifecycle(String name, int phase) {
			this.name = name;
			this.phase = phase;
		}

		@Override
		public void start() {
			UpstreamCandidateTests.this.log.add("start " + this.name);
			if (this.failToStart) {
				throw new IllegalStateException("cannot start " + this.name);
			}
			this.running = true;
		}

		@Override
		public void stop() {
			UpstreamCandidateTests.this.log.add("stop " + this.name);
			this.interruptedWhileStopping |= Thread.currentThread().isInterrupted();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		@Override
		public int getPhase() {
			return this.phase;
		}

	}

	private static final class YieldingContext implements Context {

		private int yields;

		@Override
		public boolean isLeader() {
			return true;
		}

		@Override
		public void yield() {
			this.yields++;
		}

	}

}
