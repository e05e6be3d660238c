package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HarnessArguments} and {@link Percentiles}.
 */
class HarnessArgumentsTests {

	private static final Map<String, String> DEFAULTS = Map.of("rates", "1000,10000", "duration", "20s", "symbols",
			"100");

	@Test
	void defaultsApplyAndArgumentsOverrideThem() {
		HarnessArguments arguments = HarnessArguments.parse(new String[] { "--duration=500ms" }, DEFAULTS);
		assertThat(arguments.duration("duration")).isEqualTo(Duration.ofMillis(500));
		assertThat(arguments.ints("rates")).containsExactly(1000, 10000);
		assertThat(arguments.intValue("symbols")).isEqualTo(100);
	}

	@Test
	void unknownOrMalformedArgumentsAreNamed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HarnessArguments.parse(new String[] { "--rate=5" }, DEFAULTS))
			.withMessageContaining("'--rate'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> HarnessArguments.parse(new String[] { "rates" }, DEFAULTS))
			.withMessageContaining("'rates' is not --name=value");
		HarnessArguments arguments = HarnessArguments.parse(new String[] { "--symbols=many" }, DEFAULTS);
		assertThatIllegalArgumentException().isThrownBy(() -> arguments.intValue("symbols"))
			.withMessageContaining("'--symbols'")
			.withMessageContaining("'many'");
	}

	@Test
	void percentilesAreNearestRank() {
		long[] samples = new long[1000];
		for (int i = 0; i < samples.length; i++) {
			samples[i] = 1000 - i;
		}
		Percentiles percentiles = Percentiles.of(samples, samples.length);
		assertThat(percentiles.p50()).isEqualTo(500);
		assertThat(percentiles.p99()).isEqualTo(990);
		assertThat(percentiles.p999()).isEqualTo(999);
		assertThat(percentiles.max()).isEqualTo(1000);
		assertThat(Percentiles.of(new long[0], 0).count()).isZero();
	}

}
