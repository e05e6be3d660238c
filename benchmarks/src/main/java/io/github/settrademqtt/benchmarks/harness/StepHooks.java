package io.github.settrademqtt.benchmarks.harness;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import io.github.settrademqtt.connection.StepHook;

/**
 * Step hooks that inject a failure. The connection's steps are named by their
 * {@code ConnectionStep} constant: that enum is not public, so a hook outside the
 * starter's package can neither name it nor be written as a lambda; a dynamic proxy of
 * the public {@link StepHook} can.
 *
 * @author settrade-mqtt
 */
public final class StepHooks {

	private static final String STEPS = "io.github.settrademqtt.connection.ConnectionStep";

	private StepHooks() {
	}

	/**
	 * Return the names of the connection's steps.
	 * @return the names, in declaration order
	 */
	public static List<String> steps() {
		try {
			return Arrays.stream(Class.forName(STEPS, false, StepHook.class.getClassLoader()).getEnumConstants())
				.map(String::valueOf)
				.toList();
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("The starter has no " + STEPS, ex);
		}
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
		AtomicBoolean armed = new AtomicBoolean(true);
		InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
			case "before" -> {
				if (String.valueOf(args[0]).equals(step) && armed.compareAndSet(true, false)) {
					thrown.accept(System.nanoTime());
					throw new IllegalStateException("Injected by the fault campaign before " + step);
				}
				yield null;
			}
			case "equals" -> proxy == args[0];
			case "hashCode" -> System.identityHashCode(proxy);
			default -> "StepHook[throws once before " + step + "]";
		};
		return (StepHook) Proxy.newProxyInstance(StepHook.class.getClassLoader(), new Class<?>[] { StepHook.class },
				handler);
	}

}
