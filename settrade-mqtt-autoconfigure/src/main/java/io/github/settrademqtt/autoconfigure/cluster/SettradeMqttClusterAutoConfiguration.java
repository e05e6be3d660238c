package io.github.settrademqtt.autoconfigure.cluster;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.autoconfigure.SettradeMqttProperties;
import io.github.settrademqtt.autoconfigure.cluster.MissingLockRegistryException.Reason;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.cluster.UpstreamLeaderInitiator;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.PassThruLockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.ClassUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of cluster mode ({@code settrade.mqtt.cluster.enabled=true}): one
 * Settrade upstream per cluster. The token refresher, the connection and the feed
 * watchdog no longer start with the application; an {@link UpstreamCandidate} starts them
 * on the replica that Spring Integration's leader election over a {@link LockRegistry}
 * elects, and stops them when it is no longer leader.
 * <p>
 * The application's {@link LockRegistry} bean is used. Without one, given
 * spring-integration-jdbc and a single {@link DataSource}, a {@link JdbcLockRegistry} is
 * auto-configured on it, whose {@code INT_LOCK} table Spring Boot's
 * {@code spring.integration.jdbc.initialize-schema} creates. With neither, start-up fails
 * and says what to add.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = SettradeMqttAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration" })
@ConditionalOnBooleanProperty("settrade.mqtt.cluster.enabled")
@ConditionalOnBean(SettradeMqttConnection.class)
public final class SettradeMqttClusterAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SettradeMqttClusterAutoConfiguration.class);

	private static final String JDBC_LOCK_REGISTRY = "org.springframework.integration.jdbc.lock.JdbcLockRegistry";

	/**
	 * The upstream is the candidate's: none of it starts with the application.
	 */
	@Bean
	@ConditionalOnMissingBean
	UpstreamCandidate settradeUpstreamCandidate(SettradeMqttProperties properties, SettradeMqttConnection connection,
			ObjectProvider<SettradeTokenRefresher> tokenRefresher, ObjectProvider<FeedWatchdog> watchdog) {
		List<SmartLifecycle> upstream = new ArrayList<>();
		connection.setAutoStartup(false);
		upstream.add(connection);
		tokenRefresher.ifAvailable((refresher) -> {
			refresher.setAutoStartup(false);
			upstream.add(refresher);
		});
		watchdog.ifAvailable((feedWatchdog) -> {
			feedWatchdog.setAutoStartup(false);
			upstream.add(feedWatchdog);
		});
		return new UpstreamCandidate(properties.getCluster().getRole(), upstream);
	}

	@Bean
	@ConditionalOnMissingBean
	UpstreamLeaderInitiator settradeLeaderInitiator(UpstreamCandidate candidate,
			ObjectProvider<LockRegistry<?>> lockRegistry, SettradeMqttProperties properties,
			ConfigurableListableBeanFactory beanFactory) {
		LockRegistry<?> locks = lockRegistry.getIfAvailable();
		if (locks == null) {
			throw new MissingLockRegistryException(whyNoLockRegistry(beanFactory));
		}
		if (locks instanceof DefaultLockRegistry || locks instanceof PassThruLockRegistry) {
			logger.warn("Settrade MQTT cluster mode elects its leader with a " + locks.getClass().getSimpleName()
					+ ", which locks within this JVM only: every replica will lead and connect. Define a LockRegistry "
					+ "the replicas share (JDBC, Redis, Zookeeper, Hazelcast)");
		}
		UpstreamLeaderInitiator initiator = new UpstreamLeaderInitiator(locks, candidate);
		long heartbeat = properties.getCluster().getHeartbeat().toMillis();
		initiator.setHeartBeatMillis(heartbeat);
		// a replica that has just given up leadership waits a heartbeat before it
		// competes again, so that the others, which try all the time, take the lock
		initiator.setBusyWaitMillis(heartbeat);
		initiator.setAutoStartup(properties.isAutoStartup());
		return initiator;
	}

	private static Reason whyNoLockRegistry(ConfigurableListableBeanFactory beanFactory) {
		if (!ClassUtils.isPresent(JDBC_LOCK_REGISTRY, beanFactory.getBeanClassLoader())) {
			return Reason.NO_SPRING_INTEGRATION_JDBC;
		}
		return (beanFactory.getBeanNamesForType(DataSource.class).length == 0) ? Reason.NO_DATA_SOURCE
				: Reason.SEVERAL_DATA_SOURCES;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JdbcLockRegistry.class)
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnMissingBean(LockRegistry.class)
	static class JdbcLockRegistryConfiguration {

		/**
		 * Lock operations run in transactions of their own on this DataSource, whatever
		 * transaction managers the application has.
		 */
		@Bean
		@ConditionalOnMissingBean(LockRepository.class)
		@DependsOnDatabaseInitialization
		DefaultLockRepository settradeLockRepository(DataSource dataSource) {
			DefaultLockRepository repository = new DefaultLockRepository(dataSource);
			repository.setTransactionManager(new DataSourceTransactionManager(dataSource));
			return repository;
		}

		@Bean
		JdbcLockRegistry settradeLockRegistry(LockRepository settradeLockRepository,
				SettradeMqttProperties properties) {
			return new JdbcLockRegistry(settradeLockRepository, properties.getCluster().getJdbc().getTimeToLive());
		}

	}

}
