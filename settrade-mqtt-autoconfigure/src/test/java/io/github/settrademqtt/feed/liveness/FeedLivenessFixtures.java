package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Liveness on a clock that a test moves, for tests outside this package.
 */
public final class FeedLivenessFixtures {

	private FeedLivenessFixtures() {
	}

	public static FeedLiveness onClock(Duration silenceThreshold, LongSupplier nanoClock) {
		return new FeedLiveness(silenceThreshold, nanoClock);
	}

}
