package io.github.settrademqtt.test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

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

	private static final String PORT_PLACEHOLDER = "{port}";

	private final Runnable accessTokenRevoker;

	private final Runnable hungRequestReleaser;

	private final CountedFailure loginFailures = new CountedFailure();

	private final CountedFailure ticketFailures = new CountedFailure();

	private final Countdown loginHangs = new Countdown();

	private final Countdown refreshHangs = new Countdown();

	private final Countdown ticketHangs = new Countdown();

	private volatile Duration latency = Duration.ZERO;

	private volatile boolean rejectRefresh;

	private volatile @Nullable List<String> dispatcherHosts;

	SimulatorFaults(Runnable accessTokenRevoker, Runnable hungRequestReleaser) {
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
		this.loginFailures.set(count, status);
		return this;
	}

	/**
	 * Answers the next {@code count} dispatcher ticket requests with {@code status}.
	 * @param count how many ticket requests fail, replacing any count still pending
	 * @param status the HTTP status to answer with (400 to 599)
	 * @return this instance
	 */
	public SimulatorFaults failNextTickets(int count, int status) {
		this.ticketFailures.set(count, status);
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
		this.loginHangs.set(count);
		return this;
	}

	/**
	 * Leaves the next {@code count} refresh requests unanswered, as
	 * {@link #hangNextLogins(int)} does for logins.
	 * @param count how many refresh requests hang, replacing any count still pending
	 * @return this instance
	 */
	public SimulatorFaults hangNextRefreshes(int count) {
		this.refreshHangs.set(count);
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
		this.ticketHangs.set(count);
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
		Objects.requireNonNull(hosts, "'hosts' must not be null");
		for (String host : hosts) {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("'hosts' must not contain empty hosts");
			}
		}
		this.dispatcherHosts = List.of(hosts);
		return this;
	}

	/**
	 * Delays every REST response by {@code latency}, without blocking a server thread.
	 * @param latency the delay, {@link Duration#ZERO} for none
	 * @return this instance
	 */
	public SimulatorFaults latency(Duration latency) {
		Objects.requireNonNull(latency, "'latency' must not be null");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("'latency' must not be negative");
		}
		this.latency = latency;
		return this;
	}

	/**
	 * Sets whether every refresh request is answered with {@code 401}
	 * {@code INVALID_REFRESH_TOKEN}, as when a refresh token has expired server side.
	 * @param reject whether to reject refresh requests
	 * @return this instance
	 */
	public SimulatorFaults rejectRefresh(boolean reject) {
		this.rejectRefresh = reject;
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
		this.loginFailures.set(0, 503);
		this.ticketFailures.set(0, 503);
		this.loginHangs.set(0);
		this.refreshHangs.set(0);
		this.ticketHangs.set(0);
		this.latency = Duration.ZERO;
		this.rejectRefresh = false;
		this.dispatcherHosts = null;
		this.hungRequestReleaser.run();
		return this;
	}

	OptionalInt takeLoginFailure() {
		return this.loginFailures.take();
	}

	OptionalInt takeTicketFailure() {
		return this.ticketFailures.take();
	}

	boolean takeLoginHang() {
		return this.loginHangs.take();
	}

	boolean takeRefreshHang() {
		return this.refreshHangs.take();
	}

	boolean takeTicketHang() {
		return this.ticketHangs.take();
	}

	/**
	 * Returns the hosts a ticket names.
	 * @param port the simulator's port
	 * @return the hosts set by {@link #dispatcherHosts(String...)}, {@code {port}}
	 * replaced, or {@code localhost:<port>}
	 */
	List<String> currentDispatcherHosts(int port) {
		List<String> hosts = this.dispatcherHosts;
		if (hosts == null) {
			return List.of("localhost:" + port);
		}
		String portText = Integer.toString(port);
		return hosts.stream().map((host) -> host.replace(PORT_PLACEHOLDER, portText)).toList();
	}

	Duration currentLatency() {
		return this.latency;
	}

	boolean isRefreshRejected() {
		return this.rejectRefresh;
	}

	@Override
	public String toString() {
		List<String> hosts = this.dispatcherHosts;
		return "SimulatorFaults[loginFailures=" + this.loginFailures + ", ticketFailures=" + this.ticketFailures
				+ ", loginHangs=" + this.loginHangs + ", refreshHangs=" + this.refreshHangs + ", ticketHangs="
				+ this.ticketHangs + ", latency=" + this.latency + ", rejectRefresh=" + this.rejectRefresh
				+ ", dispatcherHosts=" + ((hosts != null) ? hosts : "default") + "]";
	}

	private static void requireCount(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("'count' must not be negative");
		}
	}

	/**
	 * A number of requests still to leave unanswered.
	 */
	private static final class Countdown {

		private final AtomicInteger remaining = new AtomicInteger();

		void set(int count) {
			requireCount(count);
			this.remaining.set(count);
		}

		boolean take() {
			return this.remaining.getAndUpdate((remaining) -> Math.max(0, remaining - 1)) > 0;
		}

		@Override
		public String toString() {
			return Integer.toString(this.remaining.get());
		}

	}

	/**
	 * A number of failures still to inject and their status. Count and status change
	 * together, hence a lock rather than two atomics.
	 */
	private static final class CountedFailure {

		private int remaining;

		private int status = 503;

		synchronized void set(int count, int status) {
			requireCount(count);
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("'status' must be an HTTP error status (400-599)");
			}
			this.remaining = count;
			this.status = status;
		}

		synchronized OptionalInt take() {
			if (this.remaining == 0) {
				return OptionalInt.empty();
			}
			this.remaining--;
			return OptionalInt.of(this.status);
		}

		@Override
		public synchronized String toString() {
			return this.remaining + "x" + this.status;
		}

	}

}
