package io.github.settrademqtt.connection;

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
	 */
	public SettradeConnectionException(String message) {
		super(message);
	}

}
