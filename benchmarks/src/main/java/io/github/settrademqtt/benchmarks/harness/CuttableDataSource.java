package io.github.settrademqtt.benchmarks.harness;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A replica's data source for the lock registry, whose database can be cut off and
 * restored: while cut, every connection attempt fails, as when the network to the
 * database is cut or the process hangs, so the replica can neither renew nor release its
 * lock; restored, the replica takes part in the election again.
 *
 * @author settrade-mqtt
 */
public final class CuttableDataSource extends DelegatingDataSource {

	private volatile boolean cut;

	/**
	 * Create a data source on an in-memory H2 database that outlives its connections, so
	 * that replicas in one JVM share it.
	 * @param database the database's name
	 */
	public CuttableDataSource(String database) {
		super(new DriverManagerDataSource("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"));
	}

	/**
	 * Cut the database off: every connection attempt fails from now on.
	 */
	public void cut() {
		this.cut = true;
	}

	/**
	 * Reach the database again.
	 */
	public void restore() {
		this.cut = false;
	}

	@Override
	public Connection getConnection() throws SQLException {
		check();
		return super.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		check();
		return super.getConnection(username, password);
	}

	private void check() throws SQLException {
		if (this.cut) {
			throw new SQLException("The network to the database is cut");
		}
	}

}
