package io.github.settrademqtt.benchmarks.harness;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import io.github.settrademqtt.benchmarks.ClusterKillBenchmark;
import io.github.settrademqtt.cluster.event.LeadershipGrantedEvent;
import io.github.settrademqtt.cluster.event.LeadershipRevokedEvent;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.login.event.TokenRenewedEvent;
import io.github.settrademqtt.login.event.TokenRenewedEvent.Outcome;
import io.github.settrademqtt.test.SimulatorPayloads;

import org.springframework.context.ApplicationListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * One replica of a cluster as a process of its own, for {@link ClusterKillBenchmark}: a
 * {@link StarterFeed} in cluster mode whose properties (the simulator's address and app,
 * the Kafka, the lock database, the subscriptions) it reads from its standard input as
 * {@link Properties}, so that no secret is on its command line, and which reports on its
 * standard output, one {@link ReplicaLine} each, when it leads, logs in and its
 * connection is connected, and every message its raw channel carries. It runs until it is
 * killed, and halts when the harness's process ends, so that a harness killed itself
 * leaves no replica behind.
 *
 * @author settrade-mqtt
 */
public final class ClusterKillReplica implements ApplicationListener<SettradeMqttEvent>, MessageHandler {

	private final PrintStream out;

	private ClusterKillReplica(PrintStream out) {
		this.out = out;
	}

	/**
	 * Run a replica.
	 * @param args none
	 * @throws IOException when the properties cannot be read
	 */
	public static void main(String[] args) throws IOException {
		ProcessHandle.current().parent().ifPresent((parent) -> parent.onExit().thenRun(() -> {
			// no shutdown: the harness is gone, and with it the lock database
			Runtime.getRuntime().halt(1);
		}));
		Properties properties = new Properties();
		try (InputStreamReader in = new InputStreamReader(System.in, StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		ClusterKillReplica replica = new ClusterKillReplica(System.out);
		replica.report(ReplicaLine.Kind.HELLO);
		Map<String, String> values = new LinkedHashMap<>();
		properties.stringPropertyNames().forEach((name) -> values.put(name, properties.getProperty(name)));
		StarterFeed feed = StarterFeed.start(values, Map.of("clusterKillReplica", replica));
		feed.rawChannel().subscribe(replica);
		replica.report(ReplicaLine.Kind.READY);
	}

	@Override
	public void onApplicationEvent(SettradeMqttEvent event) {
		if (event instanceof LeadershipGrantedEvent) {
			report(ReplicaLine.Kind.GRANTED);
		}
		else if (event instanceof TokenRenewedEvent renewed && renewed.getOutcome() == Outcome.LOGGED_IN) {
			report(ReplicaLine.Kind.LOGGED_IN);
		}
		else if (event instanceof ConnectedEvent) {
			report(ReplicaLine.Kind.CONNECTED);
		}
		else if (event instanceof LeadershipRevokedEvent) {
			report(ReplicaLine.Kind.REVOKED);
		}
	}

	@Override
	public void handleMessage(Message<?> message) {
		String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
		if (topic != null && message.getPayload() instanceof byte[] payload) {
			Long epoch = message.getHeaders().get(SettradeMqttHeaders.EPOCH, Long.class);
			long sequence = SimulatorPayloads.sequence(payload).orElse(-1);
			synchronized (this.out) {
				// timed under the lock: the lines come in the order of their times
				this.out.println(
						ReplicaLine.message(topic, sequence, (epoch != null) ? epoch : -1, System.nanoTime()).format());
			}
		}
	}

	private void report(ReplicaLine.Kind kind) {
		synchronized (this.out) {
			this.out.println(ReplicaLine.event(kind, System.nanoTime()).format());
		}
	}

}
