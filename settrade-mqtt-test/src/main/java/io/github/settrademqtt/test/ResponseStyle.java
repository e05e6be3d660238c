package io.github.settrademqtt.test;

/**
 * Shapes of successful responses seen from different Settrade deployments and clients.
 * Clients are expected to accept all of them; the simulator serves one at a time.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeSimulator#responseStyle(ResponseStyle)
 */
public enum ResponseStyle {

	/**
	 * Snake-case field names ({@code access_token}, {@code expires_in}) and token type
	 * {@code Bearer}: what the live service sends.
	 */
	SNAKE_CASE,

	/**
	 * Camel-case field names ({@code accessToken}, {@code expiresIn}).
	 */
	CAMEL_CASE,

	/**
	 * Snake-case fields wrapped in a {@code {"data": {...}}} envelope.
	 */
	DATA_WRAPPED,

	/**
	 * Snake-case field names with the token type in lower case ({@code bearer}).
	 */
	LOWER_CASE_BEARER

}
