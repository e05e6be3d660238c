package io.github.settrademqtt.test;

import java.time.Duration;

import io.github.settrademqtt.test.rest.RestFaults;

/**
 * Failures a {@link SettradeSimulator} can be told to inject, to test how a client copes
 * with an unavailable or rate-limiting service, slow or missing responses, stale tokens
 * and other MQTT hosts. Thread safe; {@link SettradeSimulator#reset()} clears everything
 * set here.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SimulatorFaults {

	private final Runnable accessTokenRevoker;

	private final Runnable hungRequestReleaser;

	private final RestFaults pending;

	SimulatorFaults(RestFaults pending, Runnable accessTokenRevoker, Runnable hungRequestReleaser) {
		this.pending = pending;
		this.accessTokenRevoker = accessTokenRevoker;
		this.hungRequestReleaser = hungRequestReleaser;
	}

	/**
	 * Answers the next {@code count} login requests with {@code status} and a body such
	 * as {@code {"code":"SERVICE_UNAVAILABLE","message":"..."}}, before any validation,
	 * the way a gateway in front of the service would.
	 * @param count how many login requests fail, replacing any count still pending
	 * @param status the HTTP status to answer with (400 to 599, e.g. 503 or 429)
	 * @return this instance
	 */
	public SimulatorFaults failNextLogins(int count, int status) {
		this.pending.failNextLogins(count, status);
		return this;
	}

	/**
	 * Answers the next {@code count} dispatcher ticket requests with {@code status}.
	 * @param count how many ticket requests fail, replacing any count still pending
	 * @param status the HTTP status to answer with (400 to 599)
	 * @return this instance
	 */
	public SimulatorFaults failNextTickets(int count, int status) {
		this.pending.failNextTickets(count, status);
		return this;
	}

	/**
	 * Leaves the next {@code count} login requests unanswered: each is read (its
	 * signature goes to the secret ledger) and then nothing comes back, the connection
	 * staying open, until the client gives up and closes it, or {@link #reset()} or
	 * {@link SettradeSimulator#stop()} closes it without a response. A client without a
	 * response timeout of its own waits that long. No server thread is held meanwhile.
	 * Hung requests count in {@link SimulatorStats#loginRequests()} and
	 * {@link SimulatorStats#hungRequests()}. With failures pending too
	 * ({@link #failNextLogins(int, int)}), requests hang first, then fail.
	 * @param count how many login requests hang, replacing any count still pending
	 * @return this instance
	 */
	public SimulatorFaults hangNextLogins(int count) {
		this.pending.hangNextLogins(count);
		return this;
	}

	/**
	 * Leaves the next {@code count} refresh requests unanswered, as
	 * {@link #hangNextLogins(int)} does for logins.
	 * @param count how many refresh requests hang, replacing any count still pending
	 * @return this instance
	 */
	public SimulatorFaults hangNextRefreshes(int count) {
		this.pending.hangNextRefreshes(count);
		return this;
	}

	/**
	 * Leaves the next {@code count} dispatcher ticket requests unanswered, as
	 * {@link #hangNextLogins(int)} does for logins; requests hang first, then fail
	 * ({@link #failNextTickets(int, int)}). No ticket is issued for them.
	 * @param count how many ticket requests hang, replacing any count still pending
	 * @return this instance
	 */
	public SimulatorFaults hangNextTickets(int count) {
		this.pending.hangNextTickets(count);
		return this;
	}

	/**
	 * Makes the ticket endpoint hand out these MQTT hosts, in this order, instead of the
	 * simulator's own {@code localhost:<port>}. {@code {port}} in a host stands for the
	 * simulator's port at the time of the request, so that a test can put a host that
	 * does not work first and the simulator second: {@code dispatcherHosts("localhost:1",
	 * "localhost:{port}")}, or hand out hosts with a scheme:
	 * {@code dispatcherHosts("wss://localhost:{port}")}. With no host at all the list is
	 * empty, which clients must take as an error.
	 * @param hosts the hosts, each non-blank
	 * @return this instance
	 * @see SettradeSimulator#dispatcherHost()
	 */
	public SimulatorFaults dispatcherHosts(String... hosts) {
		this.pending.dispatcherHosts(hosts);
		return this;
	}

	/**
	 * Delays every REST response by {@code latency}, without blocking a server thread.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 * @return this instance
	 */
	public SimulatorFaults latency(Duration latency) {
		this.pending.latency(latency);
		return this;
	}

	/**
	 * Sets whether every refresh request is answered with {@code 401}
	 * {@code INVALID_REFRESH_TOKEN}, as when a refresh token has expired server side.
	 * @param reject whether to reject refresh requests
	 * @return this instance
	 */
	public SimulatorFaults rejectRefresh(boolean reject) {
		this.pending.rejectRefresh(reject);
		return this;
	}

	/**
	 * Revokes every access token issued so far: the ticket endpoint answers {@code 401}
	 * for them from now on. Refresh tokens stay valid and tokens issued later work, so a
	 * client can recover by refreshing or logging in again. Revocation is permanent:
	 * {@link #reset()} does not bring the tokens back.
	 * @return this instance
	 */
	public SimulatorFaults revokeAccessTokens() {
		this.accessTokenRevoker.run();
		return this;
	}

	/**
	 * Clears every pending failure and hang, the latency and the refresh rejection,
	 * restores the default dispatcher host, and closes the connections of requests left
	 * hanging, without a response.
	 * @return this instance
	 */
	public SimulatorFaults reset() {
		this.pending.reset();
		this.hungRequestReleaser.run();
		return this;
	}

	@Override
	public String toString() {
		return "SimulatorFaults[" + this.pending.describe() + "]";
	}

}
