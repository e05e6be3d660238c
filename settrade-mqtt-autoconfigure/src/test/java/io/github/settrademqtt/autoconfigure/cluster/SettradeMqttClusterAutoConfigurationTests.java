package io.github.settrademqtt.autoconfigure.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import javax.sql.DataSource;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException;
import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.cluster.UpstreamLeaderInitiator;
import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeTokenRefresher;
import io.github.settrademqtt.feed.liveness.FeedWatchdog;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttClusterAutoConfiguration}. Nothing here reaches Settrade:
 * the upstream does not start (the starter does not start, or the test holds the lock the
 * replicas would elect their leader with), or tries 127.0.0.1:1, where nothing listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettradeMqttClusterAutoConfigurationTests {

	/**
	 * Settrade's published test key: a valid secret that logs in nowhere.
	 */
	private static final String SECRET = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	private static final String[] CREDENTIALS = { "settrade.mqtt.base-url=https://127.0.0.1:1",
			"settrade.mqtt.app-id=app-1", "settrade.mqtt.app-secret=" + SECRET, "settrade.mqtt.app-code=CODE1",
			"settrade.mqtt.broker-id=063" };

	private static final AtomicInteger databases = new AtomicInteger();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
				RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class,
				SettradeMqttClusterAutoConfiguration.class))
		.withPropertyValues(CREDENTIALS)
		.withPropertyValues("settrade.mqtt.auto-startup=false");

	/**
	 * Cluster mode with Boot's Kafka auto-configuration pointed at a port nothing listens
	 * on: the follower that starts gives its catch-up up at once, and no topic is
	 * created.
	 */
	private final ApplicationContextRunner cluster = this.runner
		.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
		.withPropertyValues("settrade.mqtt.cluster.enabled=true", "spring.kafka.bootstrap-servers=127.0.0.1:1",
				"spring.kafka.admin.auto-create=false", "settrade.mqtt.cluster.kafka.catch-up-timeout=100ms");

	/**
	 * With an in-memory H2 database of its own, through Boot's DataSource
	 * auto-configuration.
	 */
	private static ApplicationContextRunner withDatabase(ApplicationContextRunner runner) {
		return runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:cluster-config-" + databases.incrementAndGet()
					+ ";DB_CLOSE_DELAY=-1");
	}

	@Nested
	class SingleNode {

		@Test
		void offByDefaultEvenWithADataSourceAndSpringIntegrationJdbc() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.runner).run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(SettradeMqttConnection.class)
					.hasSingleBean(DataSource.class)
					.doesNotHaveBean(UpstreamCandidate.class)
					.doesNotHaveBean(LockRegistryLeaderInitiator.class)
					.doesNotHaveBean(LockRegistry.class)
					.doesNotHaveBean(DefaultLockRepository.class);
			});
		}

		@Test
		void withoutTheClusterDependenciesTheStarterWorksAsBefore() {
			SettradeMqttClusterAutoConfigurationTests.this.runner
				.withClassLoader(new FilteredClassLoader("org.springframework.integration.jdbc",
						"org.springframework.kafka", "org.springframework.jdbc", "org.springframework.boot.jdbc",
						"org.springframework.boot.sql"))
				.withPropertyValues("settrade.mqtt.auto-startup=true")
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.doesNotHaveBean(UpstreamCandidate.class)
						.doesNotHaveBean(LockRegistryLeaderInitiator.class);
					assertThat(context.getBean(SettradeMqttConnection.class).isAutoStartup()).isTrue();
					assertThat(context.getBean(SettradeTokenRefresher.class).isAutoStartup()).isTrue();
					assertThat(context.getBean(FeedWatchdog.class).isAutoStartup()).isTrue();
				});
		}

	}

	@Nested
	class Upstream {

		@Test
		void noLongerStartsWithTheApplicationButTheElectionDoes() {
			DefaultLockRegistry locks = new DefaultLockRegistry();
			SettradeMqttClusterAutoConfigurationTests.this.cluster.withPropertyValues("settrade.mqtt.auto-startup=true")
				.withBean(LockRegistry.class, () -> locks)
				.withBean(HeldLock.class, () -> new HeldLock(locks))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					SettradeMqttConnection connection = context.getBean(SettradeMqttConnection.class);
					SettradeTokenRefresher refresher = context.getBean(SettradeTokenRefresher.class);
					FeedWatchdog watchdog = context.getBean(FeedWatchdog.class);
					assertThat(connection.isAutoStartup()).isFalse();
					assertThat(refresher.isAutoStartup()).isFalse();
					assertThat(watchdog.isAutoStartup()).isFalse();
					assertThat(connection.isRunning() || refresher.isRunning() || watchdog.isRunning()).isFalse();
					UpstreamLeaderInitiator initiator = context.getBean(UpstreamLeaderInitiator.class);
					assertThat(initiator.isAutoStartup()).isTrue();
					assertThat(initiator.isRunning()).isTrue();
					assertThat(initiator.getPhase()).isEqualTo(SettradeMqttPhases.LEADER_ELECTION);
					assertThat(context.getBean(UpstreamCandidate.class).getClusterRole())
						.isEqualTo(ClusterRole.FOLLOWER);
				});
		}

		@Test
		void electionFollowsAutoStartupAndTheSettings() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("settrade.mqtt.cluster.role=prices", "settrade.mqtt.cluster.heartbeat=250ms")
				.run((context) -> {
					UpstreamLeaderInitiator initiator = context.getBean(UpstreamLeaderInitiator.class);
					assertThat(initiator.isAutoStartup()).isFalse();
					assertThat(initiator.isRunning()).isFalse();
					assertThat(initiator.getContext().getRole()).isEqualTo("prices");
					assertThat(initiator).hasFieldOrPropertyWithValue("heartBeatMillis", 250L)
						.hasFieldOrPropertyWithValue("busyWaitMillis", 250L);
				});
		}

	}

	@Nested
	class LockRegistries {

		@Test
		void jdbcOnTheDataSourceWithTheTableBootCreates(CapturedOutput output) {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("settrade.mqtt.cluster.jdbc.time-to-live=3s")
				.run((context) -> {
					assertThat(output).doesNotContain("locks within this JVM only");
					assertThat(context).hasNotFailed()
						.hasSingleBean(JdbcLockRegistry.class)
						.hasSingleBean(DefaultLockRepository.class)
						.hasSingleBean(UpstreamLeaderInitiator.class);
					assertThat(context.getBean(JdbcLockRegistry.class)).hasFieldOrPropertyWithValue("ttl",
							Duration.ofSeconds(3));
					assertThat(new JdbcTemplate(context.getBean(DataSource.class))
						.queryForObject("SELECT COUNT(*) FROM INT_LOCK", Integer.class)).isZero();
				});
		}

		@Test
		void withoutBootsSchemaInitialisationTheMissingTableFailsStartUp() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("spring.integration.jdbc.initialize-schema=never")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("INT_LOCK"));
		}

		@Test
		void theApplicationsLockRegistryIsPreferred(CapturedOutput output) {
			DefaultLockRegistry locks = new DefaultLockRegistry();
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withBean("applicationLocks", LockRegistry.class, () -> locks)
				.run((context) -> {
					assertThat(context).hasNotFailed()
						.hasSingleBean(DataSource.class)
						.doesNotHaveBean(JdbcLockRegistry.class)
						.doesNotHaveBean(DefaultLockRepository.class)
						.hasSingleBean(UpstreamLeaderInitiator.class);
					assertThat(context.getBean(LockRegistry.class)).isSameAs(locks);
					assertThat(output).contains("Settrade MQTT cluster mode elects its leader with a "
							+ "DefaultLockRegistry, which locks within this JVM only: every replica will lead and "
							+ "connect");
				});
		}

		@Test
		void aLeaderInitiatorOfTheApplicationForItsOwnRoleLeavesTheUpstreamsAlone() {
			LockRegistryLeaderInitiator own = new LockRegistryLeaderInitiator(new DefaultLockRegistry());
			own.setAutoStartup(false);
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withBean("applicationLeaderInitiator", LockRegistryLeaderInitiator.class, () -> own)
				.run((context) -> {
					assertThat(context).hasNotFailed().hasSingleBean(UpstreamLeaderInitiator.class);
					assertThat(context.getBean(UpstreamLeaderInitiator.class).getContext().getRole())
						.isEqualTo("settrade-mqtt");
				});
		}

	}

	@Nested
	class MissingLockRegistry {

		@Test
		void noDataSourceSaysToConfigureOne() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("settrade.mqtt.cluster.enabled=true")
					.contains("There is no LockRegistry bean")
					.endsWith("none could be auto-configured: there is no DataSource bean.");
				assertThat(analysis.getAction()).contains("spring.datasource.url")
					.contains("spring.integration.jdbc.initialize-schema")
					.contains("define a LockRegistry bean")
					.endsWith("or set settrade.mqtt.cluster.enabled=false to connect from every replica.");
			});
		}

		@Test
		void noSpringIntegrationJdbcSaysToAddTheClusterStarter() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withClassLoader(new FilteredClassLoader("org.springframework.integration.jdbc"))
				.run((context) -> {
					FailureAnalysis analysis = analyze(context);
					assertThat(analysis.getDescription()).contains("spring-integration-jdbc is not on the classpath");
					assertThat(analysis.getAction())
						.startsWith("Add the cluster starter, "
								+ "io.github.settrademqtt:settrade-mqtt-spring-boot-cluster-starter")
						.contains("define a LockRegistry bean");
				});
		}

		@Test
		void severalDataSourcesSayToMarkOnePrimary() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withBean("orders", DataSource.class, () -> h2("orders"))
				.withBean("prices", DataSource.class, () -> h2("prices"))
				.run((context) -> {
					FailureAnalysis analysis = analyze(context);
					assertThat(analysis.getDescription())
						.contains("there are several DataSource beans and none is primary");
					assertThat(analysis.getAction()).startsWith("Mark the DataSource all replicas share @Primary");
				});
		}

		@Test
		void startUpFailsWithTheAnalysis(CapturedOutput output) {
			SpringApplication application = new SpringApplication(ClusterApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			String[] arguments = new String[CREDENTIALS.length + 2];
			for (int i = 0; i < CREDENTIALS.length; i++) {
				arguments[i] = "--" + CREDENTIALS[i];
			}
			arguments[CREDENTIALS.length] = "--settrade.mqtt.auto-startup=false";
			arguments[CREDENTIALS.length + 1] = "--settrade.mqtt.cluster.enabled=true";
			assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> application.run(arguments)))
				.hasRootCauseInstanceOf(MissingLockRegistryException.class);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("There is no LockRegistry bean, and none could be auto-configured: there is no DataSource "
						+ "bean.")
				.contains("or set settrade.mqtt.cluster.enabled=false to connect from every replica.");
		}

		private static FailureAnalysis analyze(AssertableApplicationContext context) {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingLockRegistryException.class);
			FailureAnalysis analysis = new MissingLockRegistryFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			return analysis;
		}

		private static DataSource h2(String name) {
			return new DriverManagerDataSource("jdbc:h2:mem:" + name + "-" + databases.incrementAndGet());
		}

	}

	@Nested
	class KafkaFanOut {

		@Test
		void thePublisherIsPartOfTheUpstreamAndTheFollowerStartsWithTheApplication() {
			DefaultLockRegistry locks = new DefaultLockRegistry();
			SettradeMqttClusterAutoConfigurationTests.this.cluster.withPropertyValues("settrade.mqtt.auto-startup=true")
				.withBean(LockRegistry.class, () -> locks)
				.withBean(HeldLock.class, () -> new HeldLock(locks))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					FeedPublisher publisher = context.getBean(FeedPublisher.class);
					assertThat(publisher.isAutoStartup()).isFalse();
					assertThat(publisher.isRunning()).isFalse();
					assertThat(publisher.getPhase()).isLessThan(SettradeMqttPhases.TOKEN_REFRESHER);
					FeedFollower follower = context.getBean(FeedFollower.class);
					assertThat(follower.isRunning()).isTrue();
					assertThat(follower.isCaughtUp()).isFalse();
				});
		}

		@Test
		void theFollowerFollowsAutoStartup() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FeedFollower.class).isAutoStartup()).isFalse();
				assertThat(context.getBean(FeedFollower.class).isRunning()).isFalse();
			});
		}

		@Test
		void theTopicIsCompactedWithTheConfiguredNameAndPartitions() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("settrade.mqtt.cluster.kafka.topic=prices-feed",
						"settrade.mqtt.cluster.kafka.partitions=3")
				.run((context) -> {
					NewTopic topic = context.getBean("settradeFeedTopic", NewTopic.class);
					assertThat(topic.name()).isEqualTo("prices-feed");
					assertThat(topic.numPartitions()).isEqualTo(3);
					assertThat(topic.configs()).containsEntry("cleanup.policy", "compact");
				});
		}

		@Test
		void theClaimsTopicIsCompactedWithOnePartitionAndNamedAfterTheFeedsUnlessSet() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("settrade.mqtt.cluster.kafka.topic=prices-feed")
				.run((context) -> {
					NewTopic topic = context.getBean("settradeClaimsTopic", NewTopic.class);
					assertThat(topic.name()).isEqualTo("prices-feed-claims");
					assertThat(topic.numPartitions()).isEqualTo(1);
					assertThat(topic.configs()).containsEntry("cleanup.policy", "compact");
					assertThat(context.getBean(ClusterSubscriptions.class).getReplicaId()).isNotEmpty();
				});
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster)
				.withPropertyValues("settrade.mqtt.cluster.kafka.claims.topic=prices-claims")
				.run((context) -> assertThat(context.getBean("settradeClaimsTopic", NewTopic.class).name())
					.isEqualTo("prices-claims"));
		}

		@Test
		void theLeadersUpstreamClaimsTheOtherReplicasTopicsBeforeItsConnectionStarts() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.cluster).run((context) -> {
				ClusterSubscriptions subscriptions = context.getBean(ClusterSubscriptions.class);
				assertThat(context.getBean(UpstreamCandidate.class).getUpstream()).first()
					.isSameAs(subscriptions.peerClaims());
			});
		}

		@Test
		void withoutBootsKafkaAutoConfigurationStartUpFailsSayingWhatToAdd() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.runner)
				.withPropertyValues("settrade.mqtt.cluster.enabled=true")
				.run((context) -> {
					FailureAnalysis analysis = analyze(context);
					assertThat(analysis.getDescription()).contains("settrade.mqtt.cluster.enabled=true")
						.endsWith("there is no Kafka ProducerFactory or ConsumerFactory bean (Spring Boot's Kafka "
								+ "auto-configuration, in spring-boot-kafka, defines them).");
					assertThat(analysis.getAction())
						.startsWith("Add the cluster starter, "
								+ "io.github.settrademqtt:settrade-mqtt-spring-boot-cluster-starter")
						.contains("spring.kafka.bootstrap-servers")
						.endsWith("or set settrade.mqtt.cluster.enabled=false to connect from every replica.");
				});
		}

		@Test
		void withoutSpringKafkaStartUpFailsSayingWhatToAdd() {
			withDatabase(SettradeMqttClusterAutoConfigurationTests.this.runner)
				.withPropertyValues("settrade.mqtt.cluster.enabled=true")
				.withClassLoader(new FilteredClassLoader("org.springframework.kafka"))
				.run((context) -> assertThat(analyze(context).getDescription())
					.endsWith("It cannot: spring-kafka is not on the classpath."));
		}

		private static FailureAnalysis analyze(AssertableApplicationContext context) {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(MissingKafkaException.class);
			FailureAnalysis analysis = new MissingKafkaFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			return analysis;
		}

	}

	@Nested
	class Validation {

		@Test
		void aTopicNameKafkaRefusesIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.topic=prices/feed")
				.run((context) -> {
					Problem problem = problem(context);
					assertThat(problem.property()).isEqualTo("settrade.mqtt.cluster.kafka.topic");
					assertThat(problem.reason()).isEqualTo("'prices/feed' is not a Kafka topic name");
				});
		}

		@Test
		void aClaimsTopicThatIsTheFeedsIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.topic=prices",
						"settrade.mqtt.cluster.kafka.claims.topic=prices")
				.run((context) -> {
					Problem problem = problem(context);
					assertThat(problem.property()).isEqualTo("settrade.mqtt.cluster.kafka.claims.topic");
					assertThat(problem.reason()).isEqualTo("is the feed's topic (settrade.mqtt.cluster.kafka.topic)");
				});
		}

		@Test
		void aClaimsExpiryShorterThanTwoRefreshesIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.claims.refresh=30s",
						"settrade.mqtt.cluster.kafka.claims.expiry=45s")
				.run((context) -> {
					Problem problem = problem(context);
					assertThat(problem.property()).isEqualTo("settrade.mqtt.cluster.kafka.claims.expiry");
					assertThat(problem.reason())
						.startsWith("PT45S is less than two settrade.mqtt.cluster.kafka.claims.refresh (PT30S)");
				});
		}

		@Test
		void aNonPositiveClaimsRefreshIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.claims.refresh=0s")
				.run((context) -> assertThat(problem(context).property())
					.isEqualTo("settrade.mqtt.cluster.kafka.claims.refresh"));
		}

		@Test
		void noPartitionsIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.partitions=0")
				.run((context) -> assertThat(problem(context).property())
					.isEqualTo("settrade.mqtt.cluster.kafka.partitions"));
		}

		@Test
		void aNonPositiveCatchUpTimeoutIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.kafka.catch-up-timeout=0s")
				.run((context) -> assertThat(problem(context).property())
					.isEqualTo("settrade.mqtt.cluster.kafka.catch-up-timeout"));
		}

		@Test
		void aLockThatOutlivesTooFewHeartbeatsNamesBothKeys() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.heartbeat=1s", "settrade.mqtt.cluster.jdbc.time-to-live=1s")
				.run((context) -> {
					Problem problem = problem(context);
					assertThat(problem.property()).isEqualTo("settrade.mqtt.cluster.jdbc.time-to-live");
					assertThat(problem.reason())
						.isEqualTo("PT1S is less than two settrade.mqtt.cluster.heartbeat (PT1S): the leader's lock "
								+ "would expire as soon as one renewal is late");
				});
		}

		@Test
		void failFastCannotBeCombinedWithClusterMode() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster.withPropertyValues("settrade.mqtt.fail-fast=true")
				.run((context) -> {
					Problem problem = problem(context);
					assertThat(problem.property()).isEqualTo("settrade.mqtt.fail-fast");
					assertThat(problem.reason()).contains("settrade.mqtt.cluster.enabled=true");
				});
		}

		@Test
		void anEmptyRoleIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster.withPropertyValues("settrade.mqtt.cluster.role= ")
				.run((context) -> assertThat(problem(context).property()).isEqualTo("settrade.mqtt.cluster.role"));
		}

		@Test
		void aNonPositiveHeartbeatIsNamed() {
			SettradeMqttClusterAutoConfigurationTests.this.cluster
				.withPropertyValues("settrade.mqtt.cluster.heartbeat=0s")
				.run((context) -> assertThat(problem(context).property()).isEqualTo("settrade.mqtt.cluster.heartbeat"));
		}

		private static Problem problem(AssertableApplicationContext context) {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (!(failure instanceof InvalidSettradePropertiesException) && failure.getCause() != null) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(InvalidSettradePropertiesException.class);
			return ((InvalidSettradePropertiesException) failure).getProblems().get(0);
		}

	}

	/**
	 * Holds the lock of the default role from the test's thread for as long as the
	 * context lives, so that no replica is elected.
	 */
	static final class HeldLock implements AutoCloseable {

		private final Lock lock;

		HeldLock(DefaultLockRegistry locks) {
			this.lock = locks.obtain("settrade-mqtt");
			this.lock.lock();
		}

		@Override
		public void close() {
			this.lock.unlock();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
			RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class, KafkaAutoConfiguration.class,
			SettradeMqttClusterAutoConfiguration.class })
	static class ClusterApplication {

	}

}
