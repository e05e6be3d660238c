package io.github.settrademqtt.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeSimulatorExtension} registered on an instance field: a
 * simulator per test, stopped after it.
 */
class SettradeSimulatorExtensionInstanceFieldTests {

	private static final List<SettradeSimulator> simulators = new CopyOnWriteArrayList<>();

	@RegisterExtension
	SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void firstTestGetsARunningSimulator() {
		recordAndCheck();
	}

	@Test
	void secondTestGetsARunningSimulator() {
		recordAndCheck();
	}

	private void recordAndCheck() {
		SettradeSimulator simulator = this.settrade.simulator();
		assertThat(simulator.isRunning()).isTrue();
		assertThat(SettradeTestClient.trusting(simulator).login(this.settrade.app()).statusCode()).isEqualTo(200);
		simulators.add(simulator);
	}

	@AfterAll
	static void eachTestHadItsOwnSimulatorAndAllAreStopped() {
		assertThat(simulators).hasSize(2).doesNotHaveDuplicates();
		assertThat(simulators).noneMatch(SettradeSimulator::isRunning);
	}

}
