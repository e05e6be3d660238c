package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;

/**
 * Follows a connection through its token rotations: waits for a number of them and
 * collects each one's outcome.
 *
 * @author settrade-mqtt
 */
public final class RotationWatch {

	private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

	private static final long SETTLE_NANOS = Duration.ofSeconds(10).toNanos();

	private RotationWatch() {
	}

	/**
	 * Wait until the connection has rotated {@code rotations} times from now.
	 * @param connection the connection
	 * @param rotations how many rotations
	 * @param timeout the longest to wait
	 * @param onRotation told the number of rotations done so far, after each
	 * @return each rotation's outcome, in order, and the rotation attempts that failed
	 * @throws IllegalStateException when the rotations do not happen in time
	 */
	public static Watched await(SettradeMqttConnection connection, int rotations, Duration timeout,
			IntConsumer onRotation) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long startEpoch = epoch(connection);
		List<RotationOutcome> outcomes = new ArrayList<>();
		RotationOutcome last = connection.getLastRotation();
		RotationFailure lastFailure = connection.getLastRotationFailure();
		int failures = 0;
		long seenEpoch = startEpoch;
		while (seenEpoch < startEpoch + rotations) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"Only " + (seenEpoch - startEpoch) + " of " + rotations + " rotations within " + timeout
								+ "; state " + connection.getState() + ", last failure " + connection.getLastFailure());
			}
			LockSupport.parkNanos(POLL_NANOS);
			long epoch = epoch(connection);
			RotationFailure failure = connection.getLastRotationFailure();
			if (failure != null && failure != lastFailure) {
				failures++;
			}
			lastFailure = failure;
			RotationOutcome outcome = connection.getLastRotation();
			if (outcome != null && outcome != last) {
				outcomes.add(outcome);
				last = outcome;
			}
			if (epoch != seenEpoch) {
				seenEpoch = epoch;
				onRotation.accept((int) (seenEpoch - startEpoch));
			}
		}
		// the outcome of the last rotation is recorded once its hand-over is complete
		long settled = System.nanoTime() + SETTLE_NANOS;
		while (outcomes.size() < rotations && System.nanoTime() < settled) {
			LockSupport.parkNanos(POLL_NANOS);
			RotationOutcome outcome = connection.getLastRotation();
			if (outcome != null && outcome != last) {
				outcomes.add(outcome);
				last = outcome;
			}
		}
		return new Watched(outcomes, failures);
	}

	private static long epoch(SettradeMqttConnection connection) {
		SessionFacts facts = connection.getSessionFacts();
		return (facts != null) ? facts.epoch() : 0;
	}

	/**
	 * What the watch saw.
	 *
	 * @param outcomes each rotation's outcome, in order
	 * @param failedAttempts rotation attempts that could not replace the connection (it
	 * kept delivering, and the rotation was tried again)
	 */
	public record Watched(List<RotationOutcome> outcomes, int failedAttempts) {

	}

}
