package io.github.settrademqtt.connection;

/**
 * Called before each {@link ConnectionStep}: the seam tests use to make any step fail.
 *
 * @author settrade-mqtt
 */
@FunctionalInterface
interface StepHook {

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
