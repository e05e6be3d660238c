package io.github.settrademqtt.connection;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the Settrade MQTT connection cannot be established and the application
 * asked to fail rather than keep trying ({@code settrade.mqtt.fail-fast=true}).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeConnectionException extends RuntimeException {

	/**
	 * Create a new exception.
	 * @param message the message
	 * @param cause why the connection failed, if known
	 */
	public SettradeConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
