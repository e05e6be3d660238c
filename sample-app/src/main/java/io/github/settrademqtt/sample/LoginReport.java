package io.github.settrademqtt.sample;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.settrademqtt.autoconfigure.SettradeConnectionDetails;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reports, once the feed's first connection is up, where the application logged in, the
 * MQTT host it connected to and how long the access token lives. Everything comes from
 * what the starter already holds: it neither logs in nor takes a dispatcher ticket of its
 * own (a ticket opens one connection and is the connection's), and it never prints a
 * token. Listens to the starter's {@link ConnectedEvent}.
 *
 * @author settrade-mqtt
 */
@Component
class LoginReport {

	private static final Log logger = LogFactory.getLog(LoginReport.class);

	private final ObjectProvider<SettradeMqttConnection> connection;

	private final ObjectProvider<SettradeConnectionDetails> connectionDetails;

	private final AtomicBoolean reported = new AtomicBoolean();

	LoginReport(ObjectProvider<SettradeMqttConnection> connection,
			ObjectProvider<SettradeConnectionDetails> connectionDetails) {
		// providers: the report needs the beans only once the feed is up
		this.connection = connection;
		this.connectionDetails = connectionDetails;
	}

	@EventListener(ConnectedEvent.class)
	void connected() {
		if (!this.reported.get()) {
			report();
		}
	}

	private void report() {
		SettradeMqttConnection connection = this.connection.getIfAvailable();
		SettradeConnectionDetails connectionDetails = this.connectionDetails.getIfAvailable();
		String host = (connection != null) ? connection.getHost() : null;
		Long expiresAtNanos = (connection != null) ? connection.getTicketExpiresAtNanos() : null;
		if (connectionDetails == null || host == null || expiresAtNanos == null
				|| !this.reported.compareAndSet(false, true)) {
			return;
		}
		Duration tokenLeft = Duration.ofNanos(expiresAtNanos - System.nanoTime());
		logger.info("Logged in to Settrade at " + connectionDetails.getBaseUrl() + " (broker "
				+ connectionDetails.getBrokerId() + "): MQTT host " + host + ", access token valid for "
				+ tokenLeft.toSeconds() + " s");
	}

}
