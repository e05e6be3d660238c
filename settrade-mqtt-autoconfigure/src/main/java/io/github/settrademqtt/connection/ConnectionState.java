package io.github.settrademqtt.connection;

/**
 * The state of the Settrade MQTT connection.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum ConnectionState {

	/**
	 * Opening the first connection.
	 */
	CONNECTING,

	/**
	 * Connected, with every subscription sent.
	 */
	CONNECTED,

	/**
	 * Connected and replacing the connection before its token expires.
	 */
	ROTATING,

	/**
	 * Not connected after a loss or a failed attempt; trying again with back-off.
	 */
	RECONNECTING,

	/**
	 * Settrade keeps rejecting the credentials; still trying, at the slowest pace.
	 */
	AUTH_FAILED,

	/**
	 * Stopped.
	 */
	STOPPED;

	/**
	 * Return whether a connection is delivering in this state: {@link #CONNECTED} or
	 * {@link #ROTATING}.
	 * @return whether connected
	 */
	public boolean isConnected() {
		return this == CONNECTED || this == ROTATING;
	}

}
