package io.github.settrademqtt.connection;

/**
 * Called before each {@link ConnectionStep}: the seam fault-injection tests use to make
 * any step fail, to check that the feed heals whatever a step throws.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeMqttConnection#setStepHook(StepHook)
 */
@FunctionalInterface
public interface StepHook {

	/**
	 * A hook that does nothing.
	 */
	StepHook NONE = (step) -> {
	};

	/**
	 * Called before a step runs, on the thread that runs it.
	 * @param step the step
	 */
	void before(ConnectionStep step);

}
