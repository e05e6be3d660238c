package io.github.settrademqtt.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.settrademqtt.FeedRecorder;
import io.github.settrademqtt.actuate.health.SettradeMqttHealthIndicator;
import io.github.settrademqtt.autoconfigure.SettradeMqttProperties;
import io.github.settrademqtt.cluster.kafka.ClusterSubscriptions;
import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatorMarket;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.SubscribableChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions across a cluster, over a real Kafka broker: replicas that claim different
 * Settrade topics share one connection, which subscribes what any of them claims, and
 * each delivers its own.
 */
class ClusterSubscriptionsIntegrationTests {

	private static final AtomicInteger databases = new AtomicInteger();

	private static final Duration HEARTBEAT = Duration.ofMillis(200);

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@RegisterExtension
	static final ClusterInfrastructure infrastructure = new ClusterInfrastructure();

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	/**
	 * Runners of one cluster, one per replica, each claiming the bid/offer of its
	 * symbols.
	 */
	private List<ApplicationContextRunner> replicas(String... symbolsPerReplica) {
		ApplicationContextRunner cluster = ClusterContexts
			.replicas(simulator(), settrade.app(), "claims-" + databases.incrementAndGet(), HEARTBEAT)
			.withPropertyValues("settrade.mqtt.cluster.kafka.claims.refresh=200ms",
					"settrade.mqtt.cluster.kafka.claims.expiry=2s")
			.withUserConfiguration(Recording.class);
		return List.of(symbolsPerReplica)
			.stream()
			.map((symbols) -> symbols.isEmpty() ? cluster
					: cluster.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=" + symbols))
			.toList();
	}

	@Test
	void theLeaderSubscribesWhatAnyReplicaClaimsAndEachReplicaDeliversItsOwn() throws Throwable {
		Replicas.run(replicas("PTT", "AOT", ""), (replicas) -> {
			await().atMost(Duration.ofSeconds(15)).until(replicas::connectedLeader, (found) -> found.isPresent());
			awaitSubscribed(topic("PTT"), topic("AOT"));
			// one connection for the cluster
			assertThat(simulator().mqtt().acceptedConnections()).isEqualTo(1);
			publishUntilDelivered(replicas.get(0), "PTT");
			publishUntilDelivered(replicas.get(1), "AOT");
			assertThat(delivered(replicas.get(0), "AOT")).as("replica 0 delivers only its own topic").isZero();
			assertThat(delivered(replicas.get(1), "PTT")).as("replica 1 delivers only its own topic").isZero();
			assertThat(delivered(replicas.get(2), "PTT") + delivered(replicas.get(2), "AOT"))
				.as("replica 2 claims nothing")
				.isZero();
			AssertableApplicationContext leader = replicas.leader().orElseThrow();
			Set<String> peerTopics = leader.getBean(ClusterSubscriptions.class).getPeerTopics();
			List<String> leaderOwn = leader.getBean(SubscriptionRegistry.class).ownTopics();
			assertThat(leader.getBean(SubscriptionRegistry.class).topics()).containsExactlyInAnyOrder(topic("PTT"),
					topic("AOT"));
			assertThat(peerTopics).doesNotContainAnyElementsOf(leaderOwn);
		});
	}

	@Test
	void aRunTimeClaimOfAFollowerIsSubscribedByTheLeaderAndReleasedWhenItsLastClaimCloses() throws Throwable {
		Replicas.run(replicas("SCB", "SCB"), (replicas) -> {
			await().atMost(Duration.ofSeconds(15)).until(replicas::connectedLeader, (found) -> found.isPresent());
			awaitSubscribed(topic("SCB"));
			AssertableApplicationContext follower = follower(replicas);
			SubscriptionHandle claim = follower.getBean(SubscriptionRegistry.class).subscribe(topic("BBL"));
			awaitSubscribed(topic("BBL"));
			publishUntilDelivered(follower, "BBL");
			AssertableApplicationContext leader = replicas.leader().orElseThrow();
			assertThat(delivered(leader, "BBL")).as("the leader subscribes BBL for the follower only").isZero();
			claim.close();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !simulator().mqtt().subscribedTopics().contains(topic("BBL")));
			assertThat(simulator().mqtt().subscribedTopics()).contains(topic("SCB"));
		});
	}

	@Test
	void aFollowerHoldsTheLeadersAnswersForItsOwnTopicsAndARefusedOneDegradesItsHealth() throws Throwable {
		String refused = topic("NOPE");
		simulator().mqtt().denySubscriptions(refused);
		Replicas.run(replicas("TTB", "TTB"), (replicas) -> {
			await().atMost(Duration.ofSeconds(15)).until(replicas::connectedLeader, (found) -> found.isPresent());
			AssertableApplicationContext follower = follower(replicas);
			SubscriptionRegistry registry = follower.getBean(SubscriptionRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.states().get(topic("TTB")) == SubscriptionState.ACTIVE);
			registry.subscribe(refused);
			await().atMost(Duration.ofSeconds(10)).until(() -> registry.failures().containsKey(refused));
			assertThat(registry.states()).containsEntry(topic("TTB"), SubscriptionState.ACTIVE);
			Health health = follower.getBean(SettradeMqttHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(SettradeMqttHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("role", "follower").containsKey("failedSubscriptions");
			assertThat(replicas.leader().orElseThrow().getBean(SubscriptionRegistry.class).failures())
				.containsKey(refused);
		});
	}

	@Test
	void aNewLeaderSubscribesWhatTheOthersClaimAndAReplicaThatLeavesReleasesItsTopics() throws Throwable {
		Replicas.run(replicas("CPALL", "GULF", "ADVANC"), (replicas) -> {
			AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(15))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			awaitSubscribed(topic("CPALL"), topic("GULF"), topic("ADVANC"));
			String leaderTopic = ownTopic(leader);
			// the leader stops: one of the two others leads, with the topics of both
			leader.close();
			AssertableApplicationContext next = await().atMost(Duration.ofSeconds(15))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			AssertableApplicationContext follower = follower(replicas);
			awaitSubscribed(ownTopic(next), ownTopic(follower));
			assertThat(next.getBean(SubscriptionRegistry.class).topics()).containsExactlyInAnyOrder(ownTopic(next),
					ownTopic(follower));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !simulator().mqtt().subscribedTopics().contains(leaderTopic));
			publishUntilDelivered(follower, symbol(ownTopic(follower)));
			// the follower stops: its topic goes, the leader's stays
			String followerTopic = ownTopic(follower);
			follower.close();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !simulator().mqtt().subscribedTopics().contains(followerTopic));
			assertThat(simulator().mqtt().subscribedTopics()).contains(ownTopic(next));
			assertThat(next.getBean(SubscriptionRegistry.class).topics()).containsExactly(ownTopic(next));
		});
	}

	@Test
	void theClaimsOfAReplicaThatDiedWithoutATombstoneExpireAndTheLeaderWritesItsTombstone() throws Throwable {
		Replicas.run(replicas("TRUE"), (replicas) -> {
			AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(15))
				.until(replicas::connectedLeader, (found) -> found.isPresent())
				.get();
			String claimsTopic = leader.getBean(SettradeMqttProperties.class).getCluster().getKafka().getClaimsTopic();
			// a replica that announced once, then died: no tombstone, no announcement
			// since
			try (KafkaProducer<String, byte[]> producer = producer()) {
				producer
					.send(new ProducerRecord<>(claimsTopic, "dead-replica",
							topic("DELTA").getBytes(StandardCharsets.UTF_8)))
					.get();
			}
			awaitSubscribed(topic("TRUE"), topic("DELTA"));
			assertThat(leader.getBean(ClusterSubscriptions.class).getPeerCount()).isOne();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !simulator().mqtt().subscribedTopics().contains(topic("DELTA")));
			assertThat(simulator().mqtt().subscribedTopics()).contains(topic("TRUE"));
			assertThat(leader.getBean(ClusterSubscriptions.class).getPeerCount()).isZero();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> lastValues(claimsTopic).containsKey("dead-replica")
						&& lastValues(claimsTopic).get("dead-replica") == null);
		});
	}

	private AssertableApplicationContext follower(Replicas replicas) {
		AssertableApplicationContext leader = replicas.leader().orElseThrow();
		return replicas.open().stream().filter((replica) -> replica != leader).findFirst().orElseThrow();
	}

	private void awaitSubscribed(String... topics) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulator().mqtt().subscribedTopics().containsAll(List.of(topics)));
	}

	/**
	 * Publish books of the symbol until one reaches the replica.
	 */
	private void publishUntilDelivered(AssertableApplicationContext replica, String symbol) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
			simulator().market().publishBidOffer(symbol);
			return delivered(replica, symbol) > 0;
		});
	}

	private static long delivered(AssertableApplicationContext replica, String symbol) {
		return replica.getBean(FeedRecorder.class).count(topic(symbol));
	}

	private static String ownTopic(AssertableApplicationContext replica) {
		return replica.getBean(SubscriptionRegistry.class).ownTopics().get(0);
	}

	private static String symbol(String topic) {
		return topic.substring(topic.lastIndexOf('/') + 1);
	}

	private static String topic(String symbol) {
		return SimulatorMarket.bidOfferTopic(symbol);
	}

	/**
	 * The last value of each key of the claims topic, read on its own; {@code null} for a
	 * tombstone.
	 */
	private static Map<String, byte[]> lastValues(String claimsTopic) {
		Map<String, byte[]> last = new java.util.HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, ClusterInfrastructure.bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(claimsTopic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					last.put(record.key(), record.value());
				}
			}
		}
		return last;
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ClusterInfrastructure.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	static class Recording {

		@Bean
		FeedRecorder feedRecorder(@Qualifier("settradeMqttInboundChannel") SubscribableChannel inbound) {
			FeedRecorder recorder = new FeedRecorder();
			inbound.subscribe(recorder);
			return recorder;
		}

	}

}
