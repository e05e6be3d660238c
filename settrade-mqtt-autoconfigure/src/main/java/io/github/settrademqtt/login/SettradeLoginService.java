package io.github.settrademqtt.login;

/**
 * Keeps the application logged in to the Settrade Open API and hands out dispatcher
 * tickets for MQTT connections. Declare a bean of this type to replace the starter's.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see DefaultSettradeLoginService
 */
public interface SettradeLoginService {

	/**
	 * Return a valid access token, logging in or refreshing first when there is none or
	 * it has expired. Concurrent callers share one login.
	 * @return the access token
	 * @throws SettradeApiException if no token can be obtained
	 */
	AccessToken accessToken();

	/**
	 * Replace the access token now: refresh it, or log in again when the refresh fails.
	 * Callers that arrive while another renewal is under way share its result.
	 * @return the new access token
	 * @throws SettradeApiException if no token can be obtained
	 */
	AccessToken renewAccessToken();

	/**
	 * Obtain a dispatcher ticket for one new MQTT connection. When the dispatcher says
	 * the access token is stale (401), the token is renewed and the ticket asked for once
	 * more.
	 * @return a ticket never handed out before
	 * @throws SettradeApiException if no ticket can be obtained
	 */
	DispatcherTicket dispatcherTicket();

}
