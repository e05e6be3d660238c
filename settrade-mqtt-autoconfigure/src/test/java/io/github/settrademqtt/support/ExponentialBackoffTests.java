package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link ExponentialBackoff}.
 */
class ExponentialBackoffTests {

	@Test
	void delaysGrowByMultiplierUpToMaxWithinJitter() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofMillis(1000), 2.0, 0.2);
		long[] nominal = { 100, 200, 400, 800, 1000, 1000 };
		for (int attempt = 0; attempt < nominal.length; attempt++) {
			assertThat(backoff.nominal(attempt)).isEqualTo(Duration.ofMillis(nominal[attempt]));
			long delay = backoff.delay(attempt).toMillis();
			assertThat((double) delay).isCloseTo(nominal[attempt], within(nominal[attempt] * 0.2 + 1));
			assertThat(delay).isLessThanOrEqualTo(1000);
		}
	}

	@Test
	void jitterSpreadsDelays() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(1000), Duration.ofMillis(10000), 2.0,
				0.5);
		Set<Long> distinct = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			distinct.add(backoff.delay(0).toMillis());
		}
		assertThat(distinct).hasSizeGreaterThan(10).allSatisfy((d) -> assertThat(d).isBetween(500L, 1500L));
	}

	@Test
	void noJitterGivesExactDelaysAndHugeAttemptsStayAtMax() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 3.0, 0);
		assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(10));
		assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(30));
		assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(50));
		assertThat(backoff.delay(10_000)).isEqualTo(Duration.ofMillis(50));
	}

	@Test
	void asARetryBackOffPolicySleepsTheDelaysInTurnAndRestartsForEachRetry() {
		List<Long> slept = new ArrayList<>();
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 3.0, 0);
		BackOffContext first = backoff.start(null);
		backoff.backOff(first, slept::add);
		backoff.backOff(first, slept::add);
		backoff.backOff(first, slept::add);
		backoff.backOff(backoff.start(null), slept::add);
		assertThat(slept).containsExactly(10L, 30L, 50L, 10L);
	}

	@Test
	void anInterruptedBackOffStopsTheRetryAndKeepsTheThreadInterrupted() {
		ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1.0, 0);
		Thread.currentThread().interrupt();
		try {
			assertThatExceptionOfType(BackOffInterruptedException.class)
				.isThrownBy(() -> backoff.backOff(backoff.start(null)));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
