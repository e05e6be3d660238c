package io.github.settrademqtt.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

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

	CuttableDataSource(String url, String username, String password) {
		super(new DriverManagerDataSource(url, username, password));
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

	/**
	 * Return a data source on the database named {@code database} of the
	 * {@link ClusterInfrastructure}.
	 */
	static DataSource of(String database) {
		Map<String, String> properties = new HashMap<>();
		for (String property : ClusterInfrastructure.database(database)) {
			int equals = property.indexOf('=');
			properties.put(property.substring(0, equals), property.substring(equals + 1));
		}
		return new CuttableDataSource(properties.get("spring.datasource.url"),
				properties.getOrDefault("spring.datasource.username", ""),
				properties.getOrDefault("spring.datasource.password", ""));
	}

}
