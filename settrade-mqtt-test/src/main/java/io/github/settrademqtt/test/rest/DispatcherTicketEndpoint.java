package io.github.settrademqtt.test.rest;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;

import io.github.settrademqtt.test.SimulatorFaults;
import io.github.settrademqtt.test.rest.TokenStore.Grant;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * {@code GET /api/dispatcher/v3/{brokerId}/token}: trades a valid access token for the
 * MQTT host list (see {@link SimulatorFaults#dispatcherHosts(String...)}) and a
 * one-connection dispatcher ticket.
 *
 * @author settrade-mqtt
 */
public final class DispatcherTicketEndpoint implements RestEndpoint {

	public static final String PATH = "/api/dispatcher/v3/{brokerId}/token";

	private static final Logger logger = Loggers.getLogger(DispatcherTicketEndpoint.class);

	private final TokenStore tokens;

	private final TicketStore tickets;

	private final ResponseBodies bodies;

	private final RestFaults faults;

	private final RequestCounters stats;

	private final Supplier<List<String>> mqttHosts;

	public DispatcherTicketEndpoint(TokenStore tokens, TicketStore tickets, ResponseBodies bodies, RestFaults faults,
			RequestCounters stats, Supplier<List<String>> mqttHosts) {
		this.tokens = tokens;
		this.tickets = tickets;
		this.bodies = bodies;
		this.faults = faults;
		this.stats = stats;
		this.mqttHosts = mqttHosts;
	}

	@Override
	public SimulatorResponse handle(SimulatorRequest request) {
		this.stats.ticketRequested();
		try {
			SimulatorResponse response = issueTicket(request);
			this.stats.ticketIssued();
			return response;
		}
		catch (RejectedRequestException ex) {
			this.stats.ticketRejected();
			logger.debug("Ticket request rejected with {} {}", ex.status(), ex.code());
			throw ex;
		}
	}

	private SimulatorResponse issueTicket(SimulatorRequest request) {
		if (this.faults.takeTicketHang()) {
			throw new UnansweredRequestException();
		}
		OptionalInt injected = this.faults.takeTicketFailure();
		if (injected.isPresent()) {
			throw RejectedRequestException.injected(injected.getAsInt());
		}
		String accessToken = BearerCredentials.parse(request.header(HttpHeaderNames.AUTHORIZATION.toString()));
		Grant grant = (accessToken != null) ? this.tokens.findValidAccessToken(accessToken).orElse(null) : null;
		if (grant == null || !grant.app().brokerId().equals(request.pathParam("brokerId"))) {
			throw new RejectedRequestException(401, "UNAUTHORIZED", "Access token is invalid or expired");
		}
		String ticket = this.tickets.issue(grant);
		logger.debug("Ticket {} issued to app {}", IssuedSecrets.mask(ticket), grant.app().appId());
		return SimulatorResponse.ok(this.bodies.ticket(this.mqttHosts.get(), ticket));
	}

}
