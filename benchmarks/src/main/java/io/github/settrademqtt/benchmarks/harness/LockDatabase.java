package io.github.settrademqtt.benchmarks.harness;

import java.sql.SQLException;

import org.h2.engine.SysProperties;
import org.h2.tools.Server;

/**
 * The lock registry's database for replicas in processes of their own: in-memory H2
 * databases served over TCP on {@code 127.0.0.1}, as the sample's {@code cluster-shared}
 * profile serves them. H2 binds the address of its {@code h2.bindAddress} system
 * property, set here before H2 reads it, the first time H2 is used in the JVM.
 *
 * @author settrade-mqtt
 */
public final class LockDatabase implements AutoCloseable {

	private static final String BIND_ADDRESS = "127.0.0.1";

	private final Server server;

	private LockDatabase(Server server) {
		this.server = server;
	}

	/**
	 * Serve the databases on a free port.
	 * @return the running server
	 * @throws SQLException if it cannot start
	 * @throws IllegalStateException if H2 was used in this JVM before, and would listen
	 * on every interface
	 */
	public static LockDatabase start() throws SQLException {
		System.setProperty("h2.bindAddress", BIND_ADDRESS);
		if (!BIND_ADDRESS.equals(SysProperties.BIND_ADDRESS)) {
			throw new IllegalStateException("H2 was used in this JVM before the lock database was served: it would "
					+ "listen on every interface, not on " + BIND_ADDRESS + " only");
		}
		// -ifNotExists: the replicas create their in-memory database as they connect
		return new LockDatabase(Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start());
	}

	/**
	 * Return the JDBC URL of an in-memory database of the server, which lives as long as
	 * the server does.
	 * @param name the database's name
	 * @return the URL
	 */
	public String url(String name) {
		return "jdbc:h2:tcp://" + BIND_ADDRESS + ":" + this.server.getPort() + "/mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

	@Override
	public void close() {
		this.server.stop();
	}

}
