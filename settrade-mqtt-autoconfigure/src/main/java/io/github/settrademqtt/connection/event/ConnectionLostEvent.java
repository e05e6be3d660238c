package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.event.SettradeMqttEvent;
import org.jspecify.annotations.Nullable;

/**
 * Published when the connection that was delivering is gone (closed by the server,
 * dropped, or found half-open) and nothing delivers until a new one takes over; the
 * connection reconnects on its back-off and publishes a {@link RecoveredEvent} then. Not
 * published for a connection that a rotation closes on purpose.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class ConnectionLostEvent extends SettradeMqttEvent {

	private final long epoch;

	private final String reason;

	private final @Nullable Throwable cause;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param epoch the epoch of the connection that was lost
	 * @param reason why, in words
	 * @param cause what the MQTT client reported, if anything
	 */
	public ConnectionLostEvent(Object source, long epoch, String reason, @Nullable Throwable cause) {
		super(source);
		this.epoch = epoch;
		this.reason = reason;
		this.cause = cause;
	}

	/**
	 * Return the epoch of the connection that was lost.
	 * @return the epoch
	 */
	public long getEpoch() {
		return this.epoch;
	}

	/**
	 * Return why the connection was lost.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return what the MQTT client reported.
	 * @return the cause, or {@code null} when the server closed the connection
	 */
	public @Nullable Throwable getCause() {
		return this.cause;
	}

	@Override
	protected String describe() {
		return "epoch=" + this.epoch + ", reason=" + this.reason;
	}

}
