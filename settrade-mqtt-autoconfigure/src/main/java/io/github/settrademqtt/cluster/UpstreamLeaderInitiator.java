package io.github.settrademqtt.cluster;

import java.time.Duration;

import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Spring Integration's {@link LockRegistryLeaderInitiator} for the
 * {@link UpstreamCandidate}, which gives up leadership on its own terms: whether the
 * leader yields ({@code getContext().yield()}) or leaves the election (the application
 * shuts down, or {@link #stop()} is called), the candidate offers the upstream to the
 * next leader (or stops it) before the lock is released, and stops an offered upstream
 * once taken over, before the revocation is told. A stop returns once the revocation is
 * through, so the lock is gone from the registry before the application closes what the
 * registry needs (such as the {@code DataSource}), and the next leader takes over at once
 * rather than after the lock's time-to-live.
 * <p>
 * Runs in phase {@link SettradeMqttPhases#LEADER_ELECTION}: elected only once the
 * delivery runs, and stopped before it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class UpstreamLeaderInitiator extends LockRegistryLeaderInitiator {

	private static final Log logger = LogFactory.getLog(UpstreamLeaderInitiator.class);

	/**
	 * How long a stop waits for the revocation: releasing the lock is one call to the
	 * registry, and an upstream offered to the next leader runs until taken over (a
	 * claim, a connect and the hand-over's own timeout).
	 */
	private static final Duration REVOCATION_PATIENCE = Duration.ofSeconds(30);

	private final UpstreamCandidate candidate;

	/**
	 * Create an initiator.
	 * @param locks the registry the leader's lock is held in
	 * @param candidate the candidate that holds the upstream
	 */
	public UpstreamLeaderInitiator(LockRegistry<?> locks, UpstreamCandidate candidate) {
		super(new UpstreamFirstLocks(locks, candidate), candidate);
		this.candidate = candidate;
		setPhase(SettradeMqttPhases.LEADER_ELECTION);
		setTaskExecutor(new SimpleAsyncTaskExecutor("settrade-mqtt-leader-"));
	}

	@Override
	public void start() {
		this.candidate.rejoin();
		super.start();
	}

	/**
	 * Leave the election: offer or stop the upstream, release the lock and wait for the
	 * revocation.
	 */
	@Override
	public void stop() {
		this.candidate.standDown();
		super.stop();
		if (!this.candidate.awaitRevoked(REVOCATION_PATIENCE)) {
			logger.warn("Leadership of the Settrade MQTT cluster (role '" + this.candidate.getRole()
					+ "') was not revoked within " + REVOCATION_PATIENCE.toSeconds()
					+ " s of leaving the election; the upstream is stopped, the lock may live out its time-to-live");
		}
	}

}
