package io.github.settrademqtt.connection.event;

import java.time.Duration;

import io.github.settrademqtt.connection.ConnectionStep;

/**
 * Published when a connection attempt failed because Settrade rejected the credentials
 * (the login, or the token at the dispatcher). They do not get better by asking often:
 * after a few in a row the connection tries only on its slowest back-off and its state is
 * {@code AUTH_FAILED}. Check {@code settrade.mqtt.app-*}.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class AuthenticationFailedEvent extends ConnectionFailedEvent {

	/**
	 * Create an event.
	 * @param source the connection
	 * @param step the step that failed
	 * @param reason why, in words
	 * @param cause what the step threw
	 * @param retryIn how long until the next attempt
	 */
	public AuthenticationFailedEvent(Object source, ConnectionStep step, String reason, Throwable cause,
			Duration retryIn) {
		super(source, step, reason, cause, retryIn);
	}

}
