package io.github.settrademqtt.test;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe request counters of a {@link SettradeSimulator}, for tests that check how
 * often a client logs in, refreshes or asks for a ticket.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SimulatorStats {

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

	SimulatorStats() {
	}

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
	 * {@linkplain SimulatorFaults#hangNextLogins(int) hang}, logins, refreshes and
	 * tickets together. It counts a request as soon as it hangs: wait for it to know that
	 * the request arrived.
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

	void loginRequested() {
		this.loginRequests.incrementAndGet();
	}

	void loginSucceeded() {
		this.successfulLogins.incrementAndGet();
	}

	void loginRejected() {
		this.rejectedLogins.incrementAndGet();
	}

	void refreshRequested() {
		this.refreshRequests.incrementAndGet();
	}

	void refreshSucceeded() {
		this.successfulRefreshes.incrementAndGet();
	}

	void refreshRejected() {
		this.rejectedRefreshes.incrementAndGet();
	}

	void ticketRequested() {
		this.ticketRequests.incrementAndGet();
	}

	void ticketIssued() {
		this.ticketsIssued.incrementAndGet();
	}

	void ticketRejected() {
		this.rejectedTickets.incrementAndGet();
	}

	void requestHung() {
		this.hungRequests.incrementAndGet();
	}

	@Override
	public String toString() {
		return "SimulatorStats[loginRequests=" + loginRequests() + ", successfulLogins=" + successfulLogins()
				+ ", rejectedLogins=" + rejectedLogins() + ", refreshRequests=" + refreshRequests()
				+ ", successfulRefreshes=" + successfulRefreshes() + ", rejectedRefreshes=" + rejectedRefreshes()
				+ ", ticketRequests=" + ticketRequests() + ", ticketsIssued=" + ticketsIssued() + ", rejectedTickets="
				+ rejectedTickets() + ", hungRequests=" + hungRequests() + "]";
	}

}
