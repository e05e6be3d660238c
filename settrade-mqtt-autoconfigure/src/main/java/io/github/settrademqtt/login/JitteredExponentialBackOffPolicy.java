package io.github.settrademqtt.login;

import io.github.settrademqtt.support.ExponentialBackoff;

import org.springframework.retry.RetryContext;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.util.Assert;

/**
 * A spring-retry {@link BackOffPolicy} sleeping the delays of an
 * {@link ExponentialBackoff}: growing exponentially, spread at random.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class JitteredExponentialBackOffPolicy implements BackOffPolicy {

	private final ExponentialBackoff backoff;

	private final Sleeper sleeper;

	/**
	 * Create a policy that sleeps on the calling thread.
	 * @param backoff the delays
	 */
	public JitteredExponentialBackOffPolicy(ExponentialBackoff backoff) {
		this(backoff, new ThreadWaitSleeper());
	}

	JitteredExponentialBackOffPolicy(ExponentialBackoff backoff, Sleeper sleeper) {
		Assert.notNull(backoff, "'backoff' must not be null");
		this.backoff = backoff;
		this.sleeper = sleeper;
	}

	@Override
	public BackOffContext start(RetryContext context) {
		return new Attempts();
	}

	@Override
	public void backOff(BackOffContext backOffContext) {
		Attempts attempts = (Attempts) backOffContext;
		long millis = this.backoff.delay(attempts.taken++).toMillis();
		try {
			this.sleeper.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackOffInterruptedException("Interrupted while backing off", ex);
		}
	}

	private static final class Attempts implements BackOffContext {

		private int taken;

	}

}
