package io.github.settrademqtt.login;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.util.Assert;

/**
 * Exponential back-off whose every delay is spread at random by a fraction of itself, so
 * that many clients failing together do not retry together.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class JitteredExponentialBackOffPolicy implements BackOffPolicy {

	private final Duration initial;

	private final Duration max;

	private final double multiplier;

	private final double jitter;

	private final Sleeper sleeper;

	/**
	 * Create a policy that sleeps on the calling thread.
	 * @param initial the first delay
	 * @param max the largest delay
	 * @param multiplier the factor applied after each delay (at least 1)
	 * @param jitter the random spread as a fraction of each delay (0 to 1)
	 */
	public JitteredExponentialBackOffPolicy(Duration initial, Duration max, double multiplier, double jitter) {
		this(initial, max, multiplier, jitter, new ThreadWaitSleeper());
	}

	JitteredExponentialBackOffPolicy(Duration initial, Duration max, double multiplier, double jitter,
			Sleeper sleeper) {
		Assert.isTrue(!initial.isNegative(), "'initial' must not be negative");
		Assert.isTrue(max.compareTo(initial) >= 0, "'max' must not be less than 'initial'");
		Assert.isTrue(multiplier >= 1, "'multiplier' must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "'jitter' must be between 0 and 1");
		this.initial = initial;
		this.max = max;
		this.multiplier = multiplier;
		this.jitter = jitter;
		this.sleeper = sleeper;
	}

	@Override
	public BackOffContext start(RetryContext context) {
		return new Delay(this.initial.toMillis());
	}

	@Override
	public void backOff(BackOffContext backOffContext) {
		Delay delay = (Delay) backOffContext;
		long millis = jittered(delay.next);
		delay.next = Math.min(this.max.toMillis(), (long) (delay.next * this.multiplier));
		try {
			this.sleeper.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackOffInterruptedException("Interrupted while backing off", ex);
		}
	}

	long jittered(long millis) {
		double spread = this.jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		return Math.max(0, Math.min(this.max.toMillis(), Math.round(millis * (1 + spread))));
	}

	private static final class Delay implements BackOffContext {

		private long next;

		Delay(long next) {
			this.next = next;
		}

	}

}
