package io.github.settrademqtt.cluster;

import org.jspecify.annotations.Nullable;

/**
 * Hands the running upstream over to the next leader make-before-break: the leader offers
 * it before it releases its lock, keeps it running while the next leader connects and
 * aligns, and stops it once taken over.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface UpstreamHandOver {

	/**
	 * Offer the upstream to the next leader.
	 * @return the wait for the take-over, or {@code null} when the upstream cannot be
	 * handed over and is to stop at once
	 */
	@Nullable TakeOver offer();

	/**
	 * The wait for the next leader to take an offered upstream over.
	 */
	@FunctionalInterface
	interface TakeOver {

		/**
		 * Wait until the next leader has taken over, or until it is no use waiting any
		 * longer (no leader came, or it did not align in time).
		 * @throws InterruptedException if interrupted while waiting
		 */
		void await() throws InterruptedException;

	}

}
