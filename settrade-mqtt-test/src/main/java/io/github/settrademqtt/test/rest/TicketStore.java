package io.github.settrademqtt.test.rest;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.github.settrademqtt.test.TicketInfo;
import io.github.settrademqtt.test.rest.TokenStore.Grant;

/**
 * Dispatcher tickets issued by the simulator. A ticket opens one MQTT connection: it is
 * marked used when consumed and stops working when the access token it was obtained with
 * expires.
 *
 * @author settrade-mqtt
 */
public final class TicketStore {

	private final Clock clock;

	private final IssuedSecrets secrets;

	private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();

	public TicketStore(Clock clock, IssuedSecrets secrets) {
		this.clock = clock;
		this.secrets = secrets;
	}

	/**
	 * Issues a ticket for the holder of an access token.
	 * @param accessGrant the grant of the access token presented
	 * @return the ticket value
	 */
	String issue(Grant accessGrant) {
		String ticket = this.secrets.issue("tk-");
		AppRegistry.RegisteredApp app = accessGrant.app();
		TicketInfo info = new TicketInfo(app.appId(), app.appCode(), app.brokerId(), this.clock.instant(),
				accessGrant.expiresAt());
		this.tickets.put(ticket, new Ticket(info, new AtomicBoolean()));
		return ticket;
	}

	/**
	 * Uses up a ticket.
	 * @param ticket the ticket value presented
	 * @return what the ticket was issued for, or empty when it is unknown, already used
	 * or expired
	 */
	public Optional<TicketInfo> consume(String ticket) {
		return consumeIf(ticket, (info) -> true);
	}

	/**
	 * Uses up a ticket only when it was issued for what the caller expects, so that a
	 * ticket presented with the wrong app code or on another broker's path stays usable,
	 * as a credential check that fails before the ticket is looked at would leave it.
	 * @param ticket the ticket value presented
	 * @param condition what the ticket must have been issued for
	 * @return what the ticket was issued for, or empty when it is unknown, already used,
	 * expired or does not meet the condition
	 */
	public Optional<TicketInfo> consumeIf(String ticket, Predicate<TicketInfo> condition) {
		Ticket entry = this.tickets.get(ticket);
		if (entry == null || !this.clock.instant().isBefore(entry.info().expiresAt()) || !condition.test(entry.info())
				|| !entry.used().compareAndSet(false, true)) {
			return Optional.empty();
		}
		return Optional.of(entry.info());
	}

	private record Ticket(TicketInfo info, AtomicBoolean used) {

	}

}
