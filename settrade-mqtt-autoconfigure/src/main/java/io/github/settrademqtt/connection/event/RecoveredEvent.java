package io.github.settrademqtt.connection.event;

import java.time.Duration;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a new connection delivers after the one before was lost, right after its
 * {@link ConnectedEvent}. Messages may be missing from the {@link #getGap() gap}:
 * Settrade replays nothing.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 * @see ConnectionLostEvent
 */
public class RecoveredEvent extends SettradeMqttEvent {

	private final SessionFacts facts;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param facts the facts of the connection that recovered the feed
	 */
	public RecoveredEvent(Object source, SessionFacts facts) {
		super(source);
		this.facts = facts;
	}

	/**
	 * Return the facts of the connection that recovered the feed.
	 * @return the facts
	 */
	public SessionFacts getFacts() {
		return this.facts;
	}

	/**
	 * Return how long no connection was delivering.
	 * @return the gap
	 */
	public Duration getGap() {
		return this.facts.gap();
	}

	@Override
	protected String describe() {
		return "epoch=" + this.facts.epoch() + ", gap=" + this.facts.gap();
	}

}
