package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a rotation replaced the connection (before its token expired, on
 * request, or because it had gone silent), after the new connection's
 * {@link ConnectedEvent}. An overlap rotation has no gap; a restart has a short one.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 * @see RotationFailedEvent
 */
public class RotatedEvent extends SettradeMqttEvent {

	private final RotationOutcome outcome;

	private final SessionFacts facts;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param outcome how the rotation went
	 * @param facts the facts of the connection that delivers now
	 */
	public RotatedEvent(Object source, RotationOutcome outcome, SessionFacts facts) {
		super(source);
		this.outcome = outcome;
		this.facts = facts;
	}

	/**
	 * Return how the rotation went: its strategy, gap and how long it took.
	 * @return the outcome
	 */
	public RotationOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Return the facts of the connection that delivers now.
	 * @return the facts
	 */
	public SessionFacts getFacts() {
		return this.facts;
	}

	@Override
	protected String describe() {
		return "epoch=" + this.facts.epoch() + ", strategy=" + this.outcome.strategy() + ", gap=" + this.outcome.gap()
				+ ", took=" + this.outcome.took();
	}

}
