package io.github.settrademqtt.login.event;

import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a renewal of the access token ends, well or not: with the refresh token,
 * by a new login (the first one included), or by failing. A failed renewal is retried by
 * whoever needed the token (the connection, on its back-off).
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class TokenRenewedEvent extends SettradeMqttEvent {

	private final Outcome outcome;

	/**
	 * Create an event.
	 * @param source the login service
	 * @param outcome how the renewal went
	 */
	public TokenRenewedEvent(Object source, Outcome outcome) {
		super(source);
		this.outcome = outcome;
	}

	/**
	 * Return how the renewal went.
	 * @return the outcome
	 */
	public Outcome getOutcome() {
		return this.outcome;
	}

	@Override
	protected String describe() {
		return "outcome=" + this.outcome;
	}

	/**
	 * How a renewal went.
	 */
	public enum Outcome {

		/**
		 * The refresh token gave a new access token.
		 */
		REFRESHED("refreshed"),

		/**
		 * A login gave a new access token: the first one, or after the refresh token was
		 * refused or missing.
		 */
		LOGGED_IN("logged-in"),

		/**
		 * Neither worked.
		 */
		FAILURE("failure");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		/**
		 * Return the outcome as the {@code outcome} tag of the
		 * {@code settrade.mqtt.token.refreshes} meter writes it.
		 * @return the tag value
		 */
		public String tag() {
			return this.tag;
		}

	}

}
