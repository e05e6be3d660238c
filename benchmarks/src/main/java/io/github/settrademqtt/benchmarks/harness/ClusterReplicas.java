package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.jspecify.annotations.Nullable;

/**
 * The replicas of one cluster, started one after the other with the same credentials and
 * settings, each with an {@link ArrivalLog} on its raw channel, and a
 * {@link FeedTopicReader} on the cluster's feed topic; closed in reverse order.
 *
 * @author settrade-mqtt
 */
public final class ClusterReplicas implements AutoCloseable {

	private final List<ClusterReplica> replicas;

	private final List<ArrivalLog> logs;

	private final FeedTopicReader published;

	private ClusterReplicas(List<ClusterReplica> replicas, List<ArrivalLog> logs, FeedTopicReader published) {
		this.replicas = List.copyOf(replicas);
		this.logs = List.copyOf(logs);
		this.published = published;
	}

	/**
	 * Start the replicas of a cluster.
	 * @param simulator the simulator the leader logs in to and connects to, with an app
	 * of the cluster's own
	 * @param cluster the cluster
	 * @param count how many replicas
	 * @param topics the topics to log, indexed as the feed's
	 * @param properties further {@code settrade.mqtt.*} properties, such as subscriptions
	 * @return the running replicas
	 */
	public static ClusterReplicas start(SettradeSimulator simulator, ClusterReplica.Cluster cluster, int count,
			List<String> topics, Map<String, String> properties) {
		SimulatedApp app = simulator.registerApp();
		List<ClusterReplica> replicas = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				replicas.add(ClusterReplica.start(simulator, app, cluster, properties));
			}
			List<ArrivalLog> logs = new ArrayList<>();
			for (ClusterReplica replica : replicas) {
				ArrivalLog log = new ArrivalLog(topics);
				replica.rawChannel().subscribe(log);
				logs.add(log);
			}
			return new ClusterReplicas(replicas, logs,
					new FeedTopicReader(cluster.bootstrapServers(), cluster.feedTopic(), topics));
		}
		catch (RuntimeException ex) {
			closeAll(replicas);
			throw ex;
		}
	}

	/**
	 * Return the replicas, in the order they started.
	 * @return the replicas
	 */
	public List<ClusterReplica> all() {
		return this.replicas;
	}

	/**
	 * Return the arrival log of each replica's raw channel, in replica order.
	 * @return the logs
	 */
	public List<ArrivalLog> logs() {
		return this.logs;
	}

	/**
	 * Return the reader of what the leaders published to the feed topic.
	 * @return the reader
	 */
	public FeedTopicReader published() {
		return this.published;
	}

	/**
	 * Wait until a replica leads and its connection delivers: after a hand-over, one
	 * whose connection started delivering after the hand-over began, another than the
	 * leader before unless that one took over again.
	 * @param previous the leader before, {@code null} for the first
	 * @param since when the hand-over began, on {@link System#nanoTime()}; ignored for
	 * the first
	 * @param timeout how long to wait
	 * @return the leader
	 * @throws IllegalStateException if none led and delivered in time
	 */
	public ClusterReplica awaitLeader(@Nullable ClusterReplica previous, long since, Duration timeout) {
		AtomicReference<ClusterReplica> found = new AtomicReference<>();
		boolean another = NumberedRun.await(() -> {
			for (ClusterReplica replica : this.replicas) {
				long connected = replica.lastConnectedNanos();
				if (replica.isLeader() && connected != 0 && (previous == null || connected - since > 0)) {
					found.set(replica);
					return replica != previous;
				}
			}
			return false;
		}, timeout);
		if (!another && found.get() == null) {
			throw new IllegalStateException("No replica led and delivered within " + timeout);
		}
		return found.get();
	}

	@Override
	public void close() {
		this.published.close();
		closeAll(this.replicas);
	}

	private static void closeAll(List<ClusterReplica> replicas) {
		for (int i = replicas.size() - 1; i >= 0; i--) {
			replicas.get(i).close();
		}
	}

}
