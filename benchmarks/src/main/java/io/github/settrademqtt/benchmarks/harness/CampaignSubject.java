package io.github.settrademqtt.benchmarks.harness;

import java.util.List;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.jspecify.annotations.Nullable;

/**
 * A client a {@link FaultCampaign} runs against: the starter with one rotation strategy
 * or another, or a bare Paho client. It subscribes to the campaign's order-book topics
 * and records what it receives in two logs: what arrives from the broker (the starter's
 * raw channel) and what reaches the application (a listener).
 *
 * @author settrade-mqtt
 */
public interface CampaignSubject extends AutoCloseable {

	/**
	 * Return the name the report shows.
	 * @return the name
	 */
	String name();

	/**
	 * Return whether a fault kind applies to this client.
	 * @param fault the kind
	 * @return whether it applies
	 */
	boolean supports(Fault fault);

	/**
	 * Return whether the client replaces its connection make-before-break, so that faults
	 * at a rotation must cost nothing.
	 * @return whether it does
	 */
	boolean makeBeforeBreak();

	/**
	 * Return the connection steps this client runs in normal operation, those an injected
	 * exception is sure to meet.
	 * @return step names, empty when it has no step hook
	 */
	List<String> routineSteps();

	/**
	 * Connect and subscribe.
	 * @param settings the campaign's settings
	 * @param simulator the simulator
	 * @param app the app whose credentials to use
	 * @param raw where to record what arrives from the broker
	 * @param delivered where to record what reaches the application
	 * @throws Exception when the client cannot start
	 */
	void start(CampaignSettings settings, SettradeSimulator simulator, SimulatedApp app, ArrivalLog raw,
			ArrivalLog delivered) throws Exception;

	/**
	 * Return the number of the connection that delivers, which grows with each new one.
	 * @return the number, {@code 0} when none delivers
	 */
	long connection();

	/**
	 * Return when the connection that delivers is next replaced: when the starter's
	 * rotation is due, or for a client that does not rotate, when the service closes it
	 * because its token expires.
	 * @return the moment on {@link System#nanoTime()}, {@code 0} when unknown
	 */
	long nextRotationNanos();

	/**
	 * Return the starter's application.
	 * @return the application, or {@code null} for a client that is not the starter
	 */
	@Nullable StarterFeed feed();

}
