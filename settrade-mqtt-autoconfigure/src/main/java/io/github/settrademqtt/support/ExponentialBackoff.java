package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.util.Assert;

/**
 * Delays that grow exponentially from an initial value up to a maximum, each spread at
 * random by a fraction of itself so that many clients failing together do not retry
 * together. The one back-off of the starter: the connection's thread schedules its
 * {@link #delay(int) delays} (reconnects, rotations, subscription retries), and as a
 * Spring Retry {@link BackOffPolicy} it sleeps them between login attempts.
 *
 * @param initial the first delay
 * @param max the largest delay
 * @param multiplier the factor applied after each attempt (at least 1)
 * @param jitter the random spread as a fraction of each delay (0 to 1)
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record ExponentialBackoff(Duration initial, Duration max, double multiplier,
		double jitter) implements BackOffPolicy {

	private static final Sleeper THREAD_WAIT = new ThreadWaitSleeper();

	public ExponentialBackoff {
		Assert.isTrue(!initial.isNegative(), "'initial' must not be negative");
		Assert.isTrue(max.compareTo(initial) >= 0, "'max' must not be less than 'initial'");
		Assert.isTrue(multiplier >= 1, "'multiplier' must be at least 1");
		Assert.isTrue(jitter >= 0 && jitter <= 1, "'jitter' must be between 0 and 1");
	}

	/**
	 * Return the nominal delay before the given attempt, without jitter.
	 * @param attempt the number of delays already taken (0 for the first)
	 * @return the delay, never more than {@link #max()}
	 */
	public Duration nominal(int attempt) {
		double millis = this.initial.toMillis() * Math.pow(this.multiplier, Math.max(0, attempt));
		return Duration.ofMillis((long) Math.min(this.max.toMillis(), millis));
	}

	/**
	 * Return the delay before the given attempt, with jitter applied and capped at
	 * {@link #max()}.
	 * @param attempt the number of delays already taken (0 for the first)
	 * @return the delay
	 */
	public Duration delay(int attempt) {
		return jittered(nominal(attempt));
	}

	/**
	 * Start backing off for one retried operation: its delays start again from
	 * {@link #initial()}.
	 * @param context the retry context
	 * @return the attempts taken so far, none
	 */
	@Override
	public BackOffContext start(@Nullable RetryContext context) {
		return new Attempts();
	}

	/**
	 * Sleep the next delay on the calling thread.
	 * @param backOffContext the context {@link #start} returned
	 * @throws BackOffInterruptedException if interrupted while sleeping (the thread stays
	 * interrupted)
	 */
	@Override
	public void backOff(BackOffContext backOffContext) {
		backOff(backOffContext, THREAD_WAIT);
	}

	void backOff(BackOffContext backOffContext, Sleeper sleeper) {
		Attempts attempts = (Attempts) backOffContext;
		try {
			sleeper.sleep(delay(attempts.taken++).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackOffInterruptedException("Interrupted while backing off", ex);
		}
	}

	Duration jittered(Duration nominal) {
		double spread = this.jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		long millis = Math.round(nominal.toMillis() * (1 + spread));
		return Duration.ofMillis(Math.max(0, Math.min(this.max.toMillis(), millis)));
	}

	/**
	 * How many delays one retried operation has taken.
	 */
	private static final class Attempts implements BackOffContext {

		private int taken;

	}

}
