package io.github.settrademqtt.login;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An Open API access token with its refresh token.
 * <p>
 * The expiry is kept on the monotonic clock ({@link System#nanoTime()}), so a wall clock
 * that jumps cannot make a token look fresh or stale. {@link #toString()} masks both
 * tokens.
 *
 * @param value the access token
 * @param refreshToken the refresh token, if the service issued one
 * @param tokenType the token type, normalised to 'Bearer' when the service sent it in
 * another case
 * @param lifetime the lifetime the service granted ({@code expires_in})
 * @param obtainedAtNanos the monotonic time the token was received
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record AccessToken(String value, @Nullable String refreshToken, String tokenType, Duration lifetime,
		long obtainedAtNanos) {

	public AccessToken {
		Assert.hasText(value, "'value' must not be empty");
		Assert.hasText(tokenType, "'tokenType' must not be empty");
		Assert.notNull(lifetime, "'lifetime' must not be null");
	}

	/**
	 * Return the monotonic time at which this token expires.
	 * @return the expiry in {@link System#nanoTime()} terms
	 */
	public long expiresAtNanos() {
		return this.obtainedAtNanos + this.lifetime.toNanos();
	}

	/**
	 * Return how long this token remains valid.
	 * @param nowNanos the current monotonic time
	 * @return the remaining lifetime, negative once expired
	 */
	public Duration remaining(long nowNanos) {
		return Duration.ofNanos(expiresAtNanos() - nowNanos);
	}

	/**
	 * Return whether this token has expired.
	 * @param nowNanos the current monotonic time
	 * @return {@code true} once the lifetime has passed
	 */
	public boolean isExpired(long nowNanos) {
		return expiresAtNanos() - nowNanos <= 0;
	}

	/**
	 * Return the value of an {@code Authorization} header carrying this token.
	 * @return the header value
	 */
	public String authorization() {
		return this.tokenType + " " + this.value;
	}

	@Override
	public String toString() {
		return "AccessToken[tokenType=" + this.tokenType + ", lifetime=" + this.lifetime + ", value=******, "
				+ "refreshToken=" + ((this.refreshToken != null) ? "******" : "none") + "]";
	}

}
