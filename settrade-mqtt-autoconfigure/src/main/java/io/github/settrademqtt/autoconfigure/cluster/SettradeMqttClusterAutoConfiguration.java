package io.github.settrademqtt.autoconfigure.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.autoconfigure.SettradeMqttProperties;
import io.github.settrademqtt.autoconfigure.cluster.MissingLockRegistryException.Reason;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.cluster.UpstreamLeaderInitiator;
import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeMqttMessageProducer;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.channel.FixedSubscriberChannel;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.jdbc.lock.LockRepository;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.integration.support.locks.PassThruLockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.MessageChannel;
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
 * <p>
 * The leader publishes its raw feed to a Kafka topic ({@link FeedPublisher}), and every
 * replica, the leader included, reads that topic into its own delivery
 * ({@link FeedFollower}), through Spring Boot's Kafka auto-configuration
 * ({@code spring.kafka.*}). Without it start-up fails and says what to add.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = SettradeMqttAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration" })
@ConditionalOnBooleanProperty("settrade.mqtt.cluster.enabled")
@ConditionalOnBean(SettradeMqttConnection.class)
public final class SettradeMqttClusterAutoConfiguration {

	private static final Log logger = LogFactory.getLog(SettradeMqttClusterAutoConfiguration.class);

	private static final String JDBC_LOCK_REGISTRY = "org.springframework.integration.jdbc.lock.JdbcLockRegistry";

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

	/**
	 * Without spring-kafka there is no fan-out: start-up fails and says what to add.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.kafka.core.ProducerFactory")
	static class NoKafkaConfiguration {

		@Bean
		Object settradeClusterKafkaCheck() {
			throw new MissingKafkaException(MissingKafkaException.Reason.NO_SPRING_KAFKA);
		}

	}

	/**
	 * The fan-out of the leader's feed over Kafka: the leader's message producer sends to
	 * the {@link FeedPublisher}, which is part of the upstream; the {@link FeedFollower}
	 * of every replica sends what it reads to the channel the delivery reads.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ProducerFactory.class)
	static class KafkaFanOutConfiguration {

		/**
		 * The channel the delivery reads, which the message producer sends to in
		 * single-node mode.
		 */
		private static final String INBOUND_CHANNEL = "settradeMqttInboundChannel";

		/**
		 * Segments roll this often, so that compaction, which leaves the active segment
		 * alone, keeps what a starting replica reads to about this much of the feed.
		 */
		private static final Duration SEGMENT_AGE = Duration.ofMinutes(10);

		/**
		 * The least a leader that offered its upstream waits for another replica to take
		 * it: the lock's release, a lock poll and a term claim.
		 */
		private static final Duration MIN_PICK_UP = Duration.ofSeconds(2);

		private static final Duration CLAIMS_MAX_BLOCK = Duration.ofSeconds(5);

		private static Duration max(Duration a, Duration b) {
			return (a.compareTo(b) >= 0) ? a : b;
		}

		@Bean
		@ConditionalOnMissingBean
		FeedPublisher settradeFeedPublisher(ObjectProvider<ProducerFactory<?, ?>> producerFactory,
				SettradeMqttProperties properties, SettradeMqttMessageProducer producer, FeedFollower follower,
				SettradeMqttConnection connection, SubscriptionRegistry registry) {
			ProducerFactory<?, ?> kafka = producerFactory.getIfAvailable();
			if (kafka == null) {
				throw new MissingKafkaException(MissingKafkaException.Reason.NO_KAFKA_FACTORIES);
			}
			SettradeMqttProperties.Kafka settings = properties.getCluster().getKafka();
			FeedPublisher publisher = new FeedPublisher(feedProducerFactory(kafka), settings.getTopic(),
					settings.getClaimTimeout());
			publisher.setHandOverTimeout(settings.getHandOverTimeout());
			// another replica tries the lock every heartbeat once it is released
			publisher.setPickUpTimeout(max(MIN_PICK_UP, properties.getCluster().getHeartbeat().multipliedBy(4)));
			// the leader's upstream feeds Kafka; every replica's delivery reads it back
			producer.setOutputChannel(new FixedSubscriberChannel(publisher));
			publisher.setFollower(follower);
			// a hand-over to this replica ends once its connection gets all it subscribes
			// to
			publisher.setUpstreamReady(() -> connection.getState() == ConnectionState.CONNECTED
					&& !registry.states().containsValue(SubscriptionState.PENDING));
			return publisher;
		}

		/**
		 * Boot's producer settings ({@code spring.kafka.*}) with the feed's serializers;
		 * without a {@code linger.ms} of the application's, a message is sent at once.
		 */
		private static ProducerFactory<String, byte[]> feedProducerFactory(ProducerFactory<?, ?> kafka) {
			Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
			config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
			return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
		}

		private static ConsumerFactory<String, byte[]> feedConsumerFactory(
				ObjectProvider<ConsumerFactory<?, ?>> consumerFactory) {
			ConsumerFactory<?, ?> kafka = consumerFactory.getIfAvailable();
			if (kafka == null) {
				throw new MissingKafkaException(MissingKafkaException.Reason.NO_KAFKA_FACTORIES);
			}
			return new DefaultKafkaConsumerFactory<>(kafka.getConfigurationProperties(), new StringDeserializer(),
					new ByteArrayDeserializer());
		}

		/**
		 * The feed's producer settings, with sends that wait for Kafka's metadata at most
		 * {@link #CLAIMS_MAX_BLOCK}: announcements are repeated anyway, and the tombstone
		 * of a replica that stops must not hold its shutdown for a minute when Kafka is
		 * away.
		 */
		private static ProducerFactory<String, byte[]> claimsProducerFactory(ProducerFactory<?, ?> kafka) {
			Map<String, Object> config = new HashMap<>(kafka.getConfigurationProperties());
			config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
			config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) CLAIMS_MAX_BLOCK.toMillis());
			return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
		}

		@Bean
		@ConditionalOnMissingBean
		FeedFollower settradeFeedFollower(ObjectProvider<ConsumerFactory<?, ?>> consumerFactory,
				SettradeMqttProperties properties, @Qualifier(INBOUND_CHANNEL) MessageChannel inbound,
				ClusterSubscriptions subscriptions) {
			SettradeMqttProperties.Kafka settings = properties.getCluster().getKafka();
			FeedFollower follower = new FeedFollower(feedConsumerFactory(consumerFactory), settings.getTopic(), inbound,
					settings.getCatchUpTimeout());
			// the feed carries what any replica claims; this one delivers its own
			follower.setDelivers(subscriptions::isOwnTopic);
			follower.setAutoStartup(properties.isAutoStartup());
			return follower;
		}

		@Bean
		@ConditionalOnMissingBean
		ClusterSubscriptions settradeClusterSubscriptions(ObjectProvider<ProducerFactory<?, ?>> producerFactory,
				ObjectProvider<ConsumerFactory<?, ?>> consumerFactory, SettradeMqttProperties properties,
				SubscriptionRegistry registry) {
			ProducerFactory<?, ?> kafka = producerFactory.getIfAvailable();
			if (kafka == null) {
				throw new MissingKafkaException(MissingKafkaException.Reason.NO_KAFKA_FACTORIES);
			}
			SettradeMqttProperties.Kafka settings = properties.getCluster().getKafka();
			ClusterSubscriptions subscriptions = new ClusterSubscriptions(claimsProducerFactory(kafka),
					feedConsumerFactory(consumerFactory), settings.getClaimsTopic(), registry,
					UUID.randomUUID().toString(), settings.getClaims().getRefresh(), settings.getClaims().getExpiry(),
					settings.getCatchUpTimeout());
			subscriptions.setAutoStartup(properties.isAutoStartup());
			return subscriptions;
		}

		/**
		 * The claims topic, created at start-up when it does not exist: compacted, one
		 * record per replica.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "settradeClaimsTopic")
		NewTopic settradeClaimsTopic(SettradeMqttProperties properties) {
			return TopicBuilder.name(properties.getCluster().getKafka().getClaimsTopic())
				.partitions(1)
				.compact()
				.build();
		}

		/**
		 * The feed topic, created at start-up by Boot's {@code KafkaAdmin} when it does
		 * not exist: compacted, so that it keeps the last message of every Settrade
		 * topic.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "settradeFeedTopic")
		NewTopic settradeFeedTopic(SettradeMqttProperties properties) {
			SettradeMqttProperties.Kafka settings = properties.getCluster().getKafka();
			return TopicBuilder.name(settings.getTopic())
				.partitions(settings.getPartitions())
				.compact()
				.config(TopicConfig.SEGMENT_MS_CONFIG, String.valueOf(SEGMENT_AGE.toMillis()))
				.build();
		}

		/**
		 * The upstream is the candidate's: none of it starts with the application.
		 */
		@Bean
		@ConditionalOnMissingBean
		UpstreamCandidate settradeUpstreamCandidate(SettradeMqttProperties properties,
				SettradeMqttConnection connection, FeedPublisher publisher,
				ObjectProvider<SettradeTokenRefresher> tokenRefresher, ObjectProvider<FeedWatchdog> watchdog,
				ClusterSubscriptions subscriptions) {
			List<SmartLifecycle> upstream = new ArrayList<>();
			upstream.add(subscriptions.peerClaims());
			upstream.add(publisher);
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
			UpstreamCandidate candidate = new UpstreamCandidate(properties.getCluster().getRole(), upstream);
			candidate.setHandOver(publisher::offerHandOver);
			return candidate;
		}

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
