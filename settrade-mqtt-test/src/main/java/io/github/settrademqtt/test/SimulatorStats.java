package io.github.settrademqtt.test;

import io.github.settrademqtt.test.rest.RequestCounters;

/**
 * Thread-safe request counters of a {@link SettradeSimulator}, for tests that check how
 * often a client logs in, refreshes or asks for a ticket.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SimulatorStats {

	private final RequestCounters counters;

	SimulatorStats(RequestCounters counters) {
		this.counters = counters;
	}

	/**
	 * Returns the number of login requests received, whatever their outcome.
	 * @return the number of login requests
	 */
	public long loginRequests() {
		return this.counters.loginRequests();
	}

	/**
	 * Returns the number of logins answered with tokens.
	 * @return the number of successful logins
	 */
	public long successfulLogins() {
		return this.counters.successfulLogins();
	}

	/**
	 * Returns the number of logins answered with an error status, including injected
	 * faults.
	 * @return the number of rejected logins
	 */
	public long rejectedLogins() {
		return this.counters.rejectedLogins();
	}

	/**
	 * Returns the number of refresh requests received, whatever their outcome.
	 * @return the number of refresh requests
	 */
	public long refreshRequests() {
		return this.counters.refreshRequests();
	}

	/**
	 * Returns the number of refreshes answered with new tokens.
	 * @return the number of successful refreshes
	 */
	public long successfulRefreshes() {
		return this.counters.successfulRefreshes();
	}

	/**
	 * Returns the number of refreshes answered with an error status.
	 * @return the number of rejected refreshes
	 */
	public long rejectedRefreshes() {
		return this.counters.rejectedRefreshes();
	}

	/**
	 * Returns the number of dispatcher ticket requests received, whatever their outcome.
	 * @return the number of ticket requests
	 */
	public long ticketRequests() {
		return this.counters.ticketRequests();
	}

	/**
	 * Returns the number of dispatcher tickets issued.
	 * @return the number of tickets issued
	 */
	public long ticketsIssued() {
		return this.counters.ticketsIssued();
	}

	/**
	 * Returns the number of ticket requests answered with an error status, including
	 * injected faults.
	 * @return the number of rejected ticket requests
	 */
	public long rejectedTickets() {
		return this.counters.rejectedTickets();
	}

	/**
	 * Returns the number of requests left unanswered by a
	 * {@linkplain SimulatorFaults#hangNextLogins(int) hang}, logins, refreshes and
	 * tickets together. It counts a request as soon as it hangs: wait for it to know that
	 * the request arrived.
	 * @return the number of hung requests
	 */
	public long hungRequests() {
		return this.counters.hungRequests();
	}

	/**
	 * Sets every counter back to zero.
	 */
	public void reset() {
		this.counters.reset();
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
