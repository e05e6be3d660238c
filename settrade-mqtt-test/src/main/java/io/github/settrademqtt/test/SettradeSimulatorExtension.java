package io.github.settrademqtt.test;

import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit Jupiter extension that runs a {@link SettradeSimulator} with one registered app.
 * <p>
 * As a static field, one simulator serves the whole test class: <pre class="code">
 * &#064;RegisterExtension
 * static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();
 * </pre> As an instance field each test gets its own simulator. With
 * {@code @ExtendWith(SettradeSimulatorExtension.class)} the simulator and app are
 * injected as {@link SettradeSimulator} and {@link SimulatedApp} parameters (of test
 * methods, lifecycle methods and constructors). Before each test the simulator is
 * {@linkplain SettradeSimulator#reset() reset}, so faults and counters never leak from
 * one test into the next.
 * <p>
 * The reset makes tests of one class share state through the simulator: do not run them
 * concurrently with each other.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeSimulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final Consumer<SettradeSimulator.Builder> customizer;

	private @Nullable SettradeSimulator simulator;

	private @Nullable SimulatedApp app;

	/**
	 * The context that started the simulator: only it stops it, so that nested test
	 * classes, which see the same extension instance, reuse the outer simulator.
	 */
	private @Nullable String ownerId;

	/**
	 * Creates an extension with a default simulator.
	 */
	public SettradeSimulatorExtension() {
		this((builder) -> {
		});
	}

	/**
	 * Creates an extension whose simulator is configured by {@code customizer}.
	 * @param customizer customizes the simulator builder (token lifetime, clock, broker
	 * id...)
	 */
	public SettradeSimulatorExtension(Consumer<SettradeSimulator.Builder> customizer) {
		this.customizer = Objects.requireNonNull(customizer, "'customizer' must not be null");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		startIfNeeded(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		// Registered on an instance field, the extension is not told about beforeAll
		startIfNeeded(context);
		simulator().reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stopIfOwner(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stopIfOwner(context);
	}

	private synchronized void startIfNeeded(ExtensionContext context) {
		if (this.simulator != null) {
			return;
		}
		SettradeSimulator.Builder builder = SettradeSimulator.builder();
		this.customizer.accept(builder);
		SettradeSimulator simulator = builder.build().start();
		this.simulator = simulator;
		this.app = simulator.registerApp();
		this.ownerId = context.getUniqueId();
	}

	private synchronized void stopIfOwner(ExtensionContext context) {
		if (this.simulator != null && context.getUniqueId().equals(this.ownerId)) {
			this.simulator.stop();
			this.simulator = null;
			this.app = null;
			this.ownerId = null;
		}
	}

	/**
	 * Returns the running simulator.
	 * @return the simulator
	 * @throws IllegalStateException outside a test's lifecycle
	 */
	public synchronized SettradeSimulator simulator() {
		if (this.simulator == null) {
			throw new IllegalStateException("Settrade simulator is not running outside a test's lifecycle");
		}
		return this.simulator;
	}

	/**
	 * Returns the app registered when the simulator started.
	 * @return the app credentials
	 * @throws IllegalStateException outside a test's lifecycle
	 */
	public synchronized SimulatedApp app() {
		if (this.app == null) {
			throw new IllegalStateException("Settrade simulator is not running outside a test's lifecycle");
		}
		return this.app;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == SettradeSimulator.class || type == SimulatedApp.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		try {
			return (parameterContext.getParameter().getType() == SettradeSimulator.class) ? simulator() : app();
		}
		catch (IllegalStateException ex) {
			throw new ParameterResolutionException(ex.getMessage(), ex);
		}
	}

}
