package io.github.settrademqtt.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import com.google.protobuf.CodedOutputStream;
import io.github.settrademqtt.FeedRecorder;
import io.github.settrademqtt.actuate.health.SettradeClusterHealthIndicator;
import io.github.settrademqtt.autoconfigure.metrics.SettradeMqttMetricsAutoConfiguration;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.github.settrademqtt.cluster.kafka.FeedRecords;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.SimulatorPayloads;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.SubscribableChannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fan-out of the leader's feed over a real Kafka broker (spring-kafka-test's
 * in-process KRaft broker): replicas of one application against the embedded simulator,
 * each recording the raw feed its delivery reads, with the simulator's sequence numbers.
 */
class ClusterFanOutIntegrationTests {

	private static final AtomicInteger databases = new AtomicInteger();

	private static final Log logger = LogFactory.getLog(ClusterFanOutIntegrationTests.class);

	private static final Duration HEARTBEAT = Duration.ofMillis(200);

	/**
	 * The lock's time-to-live in {@link ClusterContexts}.
	 */
	private static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);

	private static final List<String> SYMBOLS = List.of("PTT", "AOT", "KBANK");

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@RegisterExtension
	static final ClusterInfrastructure infrastructure = new ClusterInfrastructure();

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	private ApplicationContextRunner replicas() {
		return ClusterContexts
			.replicas(simulator(), settrade.app(), "fan-out-" + databases.incrementAndGet(), HEARTBEAT)
			.withPropertyValues("settrade.mqtt.subscriptions.bid-offer=" + String.join(",", SYMBOLS))
			.withUserConfiguration(Recording.class);
	}

	@Test
	void everyReplicaGetsEveryMessageTheLeaderPublishedInOrderAndNoneTwice() throws Throwable {
		Replicas.run(replicas(), 3, (replicas) -> {
			AssertableApplicationContext leader = awaitSubscribedLeader(replicas);
			for (int round = 0; round < 200; round++) {
				SYMBOLS.forEach(simulator().market()::publishBidOffer);
			}
			for (String symbol : SYMBOLS) {
				String topic = SimulatorMarket.bidOfferTopic(symbol);
				long last = settle(replicas.all(), symbol);
				// what the leader published, read back from Kafka on its own; QoS 0 lets
				// the
				// broker drop some of a burst before they reach the leader
				List<Long> published = published(feedTopic(leader), topic);
				assertThat(published).as("what the leader published of %s", topic)
					.hasSizeGreaterThan(100)
					.doesNotHaveDuplicates()
					.isSorted()
					.endsWith(last);
				for (AssertableApplicationContext replica : replicas.all()) {
					FeedRecorder feed = replica.getBean(FeedRecorder.class);
					assertThat(feed.sequences(topic))
						.as("what replica %s delivered of %s", replicas.all().indexOf(replica), topic)
						.isEqualTo(published);
					assertThat(replica.getBean(Recording.class).lastBook(symbol)).isNotNull();
				}
			}
			for (AssertableApplicationContext replica : replicas.all()) {
				FeedFollower follower = replica.getBean(FeedFollower.class);
				assertThat(follower.getTerm()).isEqualTo(leaderTerm(replicas));
				assertThat(follower.getFencedCount()).isZero();
			}
			// one connection for the cluster, whatever the number of replicas
			assertThat(simulator().mqtt().acceptedConnections()).isEqualTo(1);
		});
	}

	@Test
	void messagesCarryTheSessionAndReceiveTimeOfTheLeadersConnection() throws Throwable {
		Replicas.run(replicas(), 2, (replicas) -> {
			awaitSubscribedLeader(replicas);
			Instant before = Instant.now();
			simulator().market().publishBidOffer("PTT");
			for (AssertableApplicationContext replica : replicas.all()) {
				FeedRecorder feed = replica.getBean(FeedRecorder.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.messages().size() == 1);
				var headers = feed.messages().get(0).getHeaders();
				SessionFacts session = headers.get("settrade_session", SessionFacts.class);
				assertThat(session.epoch()).isEqualTo(1);
				assertThat(session.change()).isEqualTo(SessionChange.INITIAL);
				assertThat(headers.get("settrade_receivedAt", Instant.class)).isAfterOrEqualTo(before)
					.isBeforeOrEqualTo(Instant.now());
				assertThat(headers.get(FeedFollower.TERM, Long.class)).isEqualTo(leaderTerm(replicas));
			}
		});
	}

	@Test
	void aReplicaStartedLateHasTheLastMessageOfEveryTopicBeforeItsStartReturns() throws Throwable {
		ApplicationContextRunner runner = replicas();
		Replicas.run(runner, 2, (replicas) -> {
			awaitSubscribedLeader(replicas);
			for (int round = 0; round < 50; round++) {
				SYMBOLS.forEach(simulator().market()::publishBidOffer);
			}
			AssertableApplicationContext first = replicas.get(0);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> SYMBOLS.stream()
					.allMatch((symbol) -> lastOf(first.getBean(FeedRecorder.class),
							SimulatorMarket.bidOfferTopic(symbol)) == 50));
			runner.run((late) -> {
				// no wait: the context's start returned, so the catch-up is delivered
				FeedRecorder feed = late.getBean(FeedRecorder.class);
				for (String symbol : SYMBOLS) {
					String topic = SimulatorMarket.bidOfferTopic(symbol);
					assertThat(feed.sequences(topic)).as("the catch-up of %s", topic).containsExactly(50L);
					assertThat(late.getBean(Recording.class).lastBook(symbol)).isNotNull();
				}
				assertThat(late.getBean(FeedFollower.class).isCaughtUp()).isTrue();
				// then live
				simulator().market().publishBidOffer("PTT");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> feed.sequences(SimulatorMarket.bidOfferTopic("PTT")), (seen) -> seen.contains(51L));
			});
		});
	}

	@Test
	void aMessageOfAnEarlierTermPublishedAfterANewTermStartedIsNeverDelivered() throws Throwable {
		ApplicationContextRunner measured = replicas()
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, SettradeMqttMetricsAutoConfiguration.class));
		Replicas.run(measured, 2, (replicas) -> {
			AssertableApplicationContext first = awaitSubscribedLeader(replicas);
			long firstTerm = first.getBean(FeedPublisher.class).getTerm();
			first.getBean(UpstreamLeaderInitiator.class).getContext().yield();
			AssertableApplicationContext second = await().atMost(Duration.ofSeconds(10))
				.until(replicas::connectedLeader, (leader) -> leader.isPresent() && leader.get() != first)
				.get();
			long secondTerm = second.getBean(FeedPublisher.class).getTerm();
			assertThat(secondTerm).isGreaterThan(firstTerm);
			String topic = SimulatorMarket.bidOfferTopic("PTT");
			try (KafkaProducer<String, byte[]> zombie = producer()) {
				// the deposed leader's late message, then one of the current term
				zombie.send(FeedRecords.message(feedTopic(first), firstTerm, topic, sequenced(1_000_000), session(),
						Instant.now()));
				zombie.send(FeedRecords.message(feedTopic(first), secondTerm, topic, sequenced(2_000_000), session(),
						Instant.now()));
				zombie.flush();
			}
			for (AssertableApplicationContext replica : replicas.all()) {
				FeedRecorder feed = replica.getBean(FeedRecorder.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> feed.sequences(topic).contains(2_000_000L));
				assertThat(feed.sequences(topic)).doesNotContain(1_000_000L);
				assertThat(replica.getBean(FeedFollower.class).getFencedCount()).isOne();
				MeterRegistry meters = replica.getBean(MeterRegistry.class);
				assertThat(meters.get("settrade.mqtt.cluster.fenced").functionCounter().count()).isOne();
				assertThat(meters.get("settrade.mqtt.cluster.handovers").functionCounter().count()).isOne();
				assertThat(meters.get("settrade.mqtt.cluster.term").gauge().value()).isEqualTo(secondTerm);
				// each replica knows the other by its claims
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("settrade.mqtt.cluster.peers").gauge().value() == 1);
				// the zombie's record is read too: nothing is left to read
				await().atMost(Duration.ofSeconds(5))
					.until(() -> meters.get("settrade.mqtt.cluster.lag").gauge().value() == 0);
				Health health = replica.getBean(SettradeClusterHealthIndicator.class).health(true);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("source", "kafka")
					.containsEntry("term", secondTerm)
					.containsEntry("fenced", 1L)
					.containsEntry("lag", 0L)
					.containsEntry("peers", 1)
					.containsEntry("role", (replica == second) ? "leader" : "follower");
			}
			// what each leader's upstream delivered went to Kafka, counted where it led
			assertThat(
					first.getBean(MeterRegistry.class).get("settrade.mqtt.cluster.published").functionCounter().count()
							+ second.getBean(MeterRegistry.class)
								.get("settrade.mqtt.cluster.published")
								.functionCounter()
								.count())
				.isEqualTo(first.getBean(FeedPublisher.class).getPublishedCount()
						+ second.getBean(FeedPublisher.class).getPublishedCount());
		});
	}

	@Test
	void anAbruptLeaderDeathIsRecoveredWithinTheLocksTimeToLivePlusAConnect() throws Throwable {
		String database = "fan-out-" + databases.incrementAndGet();
		ApplicationContextRunner runner = replicas().withBean(DataSource.class, () -> CuttableDataSource.of(database));
		Replicas.run(runner, 3, (replicas) -> {
			AssertableApplicationContext first = awaitSubscribedLeader(replicas);
			long firstTerm = first.getBean(FeedPublisher.class).getTerm();
			publishAndAwait(replicas.all(), "PTT", 20);
			long cutAt = System.nanoTime();
			// neither renew nor release: the lock stays the dead leader's until it
			// expires
			first.getBean(CuttableDataSource.class).cut();
			AssertableApplicationContext second = await().atMost(TIME_TO_LIVE.plusSeconds(10))
				.until(replicas::connectedLeader, (leader) -> leader.isPresent() && leader.get() != first)
				.get();
			Duration failOver = Duration.ofNanos(System.nanoTime() - cutAt);
			logger.info("Abrupt leader loss: the next leader connected " + failOver.toMillis() + " ms after the cut");
			assertThat(failOver).isLessThan(TIME_TO_LIVE.plusSeconds(3));
			assertThat(second.getBean(FeedPublisher.class).getTerm()).isGreaterThan(firstTerm);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> second.getBean(SubscriptionRegistry.class)
					.states()
					.get(SimulatorMarket.bidOfferTopic("PTT")) == SubscriptionState.ACTIVE);
			// the feed goes on, to every replica, the cut one too: it still reads Kafka
			publishAndAwait(replicas.all(), "PTT", 20);
			for (AssertableApplicationContext replica : replicas.all()) {
				FeedRecorder feed = replica.getBean(FeedRecorder.class);
				String topic = SimulatorMarket.bidOfferTopic("PTT");
				assertThat(feed.duplicated(topic)).isZero();
				assertThat(feed.inOrder(topic)).isTrue();
				assertThat(replica.getBean(FeedFollower.class).getTerm())
					.isEqualTo(second.getBean(FeedPublisher.class).getTerm());
			}
			assertThat(first.getBean(UpstreamCandidate.class).getClusterRole()).isEqualTo(ClusterRole.FOLLOWER);
		});
	}

	@Test
	void aLeaderThatYieldsHandsTheFeedOverWithNothingLostOrRepeated() throws Throwable {
		Replicas.run(replicas(), 3, (replicas) -> {
			AssertableApplicationContext first = awaitSubscribedLeader(replicas);
			long firstTerm = first.getBean(FeedPublisher.class).getTerm();
			simulator().market().start(SYMBOLS, 40);
			publishAndAwait(replicas.all(), "PTT", 1);
			first.getBean(UpstreamLeaderInitiator.class).getContext().yield();
			AssertableApplicationContext second = await().atMost(Duration.ofSeconds(15))
				.until(replicas::leader, (leader) -> leader.isPresent() && leader.get() != first)
				.get();
			// the old leader stops once taken over: one connection again
			await().atMost(Duration.ofSeconds(15))
				.until(() -> !first.getBean(FeedPublisher.class).isRunning()
						&& simulator().mqtt().openConnections() == 1);
			assertThat(simulator().mqtt().acceptedConnections()).isEqualTo(2);
			long secondTerm = second.getBean(FeedPublisher.class).getTerm();
			assertThat(secondTerm).isGreaterThan(firstTerm);
			publishAndAwait(replicas.all(), "PTT", 1);
			simulator().market().stop();
			for (String symbol : SYMBOLS) {
				settle(replicas.all(), symbol);
			}
			for (AssertableApplicationContext replica : replicas.all()) {
				FeedRecorder feed = replica.getBean(FeedRecorder.class);
				for (String symbol : SYMBOLS) {
					String topic = SimulatorMarket.bidOfferTopic(symbol);
					assertThat(feed.lost(topic)).as("lost of %s on replica %s", topic, replicas.all().indexOf(replica))
						.isZero();
					assertThat(feed.duplicated(topic)).as("twice of %s", topic).isZero();
					assertThat(feed.inOrder(topic)).isTrue();
				}
				assertThat(replica.getBean(FeedFollower.class).getTerm()).isEqualTo(secondTerm);
				List<SessionFacts> sessions = feed.messages()
					.stream()
					.map((message) -> message.getHeaders().get("settrade_session", SessionFacts.class))
					.distinct()
					.toList();
				assertThat(sessions).extracting(SessionFacts::change)
					.containsExactly(SessionChange.INITIAL, SessionChange.ROTATION);
				assertThat(sessions.get(1).gap()).isZero();
			}
		});
	}

	@Test
	void aLeaderWhoseApplicationStopsHandsTheFeedOverWithNothingLostOrRepeated() throws Throwable {
		Replicas.run(replicas(), 3, (replicas) -> {
			AssertableApplicationContext first = awaitSubscribedLeader(replicas);
			simulator().market().start(SYMBOLS, 40);
			publishAndAwait(replicas.all(), "PTT", 1);
			// a rolling deploy: the leader's application shuts down
			first.close();
			List<AssertableApplicationContext> rest = replicas.open();
			AssertableApplicationContext second = await().atMost(Duration.ofSeconds(15))
				.until(replicas::connectedLeader, (leader) -> leader.isPresent())
				.get();
			assertThat(simulator().mqtt().openConnections()).isOne();
			publishAndAwait(rest, "PTT", 1);
			simulator().market().stop();
			for (String symbol : SYMBOLS) {
				settle(rest, symbol);
			}
			for (AssertableApplicationContext replica : rest) {
				FeedRecorder feed = replica.getBean(FeedRecorder.class);
				for (String symbol : SYMBOLS) {
					String topic = SimulatorMarket.bidOfferTopic(symbol);
					assertThat(feed.lost(topic)).as("lost of %s", topic).isZero();
					assertThat(feed.duplicated(topic)).as("twice of %s", topic).isZero();
					assertThat(feed.inOrder(topic)).isTrue();
				}
				assertThat(replica.getBean(FeedFollower.class).getTerm())
					.isEqualTo(second.getBean(FeedPublisher.class).getTerm());
			}
		});
	}

	/**
	 * Publish {@code count} books of a symbol and wait until every replica has the last.
	 */
	private void publishAndAwait(List<AssertableApplicationContext> replicas, String symbol, int count) {
		for (int i = 0; i < count; i++) {
			simulator().market().publishBidOffer(symbol);
		}
		settle(replicas, symbol);
	}

	/**
	 * Publish one more book of a symbol at a time until it, or a later one, reaches every
	 * replica, and return its sequence number: everything the leader published of the
	 * symbol before it has been delivered then. A single message can be lost too, at QoS
	 * 0, just after a burst.
	 */
	private long settle(List<AssertableApplicationContext> replicas, String symbol) {
		String topic = SimulatorMarket.bidOfferTopic(symbol);
		for (int attempt = 1;; attempt++) {
			simulator().market().publishBidOffer(symbol);
			long last = simulator().market().lastSequence(topic);
			try {
				await().atMost(Duration.ofSeconds(3))
					.until(() -> replicas.stream()
						.allMatch((replica) -> lastOf(replica.getBean(FeedRecorder.class), topic) >= last));
				return last;
			}
			catch (ConditionTimeoutException ex) {
				assertThat(attempt).as("books of %s published until one reached every replica", symbol).isLessThan(5);
			}
		}
	}

	private AssertableApplicationContext awaitSubscribedLeader(Replicas replicas) {
		AssertableApplicationContext leader = await().atMost(Duration.ofSeconds(15))
			.until(replicas::connectedLeader, (found) -> found.isPresent())
			.get();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulator().mqtt()
				.subscribedTopics()
				.containsAll(SYMBOLS.stream().map(SimulatorMarket::bidOfferTopic).toList()));
		return leader;
	}

	private static long leaderTerm(Replicas replicas) {
		return replicas.leader().orElseThrow().getBean(FeedPublisher.class).getTerm();
	}

	private static long lastOf(FeedRecorder feed, String topic) {
		List<Long> sequences = feed.sequences(topic);
		return sequences.isEmpty() ? 0 : sequences.get(sequences.size() - 1);
	}

	private static String feedTopic(AssertableApplicationContext replica) {
		return replica.getEnvironment().getProperty("settrade.mqtt.cluster.kafka.topic");
	}

	/**
	 * A payload with a sequence number only: it decodes as an empty book.
	 */
	private static byte[] sequenced(long sequence) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		CodedOutputStream output = CodedOutputStream.newInstance(bytes);
		output.writeInt64(SimulatorPayloads.SEQUENCE_FIELD, sequence);
		output.flush();
		return bytes.toByteArray();
	}

	/**
	 * Return the sequence numbers of the messages of a Settrade topic on the feed topic,
	 * read from its beginning to its end.
	 */
	private static List<Long> published(String feedTopic, String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				ClusterInfrastructure.bootstrapServers());
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(feedTopic)
				.stream()
				.map((info) -> new TopicPartition(feedTopic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<Long> sequences = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					if (topic.equals(record.key())) {
						sequences.add(SimulatorPayloads.sequence(record.value()).orElseThrow());
					}
				}
			}
			return sequences;
		}
	}

	private static SessionFacts session() {
		return new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO, Instant.now());
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ClusterInfrastructure.bootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Records the raw feed the replica's delivery reads, and the last book its listener
	 * got for each symbol.
	 */
	@Configuration(proxyBeanMethods = false)
	static class Recording implements BidOfferListener {

		private final Map<String, BidOffer> books = new ConcurrentHashMap<>();

		@Bean
		FeedRecorder feedRecorder(@Qualifier("settradeMqttInboundChannel") SubscribableChannel inbound) {
			FeedRecorder recorder = new FeedRecorder();
			inbound.subscribe(recorder);
			return recorder;
		}

		@Override
		public void onBidOffer(BidOffer bidOffer) {
			this.books.put(bidOffer.symbol(), bidOffer);
		}

		BidOffer lastBook(String symbol) {
			return this.books.get(symbol);
		}

	}

}
