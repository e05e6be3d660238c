package io.github.settrademqtt.test;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeSimulatorExtension} declared with {@code @ExtendWith}: the
 * simulator and app come in as parameters.
 */
@ExtendWith(SettradeSimulatorExtension.class)
class SettradeSimulatorExtensionExtendWithTests {

	private static SettradeSimulator started;

	private final SimulatedApp constructorApp;

	SettradeSimulatorExtensionExtendWithTests(SimulatedApp app) {
		this.constructorApp = app;
	}

	@BeforeAll
	static void captureSimulator(SettradeSimulator simulator) {
		started = simulator;
	}

	@Test
	void testMethodsReceiveTheSimulatorAndApp(SettradeSimulator simulator, SimulatedApp app) {
		assertThat(simulator).isSameAs(started);
		assertThat(app).isEqualTo(this.constructorApp);
		assertThat(SettradeTestClient.trusting(simulator).login(app).statusCode()).isEqualTo(200);
	}

	@AfterAll
	static void theSimulatorStopsAfterTheClass() {
		// afterAll callbacks of extensions run after the class's own @AfterAll methods
		assertThat(started.isRunning()).isTrue();
	}

	@Nested
	class NestedTests {

		@Test
		void nestedTestsShareTheOuterSimulator(SettradeSimulator simulator) {
			assertThat(simulator).isSameAs(started);
			assertThat(simulator.isRunning()).isTrue();
		}

	}

}
