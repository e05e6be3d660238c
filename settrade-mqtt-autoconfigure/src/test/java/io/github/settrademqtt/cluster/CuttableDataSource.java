package io.github.settrademqtt.cluster;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A replica's data source for the lock registry, whose database can be cut off: from
 * {@link #cut()} on every connection attempt fails, as when the network to the database
 * is cut or the process is gone, so the replica can neither renew nor release its lock.
 */
final class CuttableDataSource extends DelegatingDataSource {

	private volatile boolean cut;

	CuttableDataSource(String url) {
		super(new DriverManagerDataSource(url));
	}

	void cut() {
		this.cut = true;
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

	static DataSource of(String database) {
		return new CuttableDataSource("jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1");
	}

}
