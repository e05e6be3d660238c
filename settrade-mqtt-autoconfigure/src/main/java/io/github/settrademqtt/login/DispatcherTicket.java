package io.github.settrademqtt.login;

import java.time.Duration;
import java.util.List;

import org.springframework.util.Assert;

/**
 * A dispatcher ticket: the MQTT hosts to connect to and the token that opens one
 * connection. The connection lives no longer than the access token the ticket was
 * obtained with: Settrade closes it when that token expires. {@link #toString()} masks
 * the token.
 *
 * @param hosts the MQTT hosts in the order to try them, never empty
 * @param token the dispatcher token
 * @param tokenType the type to present the token with, from the access token
 * @param expiresAtNanos when the access token behind the ticket expires, on the monotonic
 * clock ({@link System#nanoTime()})
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record DispatcherTicket(List<String> hosts, String token, String tokenType, long expiresAtNanos) {

	public DispatcherTicket {
		Assert.notEmpty(hosts, "'hosts' must not be empty");
		Assert.hasText(token, "'token' must not be empty");
		Assert.hasText(tokenType, "'tokenType' must not be empty");
		hosts = List.copyOf(hosts);
	}

	/**
	 * Return the first host, the one Settrade intends to be used.
	 * @return the primary host
	 */
	public String host() {
		return this.hosts.get(0);
	}

	/**
	 * Return how long a connection opened with this ticket may live.
	 * @param nowNanos the current monotonic time
	 * @return the remaining lifetime, negative once the token behind it has expired
	 */
	public Duration remaining(long nowNanos) {
		return Duration.ofNanos(this.expiresAtNanos - nowNanos);
	}

	/**
	 * Return the value of an {@code Authorization} header carrying this ticket.
	 * @return the header value
	 */
	public String authorization() {
		return this.tokenType + " " + this.token;
	}

	@Override
	public String toString() {
		return "DispatcherTicket[hosts=" + this.hosts + ", token=******]";
	}

}
