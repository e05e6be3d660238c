package io.github.settrademqtt.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import io.github.settrademqtt.autoconfigure.cluster.SettradeMqttClusterAutoConfiguration;
import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cluster guide's {@code application.yml} and listener ({@link LeadershipLog}) do
 * what the guide says: of two replicas one holds the Settrade connection and says so, and
 * when it stops the other takes over. The guide's PostgreSQL database is an H2 one here,
 * its Kafka an embedded one.
 */
@ExtendWith(OutputCaptureExtension.class)
@EmbeddedKafka
class ClusterGuideTests {

	private static final String CLUSTER_YML = "io/github/settrademqtt/docs/cluster.yml";

	private static final String HOLDS = "This replica holds the Settrade connection now (role settrade-mqtt)";

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void oneOfTwoReplicasHoldsTheConnectionAndTheOtherTakesOver(CapturedOutput output) {
		List<AssertableApplicationContext> replicas = new ArrayList<>();
		ApplicationContextRunner replica = replica();
		replica.run((first) -> replica.run((second) -> {
			replicas.add(first);
			replicas.add(second);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> settrade.simulator().mqtt().openConnections() == 1 && output.toString().contains(HOLDS));
			await().during(Duration.ofMillis(500))
				.atMost(Duration.ofSeconds(3))
				.until(() -> settrade.simulator().mqtt().acceptedConnections() == 1);
			assertThat(second.getBean(SubscriptionRegistry.class).topics()).contains("proto/topic/bidofferv3/PTT",
					"proto/topic/bidofferv3/AOT");
			AssertableApplicationContext leader = replicas.stream()
				.filter((context) -> context.getBean(UpstreamCandidate.class).getClusterRole() == ClusterRole.LEADER)
				.findFirst()
				.orElseThrow();
			leader.close();
			assertThat(output).contains("This replica gave the Settrade connection up after");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> settrade.simulator().mqtt().acceptedConnections() == 2
						&& settrade.simulator().mqtt().openConnections() == 1);
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(output.toString().split(java.util.regex.Pattern.quote(HOLDS))).hasSize(3));
		}));
	}

	/**
	 * A replica of the guide's application: its listener, the starter, the guide's
	 * {@code application.yml} below the simulator's credentials and an H2 database.
	 */
	private static ApplicationContextRunner replica() {
		List<String> properties = new ArrayList<>();
		settrade.simulator()
			.springProperties(settrade.app(), "simulator")
			.forEach((key, value) -> properties.add(key + "=" + value));
		properties.add("spring.datasource.url=jdbc:h2:mem:cluster-guide;DB_CLOSE_DELAY=-1");
		properties.add("spring.datasource.username=sa");
		properties.add("spring.datasource.password=");
		properties.add("settrade.mqtt.cluster.heartbeat=200ms");
		properties.add("settrade.mqtt.cluster.jdbc.time-to-live=2s");
		properties.add("spring.kafka.bootstrap-servers=" + EmbeddedKafkaCondition.getBroker().getBrokersAsString());
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SettradeMqttAutoConfiguration.class, SslAutoConfiguration.class,
					RestClientAutoConfiguration.class, IntegrationAutoConfiguration.class,
					DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class,
					SettradeMqttClusterAutoConfiguration.class))
			.withUserConfiguration(LeadershipLog.class)
			.withPropertyValues(properties.toArray(String[]::new))
			.withInitializer((context) -> clusterYml()
				.forEach((source) -> context.getEnvironment().getPropertySources().addLast(source)));
	}

	private static List<PropertySource<?>> clusterYml() {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource(CLUSTER_YML));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
