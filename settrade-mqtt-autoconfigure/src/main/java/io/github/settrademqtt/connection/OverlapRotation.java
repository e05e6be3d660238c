package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeLoginService;

/**
 * Replaces a connection make-before-break: a ticket, a new connection, its subscriptions,
 * and the wait until its streams line up with the old one's, while the old one keeps
 * delivering. It never closes the old connection: when the new one cannot open, closes,
 * or does not line up, it is closed and the old one goes on; the caller hands over only
 * what this returns as ready.
 * <p>
 * Runs on the connection's thread.
 *
 * @author settrade-mqtt
 */
final class OverlapRotation {

	/**
	 * How long a topic must stay quiet on the old connection before the rotation stops
	 * waiting for it to line up; covers messages in flight when the new one subscribed.
	 */
	static final Duration SETTLE = Duration.ofMillis(300);

	private static final long PROBE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final SettradeLoginService loginService;

	private final HandOverGate gate;

	private final TicketConnections sessions;

	private final SubscriptionReconciler reconciler;

	private final Duration timeout;

	/**
	 * Records and announces each step, so that a failure names the step it happened in.
	 */
	private final StepHook steps;

	private final LongSupplier nanoClock;

	OverlapRotation(SettradeLoginService loginService, HandOverGate gate, TicketConnections sessions,
			SubscriptionReconciler reconciler, Duration timeout, StepHook steps, LongSupplier nanoClock) {
		this.loginService = loginService;
		this.gate = gate;
		this.sessions = sessions;
		this.reconciler = reconciler;
		this.timeout = timeout;
		this.steps = steps;
		this.nanoClock = nanoClock;
	}

	/**
	 * Open a new connection beside the old one and wait until it can take over; or say
	 * why there is none. Interrupted (the connection is stopping), it leaves nothing
	 * open.
	 */
	Result run(TicketConnection old, Purpose purpose) throws InterruptedException {
		long started = this.nanoClock.getAsLong();
		this.steps.before(ConnectionStep.TICKET);
		DispatcherTicket ticket = this.loginService.dispatcherTicket();
		if (purpose == Purpose.TOKEN && ticket.expiresAtNanos() - old.ticket().expiresAtNanos() <= 0) {
			return new Failed("the renewed access token expires no later than the current connection's, "
					+ "so a new connection would gain nothing");
		}
		HandOverGate.Overlap overlap = this.gate.beginOverlap(this.sessions.nextEpoch());
		TicketConnection next = null;
		try {
			this.steps.before(ConnectionStep.OPEN);
			next = this.sessions.open(ticket);
			overlap.subscribing();
			this.steps.before(ConnectionStep.SUBSCRIBE);
			List<SubscribeOutcome> outcomes = next.subscribe(this.reconciler.topicsToSend());
			if (outcomes.stream().noneMatch(SubscribeOutcome::answered)) {
				return failed(overlap, next, "the new connection answered no SUBSCRIBE");
			}
			overlap
				.subscribed(outcomes.stream().filter(SubscribeOutcome::granted).map(SubscribeOutcome::topic).toList());
			TicketConnection opened = next;
			long deadline = started + this.timeout.toNanos();
			this.steps.before(ConnectionStep.ALIGN);
			HandOverGate.Alignment alignment = overlap.awaitAligned(SETTLE.toNanos(), deadline, old::isOpen,
					opened::isOpen);
			String problem = switch (alignment) {
				case NEW_CLOSED -> "the new connection closed before the hand-over";
				case TIMED_OUT -> "the connections' streams did not line up within " + this.timeout.toMillis() + " ms";
				case ALIGNED, OLD_CLOSED -> null;
			};
			if (problem == null && purpose == Purpose.HEAL && !awaitDelivery(overlap, opened, deadline)) {
				problem = "the new connection received nothing within " + this.timeout.toMillis()
						+ " ms either: the market may simply be quiet";
			}
			if (problem == null && !opened.isOpen()) {
				problem = "the new connection closed before the hand-over";
			}
			if (problem != null) {
				return failed(overlap, next, problem);
			}
			return new Ready(next, overlap, outcomes, alignment == HandOverGate.Alignment.OLD_CLOSED,
					Duration.ofNanos(this.nanoClock.getAsLong() - started));
		}
		catch (InterruptedException | RuntimeException | Error ex) {
			overlap.end();
			if (next != null) {
				next.close();
			}
			throw ex;
		}
	}

	private boolean awaitDelivery(HandOverGate.Overlap overlap, TicketConnection next, long deadline)
			throws InterruptedException {
		while (overlap.newArrivals() == 0) {
			long remaining = deadline - this.nanoClock.getAsLong();
			if (remaining <= 0 || !next.isOpen()) {
				return false;
			}
			LockSupport.parkNanos(this, Math.min(remaining, PROBE_POLL_NANOS));
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
		return true;
	}

	private static Failed failed(HandOverGate.Overlap overlap, TicketConnection next, String reason) {
		overlap.end();
		next.close();
		return new Failed(reason);
	}

	/**
	 * Why a connection is replaced.
	 */
	enum Purpose {

		/**
		 * Its token is about to expire: worth it only with a token that lives longer.
		 */
		TOKEN,

		/**
		 * Asked for by the application.
		 */
		MANUAL,

		/**
		 * It has gone silent: the new one must receive a message within the rotation
		 * timeout before it takes over.
		 */
		HEAL

	}

	/**
	 * What a rotation came to.
	 */
	sealed interface Result permits Ready, Failed {

	}

	/**
	 * A new connection, open, subscribed and lined up with the old one.
	 *
	 * @param next the new connection
	 * @param overlap the overlap to hand over
	 * @param outcomes the broker's answers to its SUBSCRIBEs
	 * @param oldClosed whether the old connection closed while waiting
	 * @param took how long it took so far
	 */
	record Ready(TicketConnection next, HandOverGate.Overlap overlap, List<SubscribeOutcome> outcomes,
			boolean oldClosed, Duration took) implements Result {

	}

	/**
	 * No new connection: the old one keeps delivering.
	 *
	 * @param reason why
	 */
	record Failed(String reason) implements Result {

	}

}
