package io.github.settrademqtt.test.rest;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.github.settrademqtt.test.SimulatorFaults;

/**
 * The REST faults pending, as {@link SimulatorFaults} sets them and the endpoints take
 * them. Thread safe. Internal: tests use {@link SimulatorFaults}.
 *
 * @author settrade-mqtt
 */
public final class RestFaults {

	private static final String PORT_PLACEHOLDER = "{port}";

	private final CountedFailure loginFailures = new CountedFailure();

	private final CountedFailure ticketFailures = new CountedFailure();

	private final Countdown loginHangs = new Countdown();

	private final Countdown refreshHangs = new Countdown();

	private final Countdown ticketHangs = new Countdown();

	private volatile Duration latency = Duration.ZERO;

	private volatile boolean rejectRefresh;

	private volatile @Nullable List<String> dispatcherHosts;

	/**
	 * See {@link SimulatorFaults#failNextLogins(int, int)}.
	 */
	public void failNextLogins(int count, int status) {
		this.loginFailures.set(count, status);
	}

	/**
	 * See {@link SimulatorFaults#failNextTickets(int, int)}.
	 */
	public void failNextTickets(int count, int status) {
		this.ticketFailures.set(count, status);
	}

	/**
	 * See {@link SimulatorFaults#hangNextLogins(int)}.
	 */
	public void hangNextLogins(int count) {
		this.loginHangs.set(count);
	}

	/**
	 * See {@link SimulatorFaults#hangNextRefreshes(int)}.
	 */
	public void hangNextRefreshes(int count) {
		this.refreshHangs.set(count);
	}

	/**
	 * See {@link SimulatorFaults#hangNextTickets(int)}.
	 */
	public void hangNextTickets(int count) {
		this.ticketHangs.set(count);
	}

	/**
	 * See {@link SimulatorFaults#dispatcherHosts(String...)}.
	 */
	public void dispatcherHosts(String... hosts) {
		Objects.requireNonNull(hosts, "'hosts' must not be null");
		for (String host : hosts) {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("'hosts' must not contain empty hosts");
			}
		}
		this.dispatcherHosts = List.of(hosts);
	}

	/**
	 * See {@link SimulatorFaults#latency(Duration)}.
	 */
	public void latency(Duration latency) {
		Objects.requireNonNull(latency, "'latency' must not be null");
		if (latency.isNegative()) {
			throw new IllegalArgumentException("'latency' must not be negative");
		}
		this.latency = latency;
	}

	/**
	 * See {@link SimulatorFaults#rejectRefresh(boolean)}.
	 */
	public void rejectRefresh(boolean reject) {
		this.rejectRefresh = reject;
	}

	/**
	 * Clears every pending failure and hang, the latency and the refresh rejection, and
	 * restores the default dispatcher host.
	 */
	public void reset() {
		this.loginFailures.set(0, 503);
		this.ticketFailures.set(0, 503);
		this.loginHangs.set(0);
		this.refreshHangs.set(0);
		this.ticketHangs.set(0);
		this.latency = Duration.ZERO;
		this.rejectRefresh = false;
		this.dispatcherHosts = null;
	}

	/**
	 * Takes the next login failure pending, if any.
	 * @return the status to answer with, or empty
	 */
	public OptionalInt takeLoginFailure() {
		return this.loginFailures.take();
	}

	/**
	 * Takes the next ticket failure pending, if any.
	 * @return the status to answer with, or empty
	 */
	public OptionalInt takeTicketFailure() {
		return this.ticketFailures.take();
	}

	/**
	 * Takes the next login hang pending, if any.
	 * @return whether to leave the request unanswered
	 */
	public boolean takeLoginHang() {
		return this.loginHangs.take();
	}

	/**
	 * Takes the next refresh hang pending, if any.
	 * @return whether to leave the request unanswered
	 */
	public boolean takeRefreshHang() {
		return this.refreshHangs.take();
	}

	/**
	 * Takes the next ticket hang pending, if any.
	 * @return whether to leave the request unanswered
	 */
	public boolean takeTicketHang() {
		return this.ticketHangs.take();
	}

	/**
	 * Returns the hosts a ticket names.
	 * @param port the simulator's port
	 * @return the hosts set by {@link #dispatcherHosts(String...)}, {@code {port}}
	 * replaced, or {@code localhost:<port>}
	 */
	public List<String> currentDispatcherHosts(int port) {
		List<String> hosts = this.dispatcherHosts;
		if (hosts == null) {
			return List.of("localhost:" + port);
		}
		String portText = Integer.toString(port);
		return hosts.stream().map((host) -> host.replace(PORT_PLACEHOLDER, portText)).toList();
	}

	/**
	 * Returns the delay of every REST response.
	 * @return the latency
	 */
	public Duration currentLatency() {
		return this.latency;
	}

	/**
	 * Returns whether refresh requests are rejected.
	 * @return whether to reject refresh requests
	 */
	public boolean isRefreshRejected() {
		return this.rejectRefresh;
	}

	/**
	 * Describes what is pending, without secrets (there are none here).
	 * @return the pending faults, comma separated
	 */
	public String describe() {
		List<String> hosts = this.dispatcherHosts;
		return "loginFailures=" + this.loginFailures + ", ticketFailures=" + this.ticketFailures + ", loginHangs="
				+ this.loginHangs + ", refreshHangs=" + this.refreshHangs + ", ticketHangs=" + this.ticketHangs
				+ ", latency=" + this.latency + ", rejectRefresh=" + this.rejectRefresh + ", dispatcherHosts="
				+ ((hosts != null) ? hosts : "default");
	}

	@Override
	public String toString() {
		return "RestFaults[" + describe() + "]";
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
