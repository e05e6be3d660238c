package io.github.settrademqtt.login;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import io.github.settrademqtt.event.SettradeMqttEventPublisher;
import io.github.settrademqtt.login.event.TokenRenewedEvent;
import io.github.settrademqtt.login.event.TokenRenewedEvent.Outcome;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.util.Assert;

/**
 * The starter's {@link SettradeLoginService}: holds the current access token, renews it
 * through a {@link SettradeLoginClient}, and lets concurrent callers share one login or
 * refresh rather than each starting their own. Publishes a {@link TokenRenewedEvent}
 * after each renewal, once given an {@link ApplicationEventPublisher} (a bean is given
 * its application context).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class DefaultSettradeLoginService implements SettradeLoginService, ApplicationEventPublisherAware {

	private static final Log logger = LogFactory.getLog(DefaultSettradeLoginService.class);

	private final SettradeLoginClient client;

	private final LongSupplier nanoClock;

	private final ReentrantLock renewal = new ReentrantLock();

	private volatile @Nullable AccessToken current;

	private final SettradeMqttEventPublisher events = new SettradeMqttEventPublisher();

	/**
	 * Create a service on the system's monotonic clock.
	 * @param client the client for the Open API calls
	 */
	public DefaultSettradeLoginService(SettradeLoginClient client) {
		this(client, System::nanoTime);
	}

	/**
	 * Create a service.
	 * @param client the client for the Open API calls
	 * @param nanoClock the monotonic clock token lifetimes are measured on
	 */
	public DefaultSettradeLoginService(SettradeLoginClient client, LongSupplier nanoClock) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(nanoClock, "'nanoClock' must not be null");
		this.client = client;
		this.nanoClock = nanoClock;
	}

	/**
	 * Set where the {@link TokenRenewedEvent}s go; without one none is published. What a
	 * listener throws is logged and passed over: a renewal never fails for it.
	 * @param publisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		this.events.setPublisher(publisher);
	}

	@Override
	public AccessToken accessToken() {
		AccessToken token = this.current;
		if (token != null && !token.isExpired(this.nanoClock.getAsLong())) {
			return token;
		}
		return renew(token, false);
	}

	@Override
	public AccessToken renewAccessToken() {
		return renew(this.current, true);
	}

	@Override
	public DispatcherTicket dispatcherTicket() {
		AccessToken token = accessToken();
		try {
			return this.client.dispatcherTicket(token);
		}
		catch (SettradeApiException ex) {
			if (!ex.isAuthenticationFailure()) {
				throw ex;
			}
			logger.info("Settrade's dispatcher refused the access token (HTTP " + ex.getStatus()
					+ "); renewing it and asking once more");
			return this.client.dispatcherTicket(renew(token, true));
		}
	}

	/**
	 * Return the token most recently obtained, without renewing it.
	 * @return the current token, or {@code null} before the first login
	 */
	public @Nullable AccessToken currentToken() {
		return this.current;
	}

	/**
	 * Renew the token the caller found stale, unless another caller renewed it while this
	 * one waited; with {@code force}, even if it has not expired.
	 */
	private AccessToken renew(@Nullable AccessToken seen, boolean force) {
		this.renewal.lock();
		try {
			AccessToken token = this.current;
			boolean renewedMeanwhile = token != null && token != seen;
			if (token != null && (renewedMeanwhile || !force) && !token.isExpired(this.nanoClock.getAsLong())) {
				return token;
			}
			AccessToken renewed;
			try {
				renewed = (token != null && token.refreshToken() != null) ? refreshOrLogin(token) : login();
			}
			catch (RuntimeException ex) {
				renewed(Outcome.FAILURE);
				throw ex;
			}
			this.current = renewed;
			logger.info("Logged in to Settrade (app code " + this.client.getCredentials().appCode() + ", broker "
					+ this.client.getCredentials().brokerId() + "); access token valid for "
					+ renewed.lifetime().toSeconds() + " s");
			return renewed;
		}
		finally {
			this.renewal.unlock();
		}
	}

	private AccessToken refreshOrLogin(AccessToken token) {
		try {
			AccessToken refreshed = this.client.refresh(token);
			renewed(Outcome.REFRESHED);
			return refreshed;
		}
		catch (SettradeApiException ex) {
			logger.info("Settrade token refresh failed (" + ex.getMessage() + "); logging in again");
			return login();
		}
	}

	private AccessToken login() {
		AccessToken token = this.client.login();
		renewed(Outcome.LOGGED_IN);
		return token;
	}

	private void renewed(Outcome outcome) {
		this.events.publish(new TokenRenewedEvent(this, outcome));
	}

}
