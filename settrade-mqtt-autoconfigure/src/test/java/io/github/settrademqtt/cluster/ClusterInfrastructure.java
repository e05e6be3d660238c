package io.github.settrademqtt.cluster;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.StringUtils;

/**
 * The Kafka and the database the cluster tests' replicas share: by default a Kafka broker
 * in-process (spring-kafka-test's KRaft broker), started for the test class, and
 * in-memory H2 databases; with the {@code external-cluster} Maven profile, the Kafka and
 * the database given by its system properties ({@value #KAFKA_PROPERTY},
 * {@value #JDBC_URL_PROPERTY}, {@value #JDBC_USERNAME_PROPERTY},
 * {@value #JDBC_PASSWORD_PROPERTY}), such as a Kafka cluster and a PostgreSQL server.
 * Register it as a static field with {@code @RegisterExtension}.
 */
final class ClusterInfrastructure implements BeforeAllCallback, AfterAllCallback {

	static final String KAFKA_PROPERTY = "settrade.cluster-test.kafka.bootstrap-servers";

	static final String JDBC_URL_PROPERTY = "settrade.cluster-test.jdbc.url";

	static final String JDBC_USERNAME_PROPERTY = "settrade.cluster-test.jdbc.username";

	static final String JDBC_PASSWORD_PROPERTY = "settrade.cluster-test.jdbc.password";

	private static @Nullable String bootstrapServers;

	private @Nullable EmbeddedKafkaKraftBroker broker;

	@Override
	public void beforeAll(ExtensionContext context) {
		String external = System.getProperty(KAFKA_PROPERTY);
		if (StringUtils.hasText(external)) {
			bootstrapServers = external;
			return;
		}
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
		this.broker = broker;
		bootstrapServers = broker.getBrokersAsString();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		EmbeddedKafkaKraftBroker broker = this.broker;
		this.broker = null;
		bootstrapServers = null;
		if (broker != null) {
			broker.destroy();
		}
	}

	/**
	 * Return the bootstrap servers of the Kafka of the running test class.
	 */
	static String bootstrapServers() {
		String servers = bootstrapServers;
		if (servers == null) {
			throw new IllegalStateException("No ClusterInfrastructure is registered for the running test class");
		}
		return servers;
	}

	/**
	 * Return the properties of the database named {@code name}: an in-memory H2 database
	 * of that name, or the external database (shared by every name: the tests give each
	 * cluster a lock role of its own instead).
	 */
	static String[] database(String name) {
		String url = System.getProperty(JDBC_URL_PROPERTY);
		if (!StringUtils.hasText(url)) {
			return new String[] { "spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" };
		}
		return new String[] { "spring.datasource.url=" + url,
				"spring.datasource.username=" + System.getProperty(JDBC_USERNAME_PROPERTY, ""),
				"spring.datasource.password=" + System.getProperty(JDBC_PASSWORD_PROPERTY, ""),
				"spring.integration.jdbc.initialize-schema=always" };
	}

	/**
	 * Return whether the tests run against an external database.
	 */
	static boolean externalDatabase() {
		return StringUtils.hasText(System.getProperty(JDBC_URL_PROPERTY));
	}

}
