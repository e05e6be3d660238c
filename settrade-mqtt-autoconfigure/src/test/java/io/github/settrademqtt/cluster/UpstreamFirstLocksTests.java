package io.github.settrademqtt.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import org.springframework.context.SmartLifecycle;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.locks.DefaultLockRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UpstreamFirstLocks}.
 */
class UpstreamFirstLocksTests {

	private final DefaultLockRegistry registry = new DefaultLockRegistry();

	private final ReentrantLock held = (ReentrantLock) this.registry.obtain("settrade-mqtt");

	/**
	 * Whether the registry's lock was still held each time the upstream stopped.
	 */
	private final List<Boolean> heldWhenStopped = new CopyOnWriteArrayList<>();

	private final UpstreamCandidate candidate = new UpstreamCandidate("settrade-mqtt",
			List.of(new Upstream(this.held, this.heldWhenStopped)));

	private final Lock lock = new UpstreamFirstLocks(this.registry, this.candidate).obtain("settrade-mqtt");

	@Test
	void theUpstreamStopsBeforeTheLockIsReleased() throws Exception {
		assertThat(this.lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
		this.candidate.onGranted(() -> true);
		this.lock.unlock();
		assertThat(this.heldWhenStopped).containsExactly(true);
		assertThat(this.held.isLocked()).isFalse();
		assertThat(this.candidate.getClusterRole()).as("leading until revoked").isEqualTo(ClusterRole.LEADER);
	}

	@Test
	void aHeartbeatThatTakesTheLockAgainStopsNothing() throws Exception {
		assertThat(this.lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
		this.candidate.onGranted(() -> true);
		assertThat(this.lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
		this.lock.unlock();
		assertThat(this.heldWhenStopped).isEmpty();
		assertThat(this.held.isHeldByCurrentThread()).isTrue();
		this.lock.unlock();
		assertThat(this.heldWhenStopped).containsExactly(true);
	}

	@Test
	void releasingTheLockOfAFollowerStopsNothing() throws Exception {
		Context context = () -> false;
		assertThat(this.lock.tryLock(1, TimeUnit.SECONDS)).isTrue();
		this.candidate.onRevoked(context);
		this.lock.unlock();
		assertThat(this.heldWhenStopped).isEmpty();
	}

	private static final class Upstream implements SmartLifecycle {

		private final ReentrantLock held;

		private final List<Boolean> heldWhenStopped;

		private volatile boolean running;

		Upstream(ReentrantLock held, List<Boolean> heldWhenStopped) {
			this.held = held;
			this.heldWhenStopped = heldWhenStopped;
		}

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			if (this.running) {
				this.heldWhenStopped.add(this.held.isLocked());
			}
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

}
