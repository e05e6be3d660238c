package io.github.settrademqtt.test.mqtt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import io.netty.channel.ChannelFuture;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The client connections the simulator accepted and that are still open, with the
 * server-side ends: the close at token expiry and the faults that drop or stall them all.
 * <p>
 * Expiry follows the simulator clock, which a test may move by hand: each connection
 * checks it on its own event loop at least every {@link #EXPIRY_POLL}, and exactly at the
 * expiry instant when the clock runs on its own. No thread of its own is needed.
 *
 * @author settrade-mqtt
 */
public final class MqttConnections {

	public static final Duration EXPIRY_POLL = Duration.ofMillis(100);

	private static final Logger logger = Loggers.getLogger(MqttConnections.class);

	private final Clock clock;

	private final Set<MqttClientConnection> open = ConcurrentHashMap.newKeySet();

	private final AtomicLong closedForExpiry = new AtomicLong();

	public MqttConnections(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Registers an accepted connection, to be closed when {@code expiresAt} passes.
	 * @param connection the connection
	 * @param expiresAt expiry of the token that opened it, on the simulator clock
	 */
	void opened(MqttClientConnection connection, Instant expiresAt) {
		this.open.add(connection);
		checkExpiry(connection, expiresAt);
	}

	private void checkExpiry(MqttClientConnection connection, Instant expiresAt) {
		Duration remaining = Duration.between(this.clock.instant(), expiresAt);
		if (remaining.isNegative() || remaining.isZero()) {
			if (connection.closeForExpiry()) {
				this.closedForExpiry.incrementAndGet();
				logger.debug("MQTT connection closed: its token expired");
			}
			return;
		}
		long delay = Math.min(remaining.toNanos(), EXPIRY_POLL.toNanos());
		connection.scheduleExpiryCheck(() -> checkExpiry(connection, expiresAt), delay);
	}

	/**
	 * Forgets a connection that closed, whichever side closed it, and releases what is
	 * left of it.
	 * @param connection the connection
	 */
	void closed(MqttClientConnection connection) {
		this.open.remove(connection);
		connection.release();
	}

	/**
	 * Drops every open connection, stalled ones included.
	 * @return how many were dropped
	 */
	public int dropAll() {
		int dropped = forEachOpen(MqttClientConnection::drop);
		logger.debug("Dropped {} MQTT connections", dropped);
		return dropped;
	}

	/**
	 * Closes every open connection, stalled ones included, and waits until their sockets
	 * are closed or {@code timeout} passed. The simulator's stop calls this before it
	 * stops its server: the server's own shutdown did not always close a stalled
	 * connection's socket, which then stayed open with no event loop left to serve it.
	 * @param timeout how long to wait for the sockets, in all
	 */
	public void closeAll(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (ChannelFuture closed : this.open.stream().map(MqttClientConnection::close).toList()) {
			closed.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Stalls every open connection: see {@link MqttClientConnection#stall()}.
	 * @return how many were stalled
	 */
	public int stallAll() {
		int stalled = forEachOpen(MqttClientConnection::stall);
		logger.debug("Stalled {} MQTT connections", stalled);
		return stalled;
	}

	private int forEachOpen(Predicate<MqttClientConnection> action) {
		int count = 0;
		for (MqttClientConnection connection : List.copyOf(this.open)) {
			if (action.test(connection)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Returns the number of connections whose client side is open, stalled ones included.
	 * @return the number of open connections
	 */
	public int openCount() {
		return count(MqttClientConnection::isClientOpen);
	}

	public int stalledCount() {
		return count(MqttClientConnection::isStalled);
	}

	private int count(Predicate<MqttClientConnection> filter) {
		return (int) this.open.stream().filter(filter).count();
	}

	public long closedForExpiry() {
		return this.closedForExpiry.get();
	}

	public void resetCounters() {
		this.closedForExpiry.set(0);
	}

}
