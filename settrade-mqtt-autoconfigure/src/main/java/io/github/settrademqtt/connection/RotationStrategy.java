package io.github.settrademqtt.connection;

/**
 * How the connection is replaced before its token expires.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum RotationStrategy {

	/**
	 * Open the new connection, wait until it is subscribed and its stream lines up with
	 * the old one's, hand delivery over, then close the old one: no gap, no duplicate.
	 */
	OVERLAP,

	/**
	 * Close the old connection, then open the new one (the seed client's way): a short
	 * gap in which messages are lost.
	 */
	RESTART

}
