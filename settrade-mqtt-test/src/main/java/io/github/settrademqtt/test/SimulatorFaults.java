package io.github.settrademqtt.test;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Failures a {@link SettradeSimulator} can be told to inject, to test how a client copes
 * with an unavailable or rate-limiting service, slow responses and stale tokens. Thread
 * safe; {@link SettradeSimulator#reset()} clears everything set here.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SimulatorFaults {

	private final Runnable accessTokenRevoker;

	private final CountedFailure loginFailures = new CountedFailure();

	private final CountedFailure ticketFailures = new CountedFailure();

	private volatile Duration latency = Duration.ZERO;

	private volatile boolean rejectRefresh;

	SimulatorFaults(Runnable accessTokenRevoker) {
		this.accessTokenRevoker = accessTokenRevoker;
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
	 * Clears every pending failure, the latency and the refresh rejection.
	 * @return this instance
	 */
	public SimulatorFaults reset() {
		this.loginFailures.set(0, 503);
		this.ticketFailures.set(0, 503);
		this.latency = Duration.ZERO;
		this.rejectRefresh = false;
		return this;
	}

	OptionalInt takeLoginFailure() {
		return this.loginFailures.take();
	}

	OptionalInt takeTicketFailure() {
		return this.ticketFailures.take();
	}

	Duration currentLatency() {
		return this.latency;
	}

	boolean isRefreshRejected() {
		return this.rejectRefresh;
	}

	@Override
	public String toString() {
		return "SimulatorFaults[loginFailures=" + this.loginFailures + ", ticketFailures=" + this.ticketFailures
				+ ", latency=" + this.latency + ", rejectRefresh=" + this.rejectRefresh + "]";
	}

	/**
	 * A number of failures still to inject and their status. Count and status change
	 * together, hence a lock rather than two atomics.
	 */
	private static final class CountedFailure {

		private int remaining;

		private int status = 503;

		synchronized void set(int count, int status) {
			if (count < 0) {
				throw new IllegalArgumentException("'count' must not be negative");
			}
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
