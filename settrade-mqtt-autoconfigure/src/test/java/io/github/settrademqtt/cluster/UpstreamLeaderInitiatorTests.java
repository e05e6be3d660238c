package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.integration.support.locks.DefaultLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link UpstreamLeaderInitiator}, over an in-memory lock registry.
 */
class UpstreamLeaderInitiatorTests {

	private final DefaultLockRegistry locks = new DefaultLockRegistry();

	private final Upstream upstream = new Upstream();

	private final UpstreamCandidate candidate = new UpstreamCandidate("settrade-mqtt", List.of(this.upstream));

	private final UpstreamLeaderInitiator initiator = new UpstreamLeaderInitiator(this.locks, this.candidate);

	@Test
	void aStopReturnsWithTheUpstreamStoppedAndTheLockFree() {
		this.initiator.setHeartBeatMillis(50);
		this.initiator.setApplicationEventPublisher((event) -> {
		});
		this.initiator.start();
		await().atMost(Duration.ofSeconds(5)).until(this.upstream::isRunning);
		this.initiator.stop();
		assertThat(this.upstream.isRunning()).isFalse();
		assertThat(this.candidate.getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
		Lock lock = this.locks.obtain("settrade-mqtt");
		assertThat(lock.tryLock()).as("the lock is free").isTrue();
		lock.unlock();
	}

	@Test
	void aStartAfterAStopTakesPartAgain() {
		this.initiator.setHeartBeatMillis(50);
		this.initiator.setApplicationEventPublisher((event) -> {
		});
		this.initiator.start();
		await().atMost(Duration.ofSeconds(5)).until(this.upstream::isRunning);
		this.initiator.stop();
		this.initiator.start();
		await().atMost(Duration.ofSeconds(5)).until(this.upstream::isRunning);
		this.initiator.stop();
	}

	private static final class Upstream implements SmartLifecycle {

		private volatile boolean running;

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
