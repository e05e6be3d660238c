package io.github.settrademqtt.connection;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.login.DispatcherTicket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;

/**
 * Opens the connection's MQTT sessions and keeps every one not closed yet, so that stop
 * can close them all and none can be opened after it. Epochs increase with every session
 * created.
 *
 * @author settrade-mqtt
 */
final class TicketConnections {

	private static final Log logger = LogFactory.getLog(TicketConnections.class);

	private final ConnectionSettings settings;

	private final BeanFactory beanFactory;

	private final TicketConnection.Listener listener;

	private final Object monitor = new Object();

	private final Set<TicketConnection> open = ConcurrentHashMap.newKeySet();

	private boolean accepting;

	private long epochs;

	private String lastSkippedHosts = "";

	TicketConnections(ConnectionSettings settings, BeanFactory beanFactory, TicketConnection.Listener listener) {
		this.settings = settings;
		this.beanFactory = beanFactory;
		this.listener = listener;
	}

	/**
	 * Allow sessions to be opened.
	 */
	void startAccepting() {
		synchronized (this.monitor) {
			this.accepting = true;
		}
	}

	/**
	 * Refuse every session from now on, and close every one not closed yet.
	 */
	void stopAndCloseAll() {
		synchronized (this.monitor) {
			this.accepting = false;
		}
		for (TicketConnection session : List.copyOf(this.open)) {
			close(session);
		}
	}

	long nextEpoch() {
		synchronized (this.monitor) {
			return this.epochs + 1;
		}
	}

	/**
	 * Open a session with a ticket, or close whatever was opened and say why not (a
	 * {@link ConnectAttemptException}); interrupted when sessions are no longer accepted.
	 */
	TicketConnection open(DispatcherTicket ticket) throws InterruptedException {
		TicketConnection session;
		synchronized (this.monitor) {
			if (!this.accepting) {
				throw new InterruptedException("stopped");
			}
			session = new TicketConnection(++this.epochs, ticket, this.settings, this.beanFactory, this.listener);
			this.open.add(session);
		}
		logSkippedHosts(session);
		try {
			if (!session.open()) {
				// Paho cannot tell a refused upgrade (a spent or stale ticket) from a
				// network failure, so every failed attempt gets a fresh ticket
				Throwable cause = session.openFailure();
				throw new ConnectAttemptException("could not connect to " + ticket.hosts()
						+ ((cause != null) ? " (" + FailureReasons.mostSpecific(cause) + ")" : ""), cause);
			}
			return session;
		}
		catch (RuntimeException | Error ex) {
			close(session);
			throw ex;
		}
	}

	private void logSkippedHosts(TicketConnection session) {
		String skipped = String.join("; ", session.skippedHosts());
		if (!skipped.isEmpty() && !skipped.equals(this.lastSkippedHosts)) {
			logger.warn("Skipped dispatcher hosts Settrade offered: " + skipped);
		}
		this.lastSkippedHosts = skipped;
	}

	/**
	 * Close a session, never throwing.
	 */
	void close(TicketConnection session) {
		this.open.remove(session);
		try {
			session.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Failed to close " + session, ex);
		}
	}

}
