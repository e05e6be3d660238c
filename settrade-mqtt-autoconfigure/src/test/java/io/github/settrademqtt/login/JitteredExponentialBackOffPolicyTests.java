package io.github.settrademqtt.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.junit.jupiter.api.Test;

import org.springframework.retry.backoff.BackOffContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JitteredExponentialBackOffPolicy}.
 */
class JitteredExponentialBackOffPolicyTests {

	@Test
	void sleepsTheBackoffDelaysInTurnAndRestartsForEachRetry() {
		List<Long> slept = new ArrayList<>();
		JitteredExponentialBackOffPolicy policy = new JitteredExponentialBackOffPolicy(
				new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 3.0, 0), slept::add);
		BackOffContext first = policy.start(null);
		policy.backOff(first);
		policy.backOff(first);
		policy.backOff(first);
		policy.backOff(policy.start(null));
		assertThat(slept).containsExactly(10L, 30L, 50L, 10L);
	}

}
