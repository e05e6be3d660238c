package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.cluster.ClusterRole;
import io.github.settrademqtt.cluster.UpstreamCandidate;
import io.github.settrademqtt.cluster.UpstreamLeaderInitiator;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import io.github.settrademqtt.cluster.kafka.FeedFollower;
import io.github.settrademqtt.cluster.kafka.FeedPublisher;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.context.ApplicationListener;
import org.springframework.messaging.SubscribableChannel;

/**
 * One replica of an application in cluster mode ({@code settrade.mqtt.cluster.enabled}),
 * as a user runs it with the cluster starter: a {@link StarterFeed} electing its leader
 * over a JDBC lock registry on a database the replicas share, through a
 * {@link CuttableDataSource} of its own, and reading the feed from Kafka. It remembers
 * when its connection last started delivering, which is when it took over as leader, and
 * when it last stopped leading, its upstream stopped.
 *
 * @author settrade-mqtt
 */
public final class ClusterReplica implements AutoCloseable {

	private final StarterFeed feed;

	private final CuttableDataSource dataSource;

	private final ConnectionWatch connections;

	private ClusterReplica(StarterFeed feed, CuttableDataSource dataSource, ConnectionWatch connections) {
		this.feed = feed;
		this.dataSource = dataSource;
		this.connections = connections;
	}

	/**
	 * Start a replica; its start returns once it has read what the feed topic holds.
	 * @param simulator the simulator its leader logs in to and connects to
	 * @param app the simulator app whose credentials the cluster uses
	 * @param cluster the cluster it joins
	 * @param properties further {@code settrade.mqtt.*} properties, such as subscriptions
	 * @return the running replica
	 */
	public static ClusterReplica start(SettradeSimulator simulator, SimulatedApp app, Cluster cluster,
			Map<String, String> properties) {
		Map<String, String> values = new LinkedHashMap<>(properties);
		values.putAll(cluster.properties());
		CuttableDataSource dataSource = new CuttableDataSource(cluster.database());
		ConnectionWatch connections = new ConnectionWatch();
		StarterFeed feed = StarterFeed.start(simulator, app, values,
				Map.of("dataSource", dataSource, "clusterConnectionWatch", connections));
		return new ClusterReplica(feed, dataSource, connections);
	}

	/**
	 * Return whether this replica leads, and so holds the connection.
	 * @return whether it leads
	 */
	public boolean isLeader() {
		return this.feed.bean(UpstreamCandidate.class).getClusterRole() == ClusterRole.LEADER;
	}

	/**
	 * Return when this replica's connection last started delivering.
	 * @return {@link System#nanoTime()} then, {@code 0} if it never did
	 */
	public long lastConnectedNanos() {
		return this.connections.lastConnected;
	}

	/**
	 * Return when this replica last stopped leading: its upstream was stopped then.
	 * @return {@link System#nanoTime()} then, {@code 0} if it never did
	 */
	public long lastRevokedNanos() {
		return this.connections.lastRevoked;
	}

	/**
	 * Return the term this replica claimed when it last took over as leader.
	 * @return the term, {@code -1} if it never led
	 */
	public long term() {
		return this.feed.bean(FeedPublisher.class).getTerm();
	}

	/**
	 * Return how many messages of a deposed leader this replica did not deliver.
	 * @return the count
	 */
	public long fencedCount() {
		return this.feed.bean(FeedFollower.class).getFencedCount();
	}

	/**
	 * Give leadership up, as a rolling deploy does: the upstream stops, the lock is
	 * released, and the replica competes again a heartbeat later.
	 */
	public void yieldLeadership() {
		this.feed.bean(UpstreamLeaderInitiator.class).getContext().yield();
	}

	/**
	 * Cut this replica off from the database: it can neither renew nor release its lock,
	 * which expires after its time-to-live.
	 */
	public void cutDatabase() {
		this.dataSource.cut();
	}

	/**
	 * Let this replica reach the database again, and so compete for leadership.
	 */
	public void restoreDatabase() {
		this.dataSource.restore();
	}

	/**
	 * Return the replica's raw channel: every message its delivery reads from Kafka.
	 * @return the {@code settradeMqttInboundChannel}
	 */
	public SubscribableChannel rawChannel() {
		return this.feed.rawChannel();
	}

	@Override
	public void close() {
		this.feed.close();
	}

	/**
	 * A cluster the replicas join.
	 *
	 * @param bootstrapServers the Kafka broker
	 * @param feedTopic the Kafka topic of the feed
	 * @param database the name of the in-memory database of the lock registry
	 * @param heartbeat how often the leader renews its lock
	 * @param timeToLive how long a lock lives without renewal
	 */
	public record Cluster(String bootstrapServers, String feedTopic, String database, Duration heartbeat,
			Duration timeToLive) {

		/**
		 * Return the properties that put a replica in this cluster, but for its database.
		 * @return cluster mode, its heartbeat and lock time-to-live, and its Kafka
		 */
		public Map<String, String> properties() {
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("settrade.mqtt.cluster.enabled", "true");
			properties.put("settrade.mqtt.cluster.heartbeat", this.heartbeat.toMillis() + "ms");
			properties.put("settrade.mqtt.cluster.jdbc.time-to-live", this.timeToLive.toMillis() + "ms");
			properties.put("settrade.mqtt.cluster.kafka.topic", this.feedTopic);
			properties.put("spring.kafka.bootstrap-servers", this.bootstrapServers);
			// the cluster starter's auto-configuration, Kafka's among it
			properties.put("spring.autoconfigure.exclude", "");
			return properties;
		}

	}

	/**
	 * Remembers when the replica's connection last started delivering, and when it last
	 * stopped leading.
	 */
	private static final class ConnectionWatch implements ApplicationListener<SettradeMqttEvent> {

		private volatile long lastConnected;

		private volatile long lastRevoked;

		@Override
		public void onApplicationEvent(SettradeMqttEvent event) {
			if (event instanceof ConnectedEvent) {
				this.lastConnected = System.nanoTime();
			}
			else if (event instanceof LeadershipRevokedEvent) {
				this.lastRevoked = System.nanoTime();
			}
		}

	}

}
