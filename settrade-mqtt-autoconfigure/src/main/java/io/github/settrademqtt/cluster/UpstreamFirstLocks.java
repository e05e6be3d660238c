package io.github.settrademqtt.cluster;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.util.Assert;

/**
 * The lock registry of the {@link UpstreamLeaderInitiator}: the application's, with locks
 * that settle the upstream before they are released. Spring Integration's election
 * releases the lock first and revokes leadership after, whether the leader yields, stops
 * or fails; in between another replica may take the lock. With these locks the
 * {@link UpstreamCandidate} has, by the time the lock is free, either offered the
 * upstream to the next leader (which then overlaps it on purpose, de-duplicated) or
 * stopped it. A lock taken again while held (the leader's heartbeat) is only released by
 * its last unlock, so only that one does anything.
 *
 * @author settrade-mqtt
 */
final class UpstreamFirstLocks implements LockRegistry<Lock> {

	private final LockRegistry<?> locks;

	private final UpstreamCandidate candidate;

	UpstreamFirstLocks(LockRegistry<?> locks, UpstreamCandidate candidate) {
		Assert.notNull(locks, "'locks' must not be null");
		Assert.notNull(candidate, "'candidate' must not be null");
		this.locks = locks;
		this.candidate = candidate;
	}

	@Override
	public Lock obtain(Object lockKey) {
		return new UpstreamFirstLock(this.locks.obtain(lockKey));
	}

	private final class UpstreamFirstLock implements Lock {

		private final Lock lock;

		private final AtomicInteger holds = new AtomicInteger();

		UpstreamFirstLock(Lock lock) {
			this.lock = lock;
		}

		@Override
		public void lock() {
			this.lock.lock();
			this.holds.incrementAndGet();
		}

		@Override
		public void lockInterruptibly() throws InterruptedException {
			this.lock.lockInterruptibly();
			this.holds.incrementAndGet();
		}

		@Override
		public boolean tryLock() {
			return held(this.lock.tryLock());
		}

		@Override
		public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
			return held(this.lock.tryLock(time, unit));
		}

		private boolean held(boolean acquired) {
			if (acquired) {
				this.holds.incrementAndGet();
			}
			return acquired;
		}

		@Override
		public void unlock() {
			if (this.holds.get() == 1) {
				UpstreamFirstLocks.this.candidate.relinquish();
			}
			try {
				this.lock.unlock();
			}
			finally {
				this.holds.updateAndGet((holds) -> Math.max(0, holds - 1));
			}
		}

		@Override
		public Condition newCondition() {
			return this.lock.newCondition();
		}

	}

}
