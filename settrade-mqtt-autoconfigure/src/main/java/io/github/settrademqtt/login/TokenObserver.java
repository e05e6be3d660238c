package io.github.settrademqtt.login;

/**
 * Told how each renewal of the access token went, for metrics. Implementations must be
 * quick and must not throw.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface TokenObserver {

	/**
	 * An observer that ignores everything.
	 */
	TokenObserver NONE = (outcome) -> {
	};

	/**
	 * A renewal ended.
	 * @param outcome {@code refreshed} (with the refresh token), {@code logged-in} (a new
	 * login, the first one included) or {@code failure}
	 */
	void tokenRenewed(String outcome);

}
