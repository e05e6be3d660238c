package io.github.settrademqtt.test.rest;

import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.test.SimulatorStats;

/**
 * The REST request counters the endpoints count in and {@link SimulatorStats} reads.
 * Thread safe. Internal: tests use {@link SimulatorStats}.
 *
 * @author settrade-mqtt
 */
public final class RequestCounters {

	private final AtomicLong loginRequests = new AtomicLong();

	private final AtomicLong successfulLogins = new AtomicLong();

	private final AtomicLong rejectedLogins = new AtomicLong();

	private final AtomicLong refreshRequests = new AtomicLong();

	private final AtomicLong successfulRefreshes = new AtomicLong();

	private final AtomicLong rejectedRefreshes = new AtomicLong();

	private final AtomicLong ticketRequests = new AtomicLong();

	private final AtomicLong ticketsIssued = new AtomicLong();

	private final AtomicLong rejectedTickets = new AtomicLong();

	private final AtomicLong hungRequests = new AtomicLong();

	/**
	 * Returns the number of login requests received, whatever their outcome.
	 * @return the number of login requests
	 */
	public long loginRequests() {
		return this.loginRequests.get();
	}

	/**
	 * Returns the number of logins answered with tokens.
	 * @return the number of successful logins
	 */
	public long successfulLogins() {
		return this.successfulLogins.get();
	}

	/**
	 * Returns the number of logins answered with an error status, including injected
	 * faults.
	 * @return the number of rejected logins
	 */
	public long rejectedLogins() {
		return this.rejectedLogins.get();
	}

	/**
	 * Returns the number of refresh requests received, whatever their outcome.
	 * @return the number of refresh requests
	 */
	public long refreshRequests() {
		return this.refreshRequests.get();
	}

	/**
	 * Returns the number of refreshes answered with new tokens.
	 * @return the number of successful refreshes
	 */
	public long successfulRefreshes() {
		return this.successfulRefreshes.get();
	}

	/**
	 * Returns the number of refreshes answered with an error status.
	 * @return the number of rejected refreshes
	 */
	public long rejectedRefreshes() {
		return this.rejectedRefreshes.get();
	}

	/**
	 * Returns the number of dispatcher ticket requests received, whatever their outcome.
	 * @return the number of ticket requests
	 */
	public long ticketRequests() {
		return this.ticketRequests.get();
	}

	/**
	 * Returns the number of dispatcher tickets issued.
	 * @return the number of tickets issued
	 */
	public long ticketsIssued() {
		return this.ticketsIssued.get();
	}

	/**
	 * Returns the number of ticket requests answered with an error status, including
	 * injected faults.
	 * @return the number of rejected ticket requests
	 */
	public long rejectedTickets() {
		return this.rejectedTickets.get();
	}

	/**
	 * Returns the number of requests left unanswered by a
	 * {@linkplain io.github.settrademqtt.test.SimulatorFaults#hangNextLogins(int) hang},
	 * logins, refreshes and tickets together. It counts a request as soon as it hangs:
	 * wait for it to know that the request arrived.
	 * @return the number of hung requests
	 */
	public long hungRequests() {
		return this.hungRequests.get();
	}

	/**
	 * Sets every counter back to zero.
	 */
	public void reset() {
		this.loginRequests.set(0);
		this.successfulLogins.set(0);
		this.rejectedLogins.set(0);
		this.refreshRequests.set(0);
		this.successfulRefreshes.set(0);
		this.rejectedRefreshes.set(0);
		this.ticketRequests.set(0);
		this.ticketsIssued.set(0);
		this.rejectedTickets.set(0);
		this.hungRequests.set(0);
	}

	/**
	 * Counts one more.
	 */
	public void loginRequested() {
		this.loginRequests.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void loginSucceeded() {
		this.successfulLogins.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void loginRejected() {
		this.rejectedLogins.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void refreshRequested() {
		this.refreshRequests.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void refreshSucceeded() {
		this.successfulRefreshes.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void refreshRejected() {
		this.rejectedRefreshes.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void ticketRequested() {
		this.ticketRequests.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void ticketIssued() {
		this.ticketsIssued.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void ticketRejected() {
		this.rejectedTickets.incrementAndGet();
	}

	/**
	 * Counts one more.
	 */
	public void requestHung() {
		this.hungRequests.incrementAndGet();
	}

}
