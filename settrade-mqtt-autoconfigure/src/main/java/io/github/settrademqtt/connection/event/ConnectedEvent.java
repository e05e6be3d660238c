package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a connection starts delivering: the first one, and every one that takes
 * over later (after a rotation or a loss). Its {@link SessionFacts} are those every
 * message it delivers carries.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 * @see RotatedEvent
 * @see RecoveredEvent
 */
public class ConnectedEvent extends SettradeMqttEvent {

	private final SessionFacts facts;

	private final boolean handOver;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param facts the facts of the connection that delivers now
	 * @param handOver whether it took over from a connection that was still delivering
	 */
	public ConnectedEvent(Object source, SessionFacts facts, boolean handOver) {
		super(source);
		this.facts = facts;
		this.handOver = handOver;
	}

	/**
	 * Return the facts of the connection that delivers now.
	 * @return the facts
	 */
	public SessionFacts getFacts() {
		return this.facts;
	}

	/**
	 * Return whether this connection was opened beside one that was still delivering and
	 * took over from it (an overlap rotation, or the replacement of a silent connection),
	 * rather than opened as the first or after the one before was gone. Only the latter
	 * are connection attempts of {@link ConnectionFailedEvent}'s kind.
	 * @return whether delivery was handed over
	 */
	public boolean isHandOver() {
		return this.handOver;
	}

	@Override
	protected String describe() {
		return "epoch=" + this.facts.epoch() + ", change=" + this.facts.change() + ", gap=" + this.facts.gap()
				+ ", handOver=" + this.handOver;
	}

}
