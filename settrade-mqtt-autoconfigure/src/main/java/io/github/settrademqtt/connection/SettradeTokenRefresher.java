package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.settrademqtt.login.AccessToken;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.support.FixedDelayLifecycle;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Keeps the feed ahead of token expiry. On a fixed delay it compares the remaining life
 * of the token behind the current connection with {@code token-refresh-before-expiry};
 * when due it renews the access token (refresh, or a new login) and asks the
 * {@link SettradeMqttConnection} to replace the connection, which fetches a ticket with
 * the new token. While no connection is open it does nothing: the connection's recovery
 * logs in as needed, at its own back-off.
 * <p>
 * A token that lives less than twice the margin would be due again as soon as it is
 * renewed, and replace the connection every few seconds for ever: the margin is capped at
 * half the token's lifetime instead, and a warning names the setting once.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeTokenRefresher extends FixedDelayLifecycle {

	private static final Log logger = LogFactory.getLog(SettradeTokenRefresher.class);

	private final SettradeLoginService loginService;

	private final SettradeMqttConnection connection;

	private final Duration refreshBeforeExpiry;

	private final LongSupplier nanoClock = System::nanoTime;

	private volatile @Nullable Duration warnedLifetime;

	/**
	 * Create a refresher.
	 * @param loginService the login service
	 * @param connection the connection to rotate
	 * @param refreshBeforeExpiry how long before expiry to act
	 */
	public SettradeTokenRefresher(SettradeLoginService loginService, SettradeMqttConnection connection,
			Duration refreshBeforeExpiry) {
		super("settrade-mqtt-token-", checkInterval(refreshBeforeExpiry));
		Assert.notNull(loginService, "'loginService' must not be null");
		Assert.notNull(connection, "'connection' must not be null");
		Assert.isTrue(!refreshBeforeExpiry.isNegative() && !refreshBeforeExpiry.isZero(),
				"'refreshBeforeExpiry' must be positive");
		this.loginService = loginService;
		this.connection = connection;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
	}

	/**
	 * A quarter of the margin leaves the rotation most of it; never busier than 10/s.
	 */
	private static Duration checkInterval(Duration refreshBeforeExpiry) {
		return clamp(refreshBeforeExpiry.dividedBy(4), Duration.ofMillis(100), Duration.ofSeconds(5));
	}

	/**
	 * Return the phase, {@link SettradeMqttPhases#TOKEN_REFRESHER}: the first of the
	 * feed's lifecycle beans to start and the last to stop.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SettradeMqttPhases.TOKEN_REFRESHER;
	}

	/**
	 * Renew the token and rotate the connection if due.
	 */
	@Override
	protected void check() {
		try {
			SessionFacts facts = this.connection.getSessionFacts();
			Long connectionExpiry = this.connection.getTicketExpiresAtNanos();
			if (facts == null || connectionExpiry == null || !isDue(connectionExpiry, this.refreshBeforeExpiry)
					|| this.connection.getState() != ConnectionState.CONNECTED) {
				return;
			}
			AccessToken token = this.loginService.accessToken();
			Duration margin = effectiveMargin(token.lifetime());
			if (!isDue(connectionExpiry, margin)) {
				return;
			}
			if (isDue(token.expiresAtNanos(), margin)) {
				this.loginService.renewAccessToken();
			}
			this.connection.rotate(facts.epoch());
		}
		catch (RuntimeException ex) {
			logger.warn("Settrade token refresh failed; trying again in " + getInterval().toMillis() + " ms: "
					+ ex.getMessage());
		}
	}

	/**
	 * Return the margin to act on: the configured one, or half the token's lifetime when
	 * that is shorter.
	 */
	Duration effectiveMargin(Duration lifetime) {
		Duration half = lifetime.dividedBy(2);
		if (half.isNegative() || half.isZero() || this.refreshBeforeExpiry.compareTo(half) <= 0) {
			return this.refreshBeforeExpiry;
		}
		if (!lifetime.equals(this.warnedLifetime)) {
			this.warnedLifetime = lifetime;
			logger.warn("Settrade access tokens live " + lifetime.toSeconds()
					+ " s, less than twice settrade.mqtt.token-refresh-before-expiry ("
					+ this.refreshBeforeExpiry.toSeconds() + " s): the connection is replaced " + half.toMillis()
					+ " ms before its token expires instead, half the token's lifetime");
		}
		return half;
	}

	private boolean isDue(long expiresAtNanos, Duration margin) {
		return expiresAtNanos - this.nanoClock.getAsLong() <= margin.toNanos();
	}

}
