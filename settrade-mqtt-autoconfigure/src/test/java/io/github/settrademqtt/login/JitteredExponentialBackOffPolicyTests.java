package io.github.settrademqtt.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.retry.backoff.BackOffContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link JitteredExponentialBackOffPolicy}.
 */
class JitteredExponentialBackOffPolicyTests {

	@Test
	void delaysGrowByMultiplierUpToMaxWithinJitter() {
		List<Long> slept = new ArrayList<>();
		JitteredExponentialBackOffPolicy policy = new JitteredExponentialBackOffPolicy(Duration.ofMillis(100),
				Duration.ofMillis(1000), 2.0, 0.2, slept::add);
		BackOffContext context = policy.start(null);
		for (int i = 0; i < 6; i++) {
			policy.backOff(context);
		}
		long[] nominal = { 100, 200, 400, 800, 1000, 1000 };
		for (int i = 0; i < nominal.length; i++) {
			assertThat((double) slept.get(i)).isCloseTo(nominal[i], within(nominal[i] * 0.2 + 1));
			assertThat(slept.get(i)).isLessThanOrEqualTo(1000);
		}
	}

	@Test
	void jitterSpreadsDelays() {
		JitteredExponentialBackOffPolicy policy = new JitteredExponentialBackOffPolicy(Duration.ofMillis(1000),
				Duration.ofMillis(10000), 2.0, 0.5, (millis) -> {
				});
		java.util.Set<Long> distinct = new java.util.HashSet<>();
		for (int i = 0; i < 50; i++) {
			distinct.add(policy.jittered(1000));
		}
		assertThat(distinct).hasSizeGreaterThan(10).allSatisfy((d) -> assertThat(d).isBetween(500L, 1500L));
	}

	@Test
	void noJitterGivesExactDelays() {
		List<Long> slept = new ArrayList<>();
		JitteredExponentialBackOffPolicy policy = new JitteredExponentialBackOffPolicy(Duration.ofMillis(10),
				Duration.ofMillis(50), 3.0, 0, slept::add);
		BackOffContext context = policy.start(null);
		for (int i = 0; i < 4; i++) {
			policy.backOff(context);
		}
		assertThat(slept).containsExactly(10L, 30L, 50L, 50L);
	}

}
