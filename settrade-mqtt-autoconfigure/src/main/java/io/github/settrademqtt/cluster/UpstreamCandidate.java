package io.github.settrademqtt.cluster;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

import io.github.settrademqtt.cluster.event.LeadershipGrantedEvent;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import io.github.settrademqtt.event.SettradeMqttEventPublisher;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.util.Assert;

/**
 * The candidate of Spring Integration's leader election that holds the Settrade upstream:
 * the lifecycles that log in, keep the token alive and hold the MQTT connection (in the
 * starter, the token refresher, the connection and its watchdog; the connection logs in
 * as it connects). Elected, it starts them in phase order; revoked, it stops them in
 * reverse on the election's thread and before anyone is told, so a replica that no longer
 * leads holds no connection and refreshes no token. Run by the
 * {@link UpstreamLeaderInitiator}, it acts before the lock is released when the leader
 * gives leadership up: given an {@link UpstreamHandOver}, it offers the upstream to the
 * next leader and stops it once taken over; otherwise it stops it first, so the next
 * leader never connects beside it. The delivery side of the feed is not the candidate's:
 * it runs on every replica.
 * <p>
 * A {@link LeadershipGrantedEvent} is published once the upstream has started, a
 * {@link LeadershipRevokedEvent} once it has stopped, given an
 * {@link ApplicationEventPublisher}; the election itself publishes Spring Integration's
 * {@code OnGrantedEvent} and {@code OnRevokedEvent} for the role, on which Spring
 * Integration's role controller starts and stops the application's own endpoints of that
 * role.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see UpstreamLeaderInitiator
 */
public class UpstreamCandidate extends AbstractCandidate implements ApplicationEventPublisherAware {

	private static final Log logger = LogFactory.getLog(UpstreamCandidate.class);

	private final List<SmartLifecycle> startOrder;

	private final List<SmartLifecycle> stopOrder;

	private final SettradeMqttEventPublisher events = new SettradeMqttEventPublisher();

	/**
	 * An upstream that cannot start fails again at every grant, as often as a heartbeat
	 * when this replica is the only one.
	 */
	private final RateLimitedLog startFailures = new RateLimitedLog(logger,
			"Attempts to start the Settrade MQTT upstream failed", 1, Duration.ofMinutes(1));

	private final LongSupplier nanoClock = System::nanoTime;

	private final Object monitor = new Object();

	private volatile boolean leader;

	private @Nullable UpstreamHandOver handOver;

	// guarded by the monitor

	/**
	 * The wait for the next leader to take over the upstream this one offered.
	 */
	private UpstreamHandOver.@Nullable TakeOver takeOver;

	// guarded by the monitor

	private boolean standingDown;

	private long grantedAtNanos;

	/**
	 * How long stopping the upstream took since the grant: it may stop before the
	 * revocation, when the lock is about to be released.
	 */
	private Duration stopping = Duration.ZERO;

	/**
	 * Create a candidate with an id of its own.
	 * @param role the role of the leader election, which is also the key of the lock
	 * @param upstream the lifecycles only the leader runs
	 */
	public UpstreamCandidate(String role, List<? extends SmartLifecycle> upstream) {
		super(UUID.randomUUID().toString(), role);
		Assert.hasText(role, "'role' must not be empty");
		Assert.notEmpty(upstream, "'upstream' must not be empty");
		Comparator<SmartLifecycle> byPhase = Comparator.comparingInt(SmartLifecycle::getPhase);
		this.startOrder = upstream.stream().<SmartLifecycle>map((lifecycle) -> lifecycle).sorted(byPhase).toList();
		this.stopOrder = this.startOrder.stream().sorted(byPhase.reversed()).toList();
	}

	/**
	 * Return the parts of the upstream, in the order they start.
	 * @return the upstream
	 */
	public List<SmartLifecycle> getUpstream() {
		return this.startOrder;
	}

	/**
	 * Set where the leadership events go; without one none is published.
	 * @param publisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		this.events.setPublisher(publisher);
	}

	/**
	 * Set what hands the upstream over to the next leader when this one gives leadership
	 * up: it keeps running until taken over instead of stopping before the lock is
	 * released. Without one, or when it cannot hand over, the upstream stops first.
	 * @param handOver the hand-over
	 */
	public void setHandOver(UpstreamHandOver handOver) {
		this.handOver = handOver;
	}

	/**
	 * Return whether this replica leads, and so holds the upstream.
	 * @return {@link ClusterRole#LEADER} or {@link ClusterRole#FOLLOWER}
	 */
	public ClusterRole getClusterRole() {
		return this.leader ? ClusterRole.LEADER : ClusterRole.FOLLOWER;
	}

	/**
	 * Start the upstream. One that cannot start is stopped again and leadership yielded,
	 * so that another replica may hold it.
	 * @param context the election's context
	 */
	@Override
	public void onGranted(Context context) {
		synchronized (this.monitor) {
			if (this.standingDown) {
				// elected while leaving the election: the lock is released right after
				return;
			}
			logger.info("This replica leads the Settrade MQTT cluster (role '" + getRole() + "', candidate " + getId()
					+ "): starting the upstream");
			RuntimeException failure = startUpstream();
			if (failure != null) {
				stopUpstream();
				this.startFailures.log(
						() -> "Could not start the Settrade MQTT upstream; yielding leadership to another replica",
						failure);
				context.yield();
				return;
			}
			this.leader = true;
			this.grantedAtNanos = this.nanoClock.getAsLong();
			this.stopping = Duration.ZERO;
		}
		this.events.publish(new LeadershipGrantedEvent(this, getRole(), getId()));
	}

	/**
	 * Stop the upstream at once: the connection is closed and no token refresh runs when
	 * this returns.
	 * @param context the election's context
	 */
	@Override
	public void onRevoked(Context context) {
		UpstreamHandOver.TakeOver takeOver;
		synchronized (this.monitor) {
			if (!this.leader) {
				return;
			}
			takeOver = this.takeOver;
			this.takeOver = null;
		}
		if (takeOver != null) {
			awaitTakeOver(takeOver);
		}
		Duration ledFor;
		Duration stopping;
		synchronized (this.monitor) {
			stopUpstream();
			this.leader = false;
			ledFor = Duration.ofNanos(this.nanoClock.getAsLong() - this.grantedAtNanos);
			stopping = this.stopping;
			this.monitor.notifyAll();
		}
		logger.info("This replica no longer leads the Settrade MQTT cluster (role '" + getRole() + "', candidate "
				+ getId() + ", led for " + ledFor.toMillis() + " ms): the upstream is stopped (in "
				+ stopping.toMillis() + " ms)");
		this.events.publish(new LeadershipRevokedEvent(this, getRole(), getId(), ledFor));
	}

	/**
	 * Wait for the next leader to take the offered upstream over. A leader leaving the
	 * election is interrupted to leave it; the wait is what leaving means here, so the
	 * interrupt is set aside until it is over.
	 */
	private void awaitTakeOver(UpstreamHandOver.TakeOver takeOver) {
		boolean interrupted = Thread.interrupted();
		try {
			while (true) {
				try {
					takeOver.await();
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (RuntimeException ex) {
					logger.warn(
							"Waiting for the next leader to take the Settrade MQTT upstream over failed; stopping it",
							ex);
					return;
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The lock is about to be released: offer the upstream to the next leader, or stop it
	 * when it cannot be handed over. Leadership itself ends with the revocation that
	 * follows, which stops an offered upstream once taken over.
	 */
	void relinquish() {
		synchronized (this.monitor) {
			if (!this.leader || this.takeOver != null) {
				return;
			}
			UpstreamHandOver handOver = this.handOver;
			UpstreamHandOver.TakeOver takeOver = (handOver != null) ? handOver.offer() : null;
			if (takeOver != null) {
				logger.info("Offering the Settrade MQTT upstream to the next leader (role '" + getRole()
						+ "', candidate " + getId() + ")");
				this.takeOver = takeOver;
				return;
			}
			stopUpstream();
		}
	}

	/**
	 * Stop the upstream ahead of leaving the election, and start none until
	 * {@link #rejoin()}.
	 */
	void standDown() {
		synchronized (this.monitor) {
			this.standingDown = true;
		}
		relinquish();
	}

	/**
	 * Take part in the election again after {@link #standDown()}.
	 */
	void rejoin() {
		synchronized (this.monitor) {
			this.standingDown = false;
		}
	}

	/**
	 * Wait until this replica no longer leads.
	 * @param patience how long to wait at most
	 * @return whether it no longer leads
	 */
	boolean awaitRevoked(Duration patience) {
		long deadline = this.nanoClock.getAsLong() + patience.toNanos();
		synchronized (this.monitor) {
			while (this.leader) {
				long left = deadline - this.nanoClock.getAsLong();
				if (left <= 0) {
					return false;
				}
				try {
					this.monitor.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	private @Nullable RuntimeException startUpstream() {
		for (SmartLifecycle lifecycle : this.startOrder) {
			try {
				lifecycle.start();
			}
			catch (RuntimeException ex) {
				return ex;
			}
		}
		return null;
	}

	/**
	 * Stop everything, last started first, whatever any of them throws. The election
	 * interrupts its thread to leave it, and a stop that waits for a thread to end must
	 * not be cut short by that: the interrupt is set aside until all are stopped.
	 */
	private void stopUpstream() {
		long started = this.nanoClock.getAsLong();
		boolean interrupted = Thread.interrupted();
		try {
			for (SmartLifecycle lifecycle : this.stopOrder) {
				try {
					lifecycle.stop();
				}
				catch (RuntimeException ex) {
					logger.warn("Could not stop " + lifecycle.getClass().getSimpleName()
							+ " of the Settrade MQTT upstream; stopping the rest", ex);
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			this.stopping = this.stopping.plusNanos(this.nanoClock.getAsLong() - started);
		}
	}

	@Override
	public String toString() {
		return "UpstreamCandidate [role=" + getRole() + ", id=" + getId() + ", leader=" + this.leader + "]";
	}

}
