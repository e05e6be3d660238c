package io.github.settrademqtt.sample;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.test.SettradeSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The {@code cluster} and {@code cluster-shared} profiles as docs/cluster.md runs them:
 * one process shares its simulator and serves the lock database, two replicas elect a
 * leader there and exchange the feed over a real Kafka broker (spring-kafka-test's
 * in-process KRaft broker). Here the three run in one JVM; the docs' commands were run by
 * hand.
 */
@EmbeddedKafka
@ExtendWith(OutputCaptureExtension.class)
class ClusterProfileTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final JsonMapper json = JsonMapper.builder().build();

	private final int lockDatabasePort = TestSocketUtils.findAvailableTcpPort();

	@TempDir
	Path directory;

	@Test
	void oneReplicaHoldsTheConnectionBothReceiveTheFeedAndTheOtherTakesOver(CapturedOutput output) throws Exception {
		Path sharedFile = this.directory.resolve("simulator.properties");
		try (ConfigurableApplicationContext host = SpringApplication.run(SampleApplication.class,
				"--spring.profiles.active=cluster-shared", "--" + SharedSimulatorFile.PROPERTY + "=" + sharedFile,
				"--sample.lock-database.port=" + this.lockDatabasePort)) {
			SettradeSimulator simulator = host.getBean(EmbeddedSimulatorLauncher.BEAN_NAME, SettradeSimulator.class);
			assertThat(sharedFile).isRegularFile();
			try (RunningSample first = replica(sharedFile); RunningSample second = replica(sharedFile)) {
				List<RunningSample> replicas = List.of(first, second);
				RunningSample leader = await().atMost(TIMEOUT)
					.until(() -> leaderOf(replicas), (found) -> found != null);
				RunningSample follower = (leader == first) ? second : first;
				for (RunningSample replica : replicas) {
					await().atMost(TIMEOUT).until(() -> FeedMeters.messagesReceived(replica.context()) > 0);
				}
				assertThat(role(follower)).isEqualTo(ClusterRole.FOLLOWER);
				assertThat(clusterHealth(leader).path("status").asString()).isEqualTo("UP");
				assertThat(clusterHealth(leader).path("details").path("role").asString()).isEqualTo("leader");
				assertThat(clusterHealth(follower).path("status").asString()).isEqualTo("UP");
				assertThat(clusterHealth(follower).path("details").path("role").asString()).isEqualTo("follower");
				// one Settrade for the cluster, and one connection to it
				assertThat(simulator.stats().successfulLogins()).isEqualTo(1);
				assertThat(simulator.mqtt().acceptedConnections()).isEqualTo(1);
				assertThat(output).containsOnlyOnce("This replica leads the Settrade MQTT cluster")
					.contains("using the shared Settrade simulator at " + simulator.baseUrl());

				// the stopped leader released its lock: well before the lock's
				// time-to-live
				leader.close();
				await().atMost(Duration.ofSeconds(5)).until(() -> role(follower) == ClusterRole.LEADER);
				double received = FeedMeters.messagesReceived(follower.context());
				await().atMost(TIMEOUT).until(() -> FeedMeters.messagesReceived(follower.context()) > received);
				assertThat(simulator.mqtt().acceptedConnections()).isEqualTo(2);
			}
		}
		assertThat(sharedFile).doesNotExist();
	}

	@Test
	void aReplicaWithoutCredentialsOrSharedSimulatorFailsToStart() {
		Path sharedFile = this.directory.resolve("none.properties");
		assertThatIllegalStateException().isThrownBy(() -> replica(sharedFile))
			.withMessageContaining("settrade.mqtt.cluster.enabled=true")
			.withMessageContaining(sharedFile.toString())
			.withMessageContaining("--spring.profiles.active=cluster-shared");
	}

	private RunningSample replica(Path sharedFile) {
		return RunningSample.start("--spring.profiles.active=cluster",
				"--" + SharedSimulatorFile.PROPERTY + "=" + sharedFile,
				"--spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString(),
				"--sample.lock-database.port=" + this.lockDatabasePort);
	}

	private static RunningSample leaderOf(List<RunningSample> replicas) {
		return replicas.stream().filter((replica) -> role(replica) == ClusterRole.LEADER).findFirst().orElse(null);
	}

	private static ClusterRole role(RunningSample replica) {
		return replica.context().getBean(UpstreamCandidate.class).getClusterRole();
	}

	private JsonNode clusterHealth(RunningSample replica) throws Exception {
		return this.json.readTree(replica.get("/actuator/health").body()).path("components").path("settradeCluster");
	}

}
