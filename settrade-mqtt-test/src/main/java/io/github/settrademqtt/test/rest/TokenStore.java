package io.github.settrademqtt.test.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.test.rest.AppRegistry.RegisteredApp;

/**
 * Access and refresh tokens issued by the simulator, with their expiry on the simulator
 * clock.
 *
 * @author settrade-mqtt
 */
public final class TokenStore {

	private final Clock clock;

	private final Duration accessTokenLifetime;

	private final Duration refreshTokenLifetime;

	private final IssuedSecrets secrets;

	private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();

	public TokenStore(Clock clock, Duration accessTokenLifetime, Duration refreshTokenLifetime, IssuedSecrets secrets) {
		this.clock = clock;
		this.accessTokenLifetime = accessTokenLifetime;
		this.refreshTokenLifetime = refreshTokenLifetime;
		this.secrets = secrets;
	}

	/**
	 * Issues a new access and refresh token pair to an application.
	 * @param app the application
	 * @return the new tokens
	 */
	IssuedTokens issue(RegisteredApp app) {
		Instant now = this.clock.instant();
		String accessToken = this.secrets.issue("at-");
		String refreshToken = this.secrets.issue("rt-");
		this.accessTokens.put(accessToken, new Grant(app, now, now.plus(this.accessTokenLifetime)));
		this.refreshTokens.put(refreshToken, new Grant(app, now, now.plus(this.refreshTokenLifetime)));
		return new IssuedTokens(accessToken, refreshToken, this.accessTokenLifetime, this.refreshTokenLifetime);
	}

	/**
	 * Exchanges a refresh token for a new token pair. The refresh token is used up
	 * (rotated), so a client holding on to an old one finds out.
	 * @param refreshToken the refresh token presented
	 * @param app the application presenting it
	 * @return the new tokens, or empty when the refresh token is unknown, expired, used
	 * or belongs to another application
	 */
	Optional<IssuedTokens> refresh(String refreshToken, RegisteredApp app) {
		Grant grant = this.refreshTokens.get(refreshToken);
		if (grant == null || !grant.app().appId().equals(app.appId()) || isExpired(grant)
				|| !this.refreshTokens.remove(refreshToken, grant)) {
			return Optional.empty();
		}
		return Optional.of(issue(app));
	}

	/**
	 * Finds the grant of a valid access token.
	 * @param accessToken the access token presented
	 * @return the grant, or empty when the token is unknown, revoked or expired
	 */
	Optional<Grant> findValidAccessToken(String accessToken) {
		return Optional.ofNullable(this.accessTokens.get(accessToken)).filter((grant) -> !isExpired(grant));
	}

	/**
	 * Revokes every access token issued so far.
	 */
	public void revokeAccessTokens() {
		this.accessTokens.clear();
	}

	private boolean isExpired(Grant grant) {
		return !this.clock.instant().isBefore(grant.expiresAt());
	}

	/**
	 * Which application a token was issued to and until when it is valid.
	 *
	 * @param app the application
	 * @param issuedAt when the token was issued
	 * @param expiresAt when the token expires
	 */
	record Grant(RegisteredApp app, Instant issuedAt, Instant expiresAt) {

	}

	/**
	 * A freshly issued token pair.
	 *
	 * @param accessToken the access token
	 * @param refreshToken the refresh token
	 * @param expiresIn the access token's lifetime
	 * @param refreshExpiresIn the refresh token's lifetime
	 */
	record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, Duration refreshExpiresIn) {

		@Override
		public String toString() {
			return "IssuedTokens[accessToken=" + IssuedSecrets.mask(this.accessToken) + ", refreshToken="
					+ IssuedSecrets.mask(this.refreshToken) + ", expiresIn=" + this.expiresIn + "]";
		}

	}

}
