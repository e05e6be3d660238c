package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.connection.StepHook;

/**
 * Step hooks that inject a failure into the starter's connection.
 *
 * @author settrade-mqtt
 */
public final class StepHooks {

	private StepHooks() {
	}

	/**
	 * Return the names of the connection's steps.
	 * @return the names, in declaration order
	 */
	public static List<String> steps() {
		return Arrays.stream(ConnectionStep.values()).map(ConnectionStep::name).toList();
	}

	/**
	 * Return a hook that throws once, before the first run of a step.
	 * @param step the step's name, one of {@link #steps()}
	 * @param thrown told {@link System#nanoTime()} when it throws
	 * @return the hook
	 */
	public static StepHook throwingOnce(String step, LongConsumer thrown) {
		if (!steps().contains(step)) {
			throw new IllegalArgumentException("No connection step '" + step + "'; known: " + steps());
		}
		ConnectionStep target = ConnectionStep.valueOf(step);
		AtomicBoolean armed = new AtomicBoolean(true);
		return (current) -> {
			if (current == target && armed.compareAndSet(true, false)) {
				thrown.accept(System.nanoTime());
				throw new IllegalStateException("Injected by the fault campaign before " + step);
			}
		};
	}

}
