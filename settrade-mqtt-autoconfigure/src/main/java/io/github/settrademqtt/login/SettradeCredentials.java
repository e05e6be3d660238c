package io.github.settrademqtt.login;

import java.net.URI;

import org.springframework.util.Assert;

/**
 * Where and as whom to log in to the Settrade Open API. It holds no secret: signing is
 * the {@link SettradeSigner}'s job.
 *
 * @param baseUrl the Open API base URL
 * @param brokerId the broker id as sent on the wire ('098' for the sandbox)
 * @param appId the app id (API key)
 * @param appCode the app code
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record SettradeCredentials(URI baseUrl, String brokerId, String appId, String appCode) {

	public SettradeCredentials {
		Assert.notNull(baseUrl, "'baseUrl' must not be null");
		Assert.hasText(brokerId, "'brokerId' must not be empty");
		Assert.hasText(appId, "'appId' must not be empty");
		Assert.hasText(appCode, "'appCode' must not be empty");
	}

}
