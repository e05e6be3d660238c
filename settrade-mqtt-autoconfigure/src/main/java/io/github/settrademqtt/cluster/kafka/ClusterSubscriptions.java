package io.github.settrademqtt.cluster.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.support.RateLimitedLog;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.util.Assert;

/**
 * Subscriptions across a cluster: every replica announces the Settrade topics it claims
 * itself ({@link SubscriptionRegistry#ownTopics()}, from its properties and its run-time
 * claims) on a compacted Kafka topic keyed by its replica id, again whenever they change
 * and every refresh interval, and with a tombstone when it stops. Every replica reads
 * that topic; while one leads, its {@linkplain #peerClaims() upstream part} claims the
 * union of the other replicas' topics in its registry
 * ({@link SubscriptionRegistry#subscribeForPeer}), so that the one connection of the
 * cluster subscribes what any replica wants, and lets a topic go once no replica claims
 * it any more. A replica that died without a tombstone is forgotten once its last
 * announcement is older than the expiry, and the leader then writes the tombstone for it.
 * <p>
 * Each replica delivers only its {@linkplain #isOwnTopic(String) own} topics of the
 * shared feed: its listeners see what they would see on a connection of their own. The
 * leader also publishes what its broker answered for every topic ({@link LeaderAnswers}),
 * and each follower records the answers for its own topics in its registry
 * ({@link SubscriptionRegistry#recordPeerAnswer}), so that a topic the service refuses
 * shows as refused on the replica that wants it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class ClusterSubscriptions implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ClusterSubscriptions.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration TOMBSTONE_TIMEOUT = Duration.ofSeconds(5);

	private final ProducerFactory<String, byte[]> producerFactory;

	private final ConsumerFactory<String, byte[]> consumerFactory;

	private final String claimsTopic;

	private final SubscriptionRegistry registry;

	private final String replicaId;

	private final Duration refresh;

	private final Duration catchUpTimeout;

	/**
	 * This replica's own topics, kept by the registry's listener: read for every message
	 * delivered.
	 */
	private final Set<String> ownTopics = ConcurrentHashMap.newKeySet();

	/**
	 * Guarded by itself, with {@link #peerHandles}, {@link #leading} and
	 * {@link #leaderAnswers}.
	 */
	private final PeerClaims peers;

	private final Map<String, SubscriptionHandle> peerHandles = new HashMap<>();

	/**
	 * What the leader's connection answered for every topic, as last read.
	 */
	private Map<String, LeaderAnswers.Answer> leaderAnswers = Map.of();

	private final PeerSubscriptions peerSubscriptions = new PeerSubscriptions();

	private final RateLimitedLog failures = new RateLimitedLog(logger,
			"Failures to read or write the Settrade MQTT claims topic", 3, Duration.ofMinutes(1));

	private final Object lifecycleMonitor = new Object();

	private boolean leading;

	private volatile boolean announce = true;

	/**
	 * Whether Kafka took an announcement of this replica's: only then is there anything
	 * for a tombstone to end.
	 */
	private volatile boolean announced;

	private volatile @Nullable Worker worker;

	private boolean autoStartup = true;

	/**
	 * Create the subscriptions of one replica.
	 * @param producerFactory makes the producer of the announcements
	 * @param consumerFactory makes the consumer of the claims topic
	 * @param claimsTopic the claims topic
	 * @param registry this replica's registry
	 * @param replicaId this replica's id, unique in the cluster
	 * @param refresh how often this replica announces its claims again
	 * @param expiry how long a replica's claims last after its last announcement
	 * @param catchUpTimeout how long starting waits at most to have read the claims topic
	 * to its end
	 */
	public ClusterSubscriptions(ProducerFactory<String, byte[]> producerFactory,
			ConsumerFactory<String, byte[]> consumerFactory, String claimsTopic, SubscriptionRegistry registry,
			String replicaId, Duration refresh, Duration expiry, Duration catchUpTimeout) {
		Assert.notNull(producerFactory, "'producerFactory' must not be null");
		Assert.notNull(consumerFactory, "'consumerFactory' must not be null");
		Assert.hasText(claimsTopic, "'claimsTopic' must not be empty");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.isTrue(expiry.compareTo(refresh) > 0, "'expiry' must be longer than 'refresh'");
		this.producerFactory = producerFactory;
		this.consumerFactory = consumerFactory;
		this.claimsTopic = claimsTopic;
		this.registry = registry;
		this.replicaId = replicaId;
		this.refresh = refresh;
		this.catchUpTimeout = catchUpTimeout;
		this.peers = new PeerClaims(replicaId, expiry);
		registry.addOwnTopicsListener(new SubscriptionRegistry.Listener() {

			@Override
			public void topicAdded(String topic) {
				ClusterSubscriptions.this.ownTopics.add(topic);
				ClusterSubscriptions.this.announce = true;
			}

			@Override
			public void topicRemoved(String topic) {
				ClusterSubscriptions.this.ownTopics.remove(topic);
				ClusterSubscriptions.this.announce = true;
			}

		});
	}

	/**
	 * Return whether this replica claims a topic itself, and so delivers it.
	 * @param topic the Settrade topic
	 * @return whether it is one of this replica's own topics
	 */
	public boolean isOwnTopic(String topic) {
		return this.ownTopics.contains(topic);
	}

	/**
	 * Return the part of the leader's upstream that claims the other replicas' topics in
	 * its registry: it starts before the connection, so that the first connection
	 * subscribes them all, and releases them when it stops.
	 * @return the upstream part
	 */
	public SmartLifecycle peerClaims() {
		return this.peerSubscriptions;
	}

	/**
	 * Return this replica's id on the claims topic.
	 * @return the id
	 */
	public String getReplicaId() {
		return this.replicaId;
	}

	/**
	 * Return how many other replicas have live claims.
	 * @return the number of peers
	 */
	public int getPeerCount() {
		synchronized (this.peers) {
			return this.peers.peerCount();
		}
	}

	/**
	 * Return the topics this replica's registry claims for other replicas: empty unless
	 * it leads.
	 * @return the topics
	 */
	public Set<String> getPeerTopics() {
		synchronized (this.peers) {
			return Set.copyOf(this.peerHandles.keySet());
		}
	}

	/**
	 * Start announcing and reading, and wait until the claims topic is read to its end or
	 * the catch-up timeout passed.
	 */
	@Override
	public void start() {
		Worker worker;
		synchronized (this.lifecycleMonitor) {
			if (this.worker != null) {
				return;
			}
			worker = new Worker();
			this.announce = true;
			this.worker = worker;
			worker.thread.start();
		}
		if (!worker.awaitCatchUp(this.catchUpTimeout)) {
			logger.warn("The claims of the other Settrade MQTT replicas were not read from Kafka topic '"
					+ this.claimsTopic + "' within " + this.catchUpTimeout + "; reading goes on");
		}
	}

	/**
	 * Stop reading, and tell the other replicas that this one left.
	 */
	@Override
	public void stop() {
		Worker worker;
		synchronized (this.lifecycleMonitor) {
			worker = this.worker;
			this.worker = null;
		}
		if (worker != null) {
			worker.stop();
			if (this.announced) {
				leave();
			}
		}
	}

	private void leave() {
		try {
			Producer<String, byte[]> producer = this.producerFactory.createProducer();
			producer.send(new ProducerRecord<>(this.claimsTopic, this.replicaId, null))
				.get(TOMBSTONE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			logger.warn("Could not tell the other Settrade MQTT replicas that this one left (Kafka topic '"
					+ this.claimsTopic + "'): its claims last until they expire: " + ex);
		}
		finally {
			this.producerFactory.reset();
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

	/**
	 * Set whether this starts with the application context.
	 * @param autoStartup whether to start automatically; {@code true} by default
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public int getPhase() {
		return SettradeMqttPhases.FEED_FOLLOWER;
	}

	@Override
	public String toString() {
		return "ClusterSubscriptions [topic=" + this.claimsTopic + ", replica=" + this.replicaId + ", peers="
				+ getPeerCount() + "]";
	}

	/**
	 * Make the registry's claims for other replicas those their live records claim, if
	 * this replica leads; release them all otherwise.
	 */
	private void syncPeerHandles() {
		synchronized (this.peers) {
			Set<String> wanted = this.leading ? this.peers.union() : Set.of();
			this.peerHandles.entrySet().removeIf((entry) -> {
				if (wanted.contains(entry.getKey())) {
					return false;
				}
				entry.getValue().close();
				return true;
			});
			for (String topic : wanted) {
				this.peerHandles.computeIfAbsent(topic, this.registry::subscribeForPeer);
			}
		}
	}

	/**
	 * The upstream part: while it runs, this replica's registry claims what the others
	 * claim.
	 */
	private final class PeerSubscriptions implements SmartLifecycle {

		@Override
		public void start() {
			setLeading(true);
		}

		@Override
		public void stop() {
			setLeading(false);
		}

		private void setLeading(boolean leading) {
			synchronized (ClusterSubscriptions.this.peers) {
				ClusterSubscriptions.this.leading = leading;
				syncPeerHandles();
			}
		}

		@Override
		public boolean isRunning() {
			synchronized (ClusterSubscriptions.this.peers) {
				return ClusterSubscriptions.this.leading;
			}
		}

		@Override
		public boolean isAutoStartup() {
			return false;
		}

		@Override
		public int getPhase() {
			return SettradeMqttPhases.PEER_SUBSCRIPTIONS;
		}

		@Override
		public String toString() {
			return "PeerSubscriptions [" + ClusterSubscriptions.this + "]";
		}

	}

	/**
	 * Reads the claims topic and announces this replica's claims, on a thread of its own.
	 */
	private final class Worker extends TopicReader {

		private Instant nextAnnouncement = Instant.MIN;

		private volatile byte @Nullable [] publishedAnswers;

		private Instant nextAnswers = Instant.MIN;

		Worker() {
			super("settrade-mqtt-cluster-subscriptions", ClusterSubscriptions.this.consumerFactory,
					ClusterSubscriptions.this.claimsTopic, ClusterSubscriptions.this.failures);
		}

		@Override
		void failed() {
			ClusterSubscriptions.this.producerFactory.reset();
		}

		/**
		 * Read the claims topic from its beginning, then on, announcing this replica's
		 * claims as they change and every refresh interval.
		 */
		@Override
		void read(Consumer<String, byte[]> consumer) {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Producer<String, byte[]> producer = ClusterSubscriptions.this.producerFactory.createProducer();
			while (isReading()) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
					accept(record);
				}
				if (!hasCaughtUp() && reached(consumer, ends)) {
					caughtUp();
				}
				announce(producer);
				expire(producer);
				syncPeerHandles();
				answers(producer);
			}
		}

		private void accept(ConsumerRecord<String, byte[]> record) {
			String key = record.key();
			if (key == null) {
				return;
			}
			synchronized (ClusterSubscriptions.this.peers) {
				if (LeaderAnswers.KEY.equals(key)) {
					ClusterSubscriptions.this.leaderAnswers = LeaderAnswers.decode(record.value());
				}
				else {
					ClusterSubscriptions.this.peers.apply(key, record.value(),
							Instant.ofEpochMilli(record.timestamp()));
				}
			}
		}

		/**
		 * Publish the broker's answers while this replica leads, whenever they change and
		 * every refresh interval; record the leader's answers for this replica's own
		 * topics while it follows.
		 */
		private void answers(Producer<String, byte[]> producer) {
			Map<String, LeaderAnswers.Answer> answers;
			synchronized (ClusterSubscriptions.this.peers) {
				answers = ClusterSubscriptions.this.leading ? null : ClusterSubscriptions.this.leaderAnswers;
			}
			SubscriptionRegistry registry = ClusterSubscriptions.this.registry;
			if (answers != null) {
				for (String topic : registry.ownTopics()) {
					LeaderAnswers.Answer answer = answers.get(topic);
					registry.recordPeerAnswer(topic, (answer != null) ? answer.state() : SubscriptionState.PENDING,
							(answer != null) ? answer.reason() : null);
				}
				return;
			}
			byte[] value = LeaderAnswers.encode(registry.states(), registry.failures());
			Instant now = Instant.now();
			if (Arrays.equals(value, this.publishedAnswers) && now.isBefore(this.nextAnswers)) {
				return;
			}
			this.publishedAnswers = value;
			this.nextAnswers = now.plus(ClusterSubscriptions.this.refresh);
			producer.send(new ProducerRecord<>(ClusterSubscriptions.this.claimsTopic, LeaderAnswers.KEY, value),
					(metadata, ex) -> {
						if (ex != null) {
							// published again at the next turn
							this.publishedAnswers = null;
						}
					});
		}

		private void announce(Producer<String, byte[]> producer) {
			Instant now = Instant.now();
			if (!ClusterSubscriptions.this.announce && now.isBefore(this.nextAnnouncement)) {
				return;
			}
			ClusterSubscriptions.this.announce = false;
			this.nextAnnouncement = now.plus(ClusterSubscriptions.this.refresh);
			byte[] claims = PeerClaims.encode(ClusterSubscriptions.this.registry.ownTopics());
			producer.send(new ProducerRecord<>(ClusterSubscriptions.this.claimsTopic,
					ClusterSubscriptions.this.replicaId, claims), (metadata, ex) -> {
						if (ex == null) {
							ClusterSubscriptions.this.announced = true;
						}
						else {
							// announced again at the next turn
							ClusterSubscriptions.this.announce = true;
							ClusterSubscriptions.this.failures
								.log(() -> "Announcing this replica's claims on Kafka topic '"
										+ ClusterSubscriptions.this.claimsTopic + "' failed; announcing again", ex);
						}
					});
		}

		/**
		 * Forget the replicas that died without a tombstone; the leader writes it for
		 * them, so that the compacted topic forgets them too.
		 */
		private void expire(Producer<String, byte[]> producer) {
			List<String> expired;
			boolean leading;
			synchronized (ClusterSubscriptions.this.peers) {
				expired = ClusterSubscriptions.this.peers.expire(Instant.now());
				leading = ClusterSubscriptions.this.leading;
			}
			for (String replica : expired) {
				logger.info("Settrade MQTT replica '" + replica + "' announced no claims for longer than their "
						+ "expiry: its claims are released");
				if (leading) {
					producer.send(new ProducerRecord<>(ClusterSubscriptions.this.claimsTopic, replica, null));
				}
			}
		}

	}

}
