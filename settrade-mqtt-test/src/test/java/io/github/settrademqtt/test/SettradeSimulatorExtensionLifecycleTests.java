package io.github.settrademqtt.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Drives {@link SettradeSimulatorExtension}'s callbacks directly, to check when the
 * simulator starts and stops.
 */
class SettradeSimulatorExtensionLifecycleTests {

	@Test
	void classLevelRegistrationStopsAfterAllAndNotAfterEach() {
		SettradeSimulatorExtension extension = new SettradeSimulatorExtension();
		ExtensionContext classContext = context("[class:Example]");
		ExtensionContext methodContext = context("[class:Example]/[method:test()]");
		extension.beforeAll(classContext);
		SettradeSimulator simulator = extension.simulator();
		extension.beforeEach(methodContext);
		extension.afterEach(methodContext);
		assertThat(simulator.isRunning()).isTrue();
		extension.afterAll(classContext);
		assertThat(simulator.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(extension::simulator);
		assertThatIllegalStateException().isThrownBy(extension::app);
	}

	@Test
	void nestedClassesDoNotStopTheOuterSimulator() {
		SettradeSimulatorExtension extension = new SettradeSimulatorExtension();
		ExtensionContext outer = context("[class:Outer]");
		ExtensionContext nested = context("[class:Outer]/[nested-class:Inner]");
		extension.beforeAll(outer);
		SettradeSimulator simulator = extension.simulator();
		extension.beforeAll(nested);
		extension.afterAll(nested);
		assertThat(extension.simulator()).isSameAs(simulator);
		assertThat(simulator.isRunning()).isTrue();
		extension.afterAll(outer);
		assertThat(simulator.isRunning()).isFalse();
	}

	@Test
	void methodLevelRegistrationStartsBeforeEachAndStopsAfterEach() {
		SettradeSimulatorExtension extension = new SettradeSimulatorExtension();
		ExtensionContext methodContext = context("[class:Example]/[method:test()]");
		extension.beforeEach(methodContext);
		SettradeSimulator simulator = extension.simulator();
		assertThat(simulator.isRunning()).isTrue();
		assertThat(extension.app().brokerId()).isEqualTo("063");
		extension.afterEach(methodContext);
		assertThat(simulator.isRunning()).isFalse();
	}

	private static ExtensionContext context(String uniqueId) {
		ExtensionContext context = mock(ExtensionContext.class);
		given(context.getUniqueId()).willReturn(uniqueId);
		return context;
	}

}
