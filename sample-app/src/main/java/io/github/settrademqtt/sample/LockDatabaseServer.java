package io.github.settrademqtt.sample;

import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Serves the database in which the replicas of the {@code cluster} profile keep their
 * leader lock: in-memory H2 databases over TCP on {@code 127.0.0.1}, port
 * {@code sample.lock-database.port}, in the process of the {@code cluster-shared}
 * profile, which plays what a real deployment's replicas share. As the lock lives in none
 * of the replicas, a stopping leader releases it and another one takes it at once.
 * <p>
 * Only local connections are accepted. H2 binds the address of its {@code h2.bindAddress}
 * system property, which this class sets to {@code 127.0.0.1} before H2 reads it, the
 * first time H2 is used in the JVM; when H2 read it earlier the server does not start.
 *
 * @author settrade-mqtt
 */
@Component
@Profile("cluster-shared")
class LockDatabaseServer implements SmartLifecycle {

	private static final String BIND_ADDRESS = "127.0.0.1";

	private static final Log logger = LogFactory.getLog(LockDatabaseServer.class);

	private final int port;

	private @Nullable Server server;

	LockDatabaseServer(@Value("${sample.lock-database.port}") int port) {
		this.port = port;
	}

	@Override
	public void start() {
		System.setProperty("h2.bindAddress", BIND_ADDRESS);
		if (!BIND_ADDRESS.equals(SysProperties.BIND_ADDRESS)) {
			throw new IllegalStateException("H2 was used in this JVM before the lock database was served: it would "
					+ "listen on every interface, not on " + BIND_ADDRESS + " only");
		}
		try {
			// -ifNotExists: the replicas create their in-memory database as they connect
			this.server = Server.createTcpServer("-tcpPort", String.valueOf(this.port), "-ifNotExists").start();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not serve the lock database on port " + this.port + " (sample.lock-database.port)", ex);
		}
		logger.info("Serving the lock database of the cluster profile's replicas at jdbc:h2:tcp://" + BIND_ADDRESS + ":"
				+ this.port + "/mem:...");
	}

	@Override
	public void stop() {
		Server server = this.server;
		this.server = null;
		if (server != null) {
			server.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
