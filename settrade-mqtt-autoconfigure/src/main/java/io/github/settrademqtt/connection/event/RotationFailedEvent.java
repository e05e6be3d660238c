package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.connection.RotationFailure;
import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a rotation could not replace the connection: the current one keeps
 * delivering, and the rotation is tried again after {@link RotationFailure#retryIn()},
 * for as long as that connection lives.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class RotationFailedEvent extends SettradeMqttEvent {

	private final long epoch;

	private final RotationFailure failure;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param epoch the epoch of the connection that keeps delivering
	 * @param failure why the rotation failed and when it is tried again
	 */
	public RotationFailedEvent(Object source, long epoch, RotationFailure failure) {
		super(source);
		this.epoch = epoch;
		this.failure = failure;
	}

	/**
	 * Return the epoch of the connection that keeps delivering.
	 * @return the epoch
	 */
	public long getEpoch() {
		return this.epoch;
	}

	/**
	 * Return why the rotation failed and when it is tried again.
	 * @return the failure
	 */
	public RotationFailure getFailure() {
		return this.failure;
	}

	@Override
	protected String describe() {
		return "epoch=" + this.epoch + ", reason=" + this.failure.reason() + ", retryIn=" + this.failure.retryIn();
	}

}
