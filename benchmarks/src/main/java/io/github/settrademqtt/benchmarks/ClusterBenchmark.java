package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.github.settrademqtt.benchmarks.harness.ArrivalLog;
import io.github.settrademqtt.benchmarks.harness.ClusterReplica;
import io.github.settrademqtt.benchmarks.harness.ClusterReplicas;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows.Delivery;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows.Window;
import io.github.settrademqtt.benchmarks.harness.FeedTopicReader;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.PacedFeed;
import io.github.settrademqtt.benchmarks.harness.ProcessSample;
import io.github.settrademqtt.benchmarks.harness.Percentiles;
import io.github.settrademqtt.benchmarks.harness.PublicationLog;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.StarterFeed;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatorMarket;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Cluster mode, in one JVM against the embedded simulator, one in-process Kafka broker
 * (spring-kafka-test's KRaft broker) and one in-memory H2 database for the lock registry:
 * <ol>
 * <li><b>The Kafka hop.</b> A standalone starter (cluster mode off) and a cluster of a
 * leader and followers subscribe to the same topics while a {@link PacedFeed} publishes
 * numbered order books at a steady rate, at each of several rates with a cluster of its
 * own: one the machine handles with room to spare, and one that keeps it busy. Each
 * message's latency runs from the moment the harness hands it to the broker to its
 * arrival on each raw channel ({@code settradeMqttInboundChannel}): the standalone's, as
 * a single node has it directly from MQTT, and every replica's, which reads it from Kafka
 * after the leader published it there, the leader's own included.</li>
 * <li><b>Fail-over.</b> Three replicas while the feed runs at a moderate rate: the leader
 * yields leadership, as a rolling deploy does, a number of times; then its database is
 * cut off, so that it can neither renew nor release its lock, a number of times, each
 * restored once the next leader delivers. Per hand-over and replica: the longest silence,
 * what was lost of what the simulator published and of what any leader published to Kafka
 * (read back), what came twice or out of order; per hand-over, the time from the trigger
 * to the next leader's connection delivering.</li>
 * </ol>
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.ClusterBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class ClusterBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	private static final Duration FLOWING_TIMEOUT = Duration.ofSeconds(30);

	private final HarnessArguments arguments;

	private final Report report;

	private final List<String> symbols;

	private final List<String> topics;

	private final Duration heartbeat;

	private final Duration timeToLive;

	private ClusterBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("cluster", arguments);
		this.symbols = Harness.symbols("C", arguments.intValue("symbols"));
		this.topics = this.symbols.stream().map(SimulatorMarket::bidOfferTopic).toList();
		this.heartbeat = arguments.duration("heartbeat");
		this.timeToLive = arguments.duration("time-to-live");
	}

	/**
	 * Run from the command line.
	 * @param args {@code --name=value} arguments; see {@link #DEFAULTS}
	 */
	public static void main(String[] args) {
		Harness.main(args, DEFAULTS, (arguments) -> run(arguments).report());
	}

	/**
	 * Run the benchmark.
	 * @param arguments its arguments
	 * @return what it measured
	 * @throws Exception when the cluster cannot start or a hand-over does not complete
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		return new ClusterBenchmark(arguments).run();
	}

	private Result run() throws Exception {
		Harness.quietKafkaBroker();
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.afterPropertiesSet();
		try {
			List<Hop> hops = measureHops(kafka.getBrokersAsString());
			FailOver failOver = measureFailOver(kafka.getBrokersAsString());
			return new Result(hops, failOver, this.report);
		}
		finally {
			kafka.destroy();
		}
	}

	private List<Hop> measureHops(String bootstrapServers) throws Exception {
		int replicaCount = this.arguments.intValue("hop-replicas");
		if (replicaCount < 2) {
			throw new IllegalArgumentException("Argument '--hop-replicas' must be at least 2: a leader and a follower");
		}
		Duration duration = this.arguments.duration("duration");
		this.report.line("## The Kafka hop");
		this.report.line("");
		this.report.line("At each rate, over %d topics for %d s after %d s of warm-up, to a standalone starter "
				+ "(cluster mode off) and a cluster of %d replicas, all subscribed to the same topics on a simulator "
				+ "of their own. Latency from the moment the harness hands a message to the broker to its arrival "
				+ "on each raw channel (`settradeMqttInboundChannel`), on `System.nanoTime` in the one JVM: the "
				+ "standalone has it from MQTT, every replica from Kafka (MQTT → leader → Kafka → replica). CPU: "
				+ "what the whole process (simulator, broker, applications) used while measuring, in cores.",
				this.topics.size(), duration.toSeconds(), this.arguments.duration("warmup").toSeconds(), replicaCount);
		this.report.line("");
		List<Hop> hops = new ArrayList<>();
		for (int rate : this.arguments.ints("rates")) {
			Hop hop = measureHop(bootstrapServers, rate, replicaCount, duration);
			reportHop(hop);
			hops.add(hop);
		}
		return hops;
	}

	private Hop measureHop(String bootstrapServers, int rate, int replicaCount, Duration duration) throws Exception {
		PublicationLog publications = new PublicationLog(this.topics.size());
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start();
				StarterFeed standalone = StarterFeed.start(simulator, simulator.registerApp(), subscriptions(),
						Map.of());
				ClusterReplicas cluster = ClusterReplicas.start(simulator, cluster(bootstrapServers, "hop-" + rate),
						replicaCount, this.topics, subscriptions())) {
			ClusterReplica leader = cluster.awaitLeader(null, 0, this.timeToLive.plus(FLOWING_TIMEOUT));
			ArrivalLog direct = new ArrivalLog(this.topics);
			standalone.rawChannel().subscribe(direct);
			List<ArrivalLog> all = new ArrayList<>(cluster.logs());
			all.add(direct);
			long start;
			long end;
			long cpu;
			try (PacedFeed feed = new PacedFeed(simulator, this.symbols, rate, publications)) {
				awaitFlowing(all, 0);
				NumberedRun.measureFor(this.arguments.duration("warmup"));
				all.forEach((log) -> log.recording(true));
				cpu = ProcessSample.processCpuNanos();
				start = System.nanoTime();
				NumberedRun.measureFor(duration);
				end = System.nanoTime();
				cpu = ProcessSample.processCpuNanos() - cpu;
				awaitDelivered(all, end);
				all.forEach((log) -> log.recording(false));
			}
			FeedTopicReader published = cluster.published().readToEnd();
			List<Window> window = List.of(new Window(start, end, start, end));

			List<Route> routes = new ArrayList<>();
			routes.add(new Route("standalone: direct from MQTT",
					DeliveryWindows.of(direct, publications, null, window).get(0)));
			for (int i = 0; i < cluster.all().size(); i++) {
				String role = (cluster.all().get(i) == leader) ? "leader" : "follower";
				routes.add(new Route(role + " (replica " + (i + 1) + "): from Kafka",
						DeliveryWindows.of(cluster.logs().get(i), publications, published, window).get(0)));
			}
			return new Hop(rate, routes, cluster.all().indexOf(leader), (double) cpu / (end - start));
		}
	}

	private void reportHop(Hop hop) {
		this.report.line("### %,d msg/s (CPU %.2f cores)", hop.rate(), hop.cpuCores());
		this.report.line("");
		this.report.line("| route | published | received | lost | twice | out of order | p50 (µs) | p99 (µs) "
				+ "| p99.9 (µs) | max (µs) | longest silence (ms) |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|---|");
		for (Route route : hop.routes()) {
			Delivery delivery = route.delivery();
			Percentiles latency = delivery.latency();
			this.report.line("| %s | %,d | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s |", route.name(),
					delivery.published(), delivery.received(), delivery.lostOfPublished(), delivery.twice(),
					delivery.outOfOrder(), Report.micros(latency.p50()), Report.micros(latency.p99()),
					Report.micros(latency.p999()), Report.micros(latency.max()),
					Report.millis(delivery.longestSilence()));
		}
		this.report.line("");
		Delivery leader = hop.leader().delivery();
		this.report.line(
				"The leader published %,d of the %,d messages to Kafka (the simulator's broker drops QoS 0 "
						+ "messages to a client whose channel is not writable: %,d never reached the leader).",
				leader.inKafka(), leader.published(), leader.published() - leader.inKafka());
		for (Route follower : hop.followers()) {
			this.report.line("%s delivered %,d of those; lost %,d of them.", follower.name(),
					follower.delivery().received(), follower.delivery().lostOfKafka());
		}
		this.report.line("");
		Percentiles direct = hop.direct().delivery().latency();
		for (Route follower : hop.followers()) {
			Percentiles latency = follower.delivery().latency();
			this.report.line("Added by the Kafka hop, %s − direct: **%s µs** at p50, **%s µs** at p99.",
					follower.name(), signedMicros(latency.p50() - direct.p50()),
					signedMicros(latency.p99() - direct.p99()));
		}
		this.report.line("");
	}

	private FailOver measureFailOver(String bootstrapServers) throws Exception {
		int rate = this.arguments.intValue("failover-rate");
		int replicaCount = this.arguments.intValue("failover-replicas");
		if (replicaCount < 3) {
			throw new IllegalArgumentException(
					"Argument '--failover-replicas' must be at least 3: a leader, a follower to take over, and one "
							+ "to take over while the cut one rejoins");
		}
		Duration settle = this.arguments.duration("settle");
		List<HandOverKind> plan = new ArrayList<>();
		plan.addAll(Collections.nCopies(this.arguments.intValue("graceful"), HandOverKind.GRACEFUL));
		plan.addAll(Collections.nCopies(this.arguments.intValue("abrupt"), HandOverKind.ABRUPT));
		this.report.line("## Fail-over");
		this.report.line("");
		this.report.line("%d replicas, %,d msg/s over %d topics (one every %.1f ms across the feed); lock time-to-live "
				+ "%,d ms, heartbeat %,d ms. %d graceful hand-overs (the leader yields, as a rolling deploy does), then "
				+ "%d abrupt ones (the leader's database is cut off: it can neither renew nor release its lock; it is "
				+ "restored once the next leader delivers). A hand-over's window runs from the end of the one before "
				+ "to %,d ms after every replica had every topic again from the next leader; a message belongs to "
				+ "the window it was published in. Figures per replica: each reads the feed from Kafka, the deposed "
				+ "leader too.", replicaCount, rate, this.topics.size(), 1000.0 / rate, this.timeToLive.toMillis(),
				this.heartbeat.toMillis(), this.arguments.intValue("graceful"), this.arguments.intValue("abrupt"),
				settle.toMillis());
		this.report.line("");
		PublicationLog publications = new PublicationLog(this.topics.size());
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start();
				ClusterReplicas cluster = ClusterReplicas.start(simulator, cluster(bootstrapServers, "failover"),
						replicaCount, this.topics, subscriptions())) {
			Duration leaderTimeout = this.timeToLive.plus(FLOWING_TIMEOUT);
			ClusterReplica leader = cluster.awaitLeader(null, 0, leaderTimeout);
			List<ArrivalLog> logs = cluster.logs();
			List<Trigger> triggers = new ArrayList<>();
			long publisherGap;
			try (PacedFeed feed = new PacedFeed(simulator, this.symbols, rate, publications)) {
				awaitFlowing(logs, 0);
				NumberedRun.measureFor(settle);
				logs.forEach((log) -> log.recording(true));
				feed.measuring(true);
				long windowStart = System.nanoTime();
				for (HandOverKind kind : plan) {
					long trigger = System.nanoTime();
					kind.trigger(leader);
					ClusterReplica next = cluster.awaitLeader(leader, trigger, leaderTimeout);
					long connected = next.lastConnectedNanos();
					awaitFlowing(logs, connected);
					// a leader that hands over stops once the next one has taken over
					ClusterReplica deposed = leader;
					if (!NumberedRun.await(() -> deposed.lastRevokedNanos() - trigger > 0, leaderTimeout)) {
						throw new IllegalStateException("The leader before did not stop within " + leaderTimeout);
					}
					long revoked = leader.lastRevokedNanos();
					kind.after(leader);
					NumberedRun.measureFor(settle);
					// between hand-overs, ahead of the topic's compaction
					cluster.published().readToEnd();
					long windowEnd = System.nanoTime();
					triggers
						.add(new Trigger(kind, cluster.all().indexOf(leader), cluster.all().indexOf(next), next.term(),
								trigger, (revoked - trigger > 0) ? revoked : 0, connected, windowStart, windowEnd));
					windowStart = windowEnd;
					leader = next;
				}
				awaitDelivered(logs, windowStart);
				logs.forEach((log) -> log.recording(false));
				feed.measuring(false);
				publisherGap = feed.longestFeedGap();
			}
			FeedTopicReader published = cluster.published().readToEnd();
			List<Window> windows = triggers.stream()
				.map((trigger) -> new Window(trigger.windowStart(), trigger.windowEnd(), trigger.nanos(),
						trigger.windowEnd()))
				.toList();
			List<List<Delivery>> byReplica = logs.stream()
				.map((log) -> DeliveryWindows.of(log, publications, published, windows))
				.toList();
			List<HandOver> handOvers = new ArrayList<>();
			for (int i = 0; i < triggers.size(); i++) {
				int window = i;
				handOvers.add(new HandOver(triggers.get(i),
						byReplica.stream().map((deliveries) -> deliveries.get(window)).toList()));
			}
			FailOver failOver = new FailOver(handOvers, publisherGap, published.twice(),
					cluster.all().stream().mapToLong(ClusterReplica::fencedCount).sum());
			reportFailOver(failOver);
			return failOver;
		}
	}

	private void reportFailOver(FailOver failOver) {
		this.report.line("| hand-over | count | a new leader each time | trigger → leader stopped (ms): min / "
				+ "median / max | trigger → next leader connected (ms): min / median / max | longest silence on a "
				+ "replica (ms): min / median / max | lost of what the simulator published, per replica: min / "
				+ "median / max | lost of what the leaders published to Kafka | twice | out of order |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|");
		for (HandOverKind kind : HandOverKind.values()) {
			List<HandOver> handOvers = failOver.of(kind);
			if (handOvers.isEmpty()) {
				continue;
			}
			List<Delivery> deliveries = handOvers.stream().flatMap((handOver) -> handOver.replicas().stream()).toList();
			this.report.line("| %s | %d | %s | %s | %s | %s | %s | %,d | %,d | %,d |", kind.description,
					handOvers.size(), handOvers.stream().allMatch(HandOver::newLeader) ? "yes" : "**no**",
					Spread.of(handOvers.stream().mapToLong(HandOver::revokedAfter).toArray()).format(Report::millis),
					Spread.of(handOvers.stream().mapToLong(HandOver::connectedAfter).toArray()).format(Report::millis),
					Spread.of(deliveries.stream().mapToLong(Delivery::longestSilence).toArray()).format(Report::millis),
					Spread.of(deliveries.stream().mapToLong(Delivery::lostOfPublished).toArray())
						.format(ClusterBenchmark::count),
					sum(deliveries, Delivery::lostOfKafka), sum(deliveries, Delivery::twice),
					sum(deliveries, Delivery::outOfOrder));
		}
		this.report.line("");
		this.report.line(
				"The publisher's own longest pause between two publications: %s ms. Messages on the feed "
						+ "topic twice: %,d. Messages of a deposed leader fenced out: %,d.",
				Report.millis(failOver.publisherGap()), failOver.kafkaTwice(), failOver.fenced());
		this.report.line("");
		this.report.line("Each hand-over (per replica, in replica order):");
		this.report.line("");
		this.report.line("| # | hand-over | leader → next (term) | leader stopped after (ms) | next connected after "
				+ "(ms) | published | in Kafka | longest silence (ms) | lost of published | lost of Kafka | twice "
				+ "| out of order |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
		List<HandOver> handOvers = failOver.handOvers();
		for (int i = 0; i < handOvers.size(); i++) {
			HandOver handOver = handOvers.get(i);
			Trigger trigger = handOver.trigger();
			Delivery first = handOver.replicas().get(0);
			this.report.line("| %d | %s | %d → %d (%d) | %s | %s | %,d | %,d | %s | %s | %s | %s | %s |", i + 1,
					trigger.kind().name().toLowerCase(Locale.ROOT), trigger.from() + 1, trigger.to() + 1,
					trigger.term(), Report.millis(handOver.revokedAfter()), Report.millis(handOver.connectedAfter()),
					first.published(), first.inKafka(),
					perReplica(handOver, (delivery) -> Report.millis(delivery.longestSilence())),
					perReplica(handOver, (delivery) -> count(delivery.lostOfPublished())),
					perReplica(handOver, (delivery) -> count(delivery.lostOfKafka())),
					perReplica(handOver, (delivery) -> count(delivery.twice())),
					perReplica(handOver, (delivery) -> count(delivery.outOfOrder())));
		}
	}

	private ClusterReplica.Cluster cluster(String bootstrapServers, String name) {
		return new ClusterReplica.Cluster(bootstrapServers, "settrade-feed-" + name,
				"cluster-" + name + "-" + UUID.randomUUID(), this.heartbeat, this.timeToLive);
	}

	private Map<String, String> subscriptions() {
		return Map.of("settrade.mqtt.subscriptions.bid-offer", String.join(",", this.symbols));
	}

	/**
	 * Wait until what was published up to a moment has arrived: every topic had a later
	 * message on every log (each topic is delivered in order). What has not is lost.
	 */
	private void awaitDelivered(List<ArrivalLog> logs, long moment) {
		NumberedRun.await(() -> logs.stream().allMatch((log) -> log.allTopicsSince(moment, this.topics.size())),
				FLOWING_TIMEOUT);
	}

	/**
	 * Wait until every log had a message on every topic since a moment.
	 */
	private void awaitFlowing(List<ArrivalLog> logs, long since) {
		if (!NumberedRun.await(
				() -> logs.stream()
					.allMatch((log) -> log.allTopicsFlowing() && log.allTopicsSince(since, this.topics.size())),
				FLOWING_TIMEOUT)) {
			throw new IllegalStateException("Not every topic delivered on every raw channel within " + FLOWING_TIMEOUT);
		}
	}

	private static String perReplica(HandOver handOver, Function<Delivery, String> figure) {
		return handOver.replicas().stream().map(figure).collect(Collectors.joining(" / "));
	}

	private static long sum(List<Delivery> deliveries, ToLongFunction<Delivery> figure) {
		return deliveries.stream().mapToLong(figure).sum();
	}

	static String count(long count) {
		return String.format(Locale.ROOT, "%,d", count);
	}

	private static String signedMicros(long nanos) {
		return ((nanos >= 0) ? "+" : "") + Report.micros(nanos);
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("symbols", "50");
		defaults.put("rates", "200,1000");
		defaults.put("warmup", "10s");
		defaults.put("duration", "30s");
		defaults.put("hop-replicas", "2");
		defaults.put("failover-rate", "200");
		defaults.put("failover-replicas", "3");
		defaults.put("graceful", "20");
		defaults.put("abrupt", "20");
		defaults.put("settle", "2s");
		defaults.put("heartbeat", "200ms");
		defaults.put("time-to-live", "2s");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * How the leader is made to hand over.
	 */
	public enum HandOverKind {

		/**
		 * The leader yields leadership, as a rolling deploy does: its upstream stops, it
		 * releases the lock, another replica takes it.
		 */
		GRACEFUL("graceful: the leader yields") {

			@Override
			void trigger(ClusterReplica leader) {
				leader.yieldLeadership();
			}

		},

		/**
		 * The leader's database is cut off: it can neither renew nor release its lock,
		 * and another replica takes it once it expired. Restored afterwards, so that the
		 * replica rejoins.
		 */
		ABRUPT("abrupt: the leader's database is cut off") {

			@Override
			void trigger(ClusterReplica leader) {
				leader.cutDatabase();
			}

			@Override
			void after(ClusterReplica leader) {
				leader.restoreDatabase();
			}

		};

		private final String description;

		HandOverKind(String description) {
			this.description = description;
		}

		abstract void trigger(ClusterReplica leader);

		void after(ClusterReplica leader) {
		}

	}

	/**
	 * One path of the feed to a raw channel, and what it carried.
	 *
	 * @param name the path
	 * @param delivery what it carried of the messages published while measuring
	 */
	public record Route(String name, Delivery delivery) {

	}

	/**
	 * What the Kafka hop measured at one rate.
	 *
	 * @param rate messages a second
	 * @param routes the standalone's first, then each replica's
	 * @param leaderIndex the index of the leader among the replicas
	 * @param cpuCores the CPU time the process used while measuring, in cores
	 */
	public record Hop(int rate, List<Route> routes, int leaderIndex, double cpuCores) {

		/**
		 * Return the standalone's path: direct from MQTT.
		 * @return the path
		 */
		public Route direct() {
			return this.routes.get(0);
		}

		/**
		 * Return the leader's path, from Kafka.
		 * @return the path
		 */
		public Route leader() {
			return this.routes.get(1 + this.leaderIndex);
		}

		/**
		 * Return the followers' routes, from Kafka.
		 * @return the routes
		 */
		public List<Route> followers() {
			List<Route> followers = new ArrayList<>(this.routes.subList(1, this.routes.size()));
			followers.remove(leader());
			return followers;
		}

	}

	/**
	 * A hand-over as the harness triggered it.
	 *
	 * @param kind how
	 * @param from the index of the leader before
	 * @param to the index of the leader after
	 * @param term the term the next leader claimed
	 * @param nanos when it was triggered, on {@link System#nanoTime()}
	 * @param revokedNanos when the leader before stopped leading, its upstream stopped;
	 * {@code 0} if it still led when the next one delivered
	 * @param connectedNanos when the next leader's connection started delivering
	 * @param windowStart the start of its window
	 * @param windowEnd the end of its window
	 */
	public record Trigger(HandOverKind kind, int from, int to, long term, long nanos, long revokedNanos,
			long connectedNanos, long windowStart, long windowEnd) {

	}

	/**
	 * One hand-over and what each replica delivered of its window.
	 *
	 * @param trigger the hand-over
	 * @param replicas what each replica delivered, in replica order
	 */
	public record HandOver(Trigger trigger, List<Delivery> replicas) {

		/**
		 * Return whether another replica took over.
		 * @return whether the leader changed
		 */
		public boolean newLeader() {
			return this.trigger.from() != this.trigger.to();
		}

		/**
		 * Return the time from the trigger to the leader before stopping leading, its
		 * upstream stopped.
		 * @return nanoseconds, {@code -1} if it still led when the next one delivered
		 */
		public long revokedAfter() {
			return (this.trigger.revokedNanos() != 0) ? this.trigger.revokedNanos() - this.trigger.nanos() : -1;
		}

		/**
		 * Return the time from the trigger to the next leader's connection delivering.
		 * @return nanoseconds
		 */
		public long connectedAfter() {
			return this.trigger.connectedNanos() - this.trigger.nanos();
		}

	}

	/**
	 * What the fail-over measured.
	 *
	 * @param handOvers every hand-over, in order
	 * @param publisherGap the publisher's own longest pause, in nanoseconds
	 * @param kafkaTwice messages on the feed topic more than once
	 * @param fenced messages of a deposed leader the replicas did not deliver
	 */
	public record FailOver(List<HandOver> handOvers, long publisherGap, long kafkaTwice, long fenced) {

		/**
		 * Return the hand-overs of one kind.
		 * @param kind the kind
		 * @return its hand-overs, in order
		 */
		public List<HandOver> of(HandOverKind kind) {
			return this.handOvers.stream().filter((handOver) -> handOver.trigger().kind() == kind).toList();
		}

	}

	/**
	 * The smallest, median and largest of a set of figures.
	 *
	 * @param min the smallest
	 * @param median the median (nearest rank)
	 * @param max the largest
	 */
	record Spread(long min, long median, long max) {

		static Spread of(long[] values) {
			if (values.length == 0) {
				return new Spread(0, 0, 0);
			}
			long[] sorted = values.clone();
			Arrays.sort(sorted);
			return new Spread(sorted[0], sorted[(sorted.length - 1) / 2], sorted[sorted.length - 1]);
		}

		String format(LongFunction<String> figure) {
			return figure.apply(this.min) + " / " + figure.apply(this.median) + " / " + figure.apply(this.max);
		}

	}

	/**
	 * What a run measured.
	 *
	 * @param hops the Kafka hop, at each rate
	 * @param failOver the hand-overs
	 * @param report the report
	 */
	public record Result(List<Hop> hops, FailOver failOver, Report report) {

	}

}
