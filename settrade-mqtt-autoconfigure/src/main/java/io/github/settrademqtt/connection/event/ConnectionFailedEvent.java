package io.github.settrademqtt.connection.event;

import java.time.Duration;

import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when an attempt to connect failed (at start-up, after a loss, or when a
 * restart rotation connects anew); the next attempt follows after {@link #getRetryIn()}.
 * Like Spring Integration's {@code MqttConnectionFailedEvent}. Credentials Settrade
 * rejected are an {@link AuthenticationFailedEvent}.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class ConnectionFailedEvent extends SettradeMqttEvent {

	private final ConnectionStep step;

	private final String reason;

	private final Throwable cause;

	private final Duration retryIn;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param step the step that failed
	 * @param reason why, in words
	 * @param cause what the step threw
	 * @param retryIn how long until the next attempt
	 */
	public ConnectionFailedEvent(Object source, ConnectionStep step, String reason, Throwable cause, Duration retryIn) {
		super(source);
		this.step = step;
		this.reason = reason;
		this.cause = cause;
		this.retryIn = retryIn;
	}

	/**
	 * Return the step of the attempt that failed.
	 * @return the step
	 */
	public ConnectionStep getStep() {
		return this.step;
	}

	/**
	 * Return why the attempt failed.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return what the step threw.
	 * @return the cause
	 */
	public Throwable getCause() {
		return this.cause;
	}

	/**
	 * Return how long until the next attempt.
	 * @return the delay
	 */
	public Duration getRetryIn() {
		return this.retryIn;
	}

	@Override
	protected String describe() {
		return "step=" + this.step + ", reason=" + this.reason + ", retryIn=" + this.retryIn;
	}

}
