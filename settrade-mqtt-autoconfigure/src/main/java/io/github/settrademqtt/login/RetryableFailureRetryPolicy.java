package io.github.settrademqtt.login;

import org.springframework.retry.RetryContext;
import org.springframework.retry.policy.SimpleRetryPolicy;

/**
 * Retries a failed Open API call only when retrying can help: after an I/O error, a 5xx
 * or a 429. A rejected credential (400, 401, 403) fails at once, so a wrong key never
 * hammers the service.
 *
 * @author settrade-mqtt
 * @see SettradeApiException#isRetryable()
 */
final class RetryableFailureRetryPolicy extends SimpleRetryPolicy {

	RetryableFailureRetryPolicy(int maxAttempts) {
		super(maxAttempts);
	}

	@Override
	public boolean canRetry(RetryContext context) {
		Throwable last = context.getLastThrowable();
		boolean retryable = last == null || (last instanceof SettradeApiException ex && ex.isRetryable());
		return retryable && context.getRetryCount() < getMaxAttempts();
	}

}
