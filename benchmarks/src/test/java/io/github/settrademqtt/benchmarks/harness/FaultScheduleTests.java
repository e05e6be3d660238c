package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import io.github.settrademqtt.benchmarks.harness.FaultSchedule.PlannedFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultScheduleTests {

	@Test
	void aSeedGivesTheSameScheduleEveryTime() {
		assertThat(schedule(42, 30)).isEqualTo(schedule(42, 30)).isNotEqualTo(schedule(43, 30));
	}

	@Test
	void everyKindComesOnceARoundWithinTheBounds() {
		List<PlannedFault> faults = schedule(7, 3 * Fault.values().length);
		for (int round = 1; round <= 3; round++) {
			int current = round;
			assertThat(faults.stream().filter((fault) -> fault.round() == current).map(PlannedFault::fault))
				.containsExactlyInAnyOrder(Fault.values());
		}
		assertThat(faults).extracting(PlannedFault::number)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, faults.size()).boxed().toList());
		assertThat(faults).allSatisfy((fault) -> {
			assertThat(fault.gap()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(4));
			assertThat(fault.length()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
			assertThat(fault.count()).isBetween(1, 2);
			assertThat(fault.pick(List.of("a", "b", "c"))).isIn("a", "b", "c");
		});
	}

	@Test
	void faultsAreNamedOnTheCommandLineByTheirLabels() {
		assertThat(Fault.parse("all")).containsExactly(Fault.values());
		assertThat(Fault.parse("step-exception, drop-all")).containsExactly(Fault.DROP_ALL, Fault.STEP_EXCEPTION);
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("drop-some"))
			.withMessageContaining("'drop-some'");
	}

	private static List<PlannedFault> schedule(long seed, int count) {
		FaultSchedule schedule = new FaultSchedule(seed, List.of(Fault.values()), Duration.ofSeconds(1),
				Duration.ofSeconds(4));
		return IntStream.range(0, count).mapToObj((i) -> schedule.next()).toList();
	}

}
