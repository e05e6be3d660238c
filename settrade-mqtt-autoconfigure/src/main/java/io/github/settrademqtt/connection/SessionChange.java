package io.github.settrademqtt.connection;

/**
 * Why the connection that delivers a message took over from the one before it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum SessionChange {

	/**
	 * The first connection since start-up.
	 */
	INITIAL,

	/**
	 * A planned replacement before the token expired.
	 */
	ROTATION,

	/**
	 * A recovery after the connection was lost.
	 */
	RECOVERY

}
