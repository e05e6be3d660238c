package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.github.settrademqtt.benchmarks.ClusterBenchmark.Spread;
import io.github.settrademqtt.benchmarks.harness.ArrivalLog;
import io.github.settrademqtt.benchmarks.harness.ClusterKillReplica;
import io.github.settrademqtt.benchmarks.harness.ClusterReplica;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows.Delivery;
import io.github.settrademqtt.benchmarks.harness.DeliveryWindows.Window;
import io.github.settrademqtt.benchmarks.harness.FeedTopicReader;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.LockDatabase;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.PacedFeed;
import io.github.settrademqtt.benchmarks.harness.PublicationLog;
import io.github.settrademqtt.benchmarks.harness.ReplicaProcess;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Cluster mode across processes, for the one fail-over {@link ClusterBenchmark} cannot
 * show in one JVM: the leader killed outright ({@code SIGKILL}). The harness's JVM hosts
 * the embedded simulator, with a {@link PacedFeed} publishing numbered order books at a
 * steady rate, an in-process Kafka broker (spring-kafka-test's KRaft broker) and the lock
 * registry's H2 database served over TCP ({@link LockDatabase}); each replica is a
 * {@link ClusterKillReplica} process of its own, which reports its leadership, its
 * connection and every message of its raw channel, timed on {@link System#nanoTime()}
 * (one clock across the processes of a Linux machine; checked as each replica starts).
 * <p>
 * Once a leader is connected and every replica delivers every topic, the leader's process
 * is killed; per kill: the time to the next leader's lock and connection, on each
 * surviving replica the time to the first message from the next leader and the longest
 * silence, what it lost of what the simulator published and of what the leaders published
 * to Kafka, what came twice or out of order. A replacement process then joins, and the
 * next kill waits until it delivers every topic.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.ClusterKillBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class ClusterKillBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration FLOWING_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);

	private final HarnessArguments arguments;

	private final Report report;

	private final List<String> symbols;

	private final List<String> topics;

	private final Duration timeToLive;

	private final List<ReplicaProcess> processes = new CopyOnWriteArrayList<>();

	private ClusterKillBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("cluster-kill", arguments);
		this.symbols = Harness.symbols("K", arguments.intValue("symbols"));
		this.topics = this.symbols.stream().map(SimulatorMarket::bidOfferTopic).toList();
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
	 * @throws Exception when the cluster cannot start or a fail-over does not complete
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		ClusterKillBenchmark benchmark = new ClusterKillBenchmark(arguments);
		// whatever ends this JVM, no replica outlives it
		Thread killAll = new Thread(benchmark::killAll, "cluster-kill-replicas");
		Runtime.getRuntime().addShutdownHook(killAll);
		try {
			return benchmark.run();
		}
		finally {
			benchmark.killAll();
			Runtime.getRuntime().removeShutdownHook(killAll);
		}
	}

	private Result run() throws Exception {
		int replicaCount = this.arguments.intValue("replicas");
		if (replicaCount < 2) {
			throw new IllegalArgumentException("Argument '--replicas' must be at least 2: a leader and a survivor");
		}
		Harness.quietKafkaBroker();
		try (LockDatabase database = LockDatabase.start()) {
			EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
			kafka.afterPropertiesSet();
			try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
				return measure(simulator, replicaProperties(simulator, kafka.getBrokersAsString(), database),
						kafka.getBrokersAsString(), replicaCount);
			}
			finally {
				killAll();
				kafka.destroy();
			}
		}
	}

	private Map<String, String> replicaProperties(SettradeSimulator simulator, String bootstrapServers,
			LockDatabase database) {
		ClusterReplica.Cluster cluster = new ClusterReplica.Cluster(bootstrapServers, feedTopic(), "cluster-kill",
				this.arguments.duration("heartbeat"), this.timeToLive);
		SimulatedApp app = simulator.registerApp();
		Map<String, String> properties = new LinkedHashMap<>(simulator.springProperties(app, "simulator"));
		properties.putAll(cluster.properties());
		properties.put("settrade.mqtt.subscriptions.bid-offer", String.join(",", this.symbols));
		properties.put("spring.datasource.url", database.url(cluster.database()));
		// INT_LOCK: H2 over TCP is not an embedded database to Boot
		properties.put("spring.integration.jdbc.initialize-schema", "always");
		// no web server: run until killed
		properties.put("spring.main.keep-alive", "true");
		return properties;
	}

	private Result measure(SettradeSimulator simulator, Map<String, String> properties, String bootstrapServers,
			int replicaCount) throws Exception {
		int rate = this.arguments.intValue("rate");
		Duration settle = this.arguments.duration("settle");
		PublicationLog publications = new PublicationLog(this.topics.size());
		List<Kill> kills = new ArrayList<>();
		FeedTopicReader published;
		try (PacedFeed feed = new PacedFeed(simulator, this.symbols, rate, publications)) {
			for (int i = 0; i < replicaCount; i++) {
				startReplica(properties);
			}
			for (ReplicaProcess replica : this.processes) {
				awaitReady(replica);
			}
			published = new FeedTopicReader(bootstrapServers, feedTopic(), this.topics);
			try {
				ReplicaProcess leader = awaitLeader(0);
				awaitFlowing(live(), System.nanoTime());
				NumberedRun.measureFor(settle);
				long windowStart = System.nanoTime();
				for (int number = 1; number <= this.arguments.intValue("kills"); number++) {
					awaitFlowing(live(), System.nanoTime());
					List<ReplicaProcess> survivors = live();
					survivors.remove(leader);
					long killed = leader.kill(EXIT_TIMEOUT);
					ReplicaProcess next = awaitLeader(killed);
					awaitFlowing(survivors, next.connectedNanos());
					ReplicaProcess replacement = startReplica(properties);
					awaitReady(replacement);
					awaitFlowing(List.of(replacement), replacement.readyNanos());
					NumberedRun.measureFor(settle);
					published.readToEnd();
					long windowEnd = System.nanoTime();
					kills.add(new Kill(number, leader, next, killed, leader.exitValue(), next.grantedNanos(),
							next.loggedInNanos(), next.connectedNanos(),
							publications.count(killed, next.connectedNanos()), survivors,
							new Window(windowStart, windowEnd, killed, windowEnd)));
					this.report.line("Kill %d: %s (pid %d, exit %d) → %s connected after %s ms", number, leader.name(),
							leader.pid(), leader.exitValue(), next.name(),
							Report.millis(next.connectedNanos() - killed));
					windowStart = windowEnd;
					leader = next;
				}
			}
			finally {
				published.readToEnd();
				published.close();
			}
		}
		Result result = new Result(analyse(kills, publications, published), rate, published.twice(),
				this.processes.stream().allMatch(ReplicaProcess::clockChecked), this.report);
		reportKills(result);
		return result;
	}

	private List<KillFigures> analyse(List<Kill> kills, PublicationLog publications, FeedTopicReader published) {
		List<Window> windows = kills.stream().map(Kill::window).toList();
		Map<ReplicaProcess, List<Delivery>> byReplica = new HashMap<>();
		List<KillFigures> figures = new ArrayList<>();
		for (int i = 0; i < kills.size(); i++) {
			Kill kill = kills.get(i);
			List<SurvivorFigures> survivors = new ArrayList<>();
			for (ReplicaProcess survivor : kill.survivors()) {
				Delivery delivery = byReplica
					.computeIfAbsent(survivor,
							(replica) -> DeliveryWindows.of(replica.log(), publications, published, windows))
					.get(i);
				survivors.add(new SurvivorFigures(survivor.name(),
						firstFromNextLeader(survivor.log(), kill.killedNanos()) - kill.killedNanos(), delivery));
			}
			figures.add(new KillFigures(kill, survivors));
		}
		return figures;
	}

	/**
	 * Return when a replica first delivered a message of another connection than the one
	 * it delivered last before a moment: the next leader's first.
	 */
	static long firstFromNextLeader(ArrivalLog log, long moment) {
		long[] found = { -1, 0 };
		log.replay((topic, number, nanos, connection) -> {
			if (nanos - moment <= 0) {
				found[0] = connection;
			}
			else if (found[1] == 0 && connection != found[0]) {
				found[1] = nanos;
			}
		});
		return found[1];
	}

	private void reportKills(Result result) {
		List<KillFigures> kills = result.kills();
		List<SurvivorFigures> survivors = kills.stream().flatMap((kill) -> kill.survivors().stream()).toList();
		this.report.line("");
		this.report.line("## Fail-over after kill -9");
		this.report.line("");
		this.report.line("%d replica processes, %,d msg/s over %d topics; lock time-to-live %,d ms, heartbeat %s. "
				+ "%d kills of the leader's process with SIGKILL (`Process.destroyForcibly()`; exit code 137 = 128 + 9), "
				+ "each once a leader was connected and every replica delivered every topic; after each, a replacement "
				+ "process joined and delivered every topic before %s ms of settling. Times are each process's "
				+ "`System.nanoTime` (one clock for all processes on Linux; %s), a message's as its replica "
				+ "delivered it on `settradeMqttInboundChannel`. A kill's window runs from the end of the one "
				+ "before to the end of its settling; a message belongs to the window it was published in. "
				+ "Figures per surviving replica.", this.arguments.intValue("replicas"), result.rate(),
				this.topics.size(), this.timeToLive.toMillis(), this.arguments.string("heartbeat"), kills.size(),
				Report.millis(this.arguments.duration("settle").toNanos()),
				result.clocksChecked() ? "checked: every replica's first line is timed between its start and "
						+ "its reading by the harness" : "**not confirmed on this machine**");
		this.report.line("");
		this.report.line("| figure | min | median | max |");
		this.report.line("|---|---|---|---|");
		spreadRow("kill → next leader granted the lock (ms)", kills, KillFigures::grantedAfter, Report::millis);
		spreadRow("granted → logged in: the term claimed, a login (ms)", kills, KillFigures::loginAfterGranted,
				Report::millis);
		spreadRow("logged in → connection CONNECTED (ms)", kills, KillFigures::connectAfterLogin, Report::millis);
		spreadRow("kill → next leader's connection CONNECTED (ms)", kills, KillFigures::connectedAfter, Report::millis);
		spreadRow("kill → first message from the next leader, per survivor (ms)", survivors,
				SurvivorFigures::firstAfter, Report::millis);
		spreadRow("longest silence on a survivor (ms)", survivors, (survivor) -> survivor.delivery().longestSilence(),
				Report::millis);
		spreadRow("published between the kill and CONNECTED", kills, (kill) -> kill.kill().publishedBetween(),
				ClusterBenchmark::count);
		spreadRow("lost of what the simulator published, per survivor", survivors,
				(survivor) -> survivor.delivery().lostOfPublished(), ClusterBenchmark::count);
		this.report.line("");
		this.report.line(
				"Summed over every survivor of every kill: lost of what the leaders published to Kafka "
						+ "**%,d**, twice **%,d**, out of order **%,d**. Messages on the feed topic twice: %,d. Killed "
						+ "processes that exited with 137: %d of %d.",
				sum(survivors, (s) -> s.delivery().lostOfKafka()), sum(survivors, (s) -> s.delivery().twice()),
				sum(survivors, (s) -> s.delivery().outOfOrder()), result.kafkaTwice(),
				kills.stream().filter((kill) -> kill.kill().exitCode() == 137).count(), kills.size());
		this.report.line("");
		this.report.line("Each kill (per survivor, in the order they started):");
		this.report.line("");
		this.report.line("| # | killed → next leader | exit | granted after (ms) | logged in after (ms) | connected "
				+ "after (ms) | published "
				+ "in window | first from next leader after (ms) | longest silence (ms) | lost of published | lost "
				+ "of Kafka | twice | out of order |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (KillFigures figures : kills) {
			Kill kill = figures.kill();
			this.report.line("| %d | %s → %s | %d | %s | %s | %s | %,d | %s | %s | %s | %s | %s | %s |", kill.number(),
					kill.killed().name(), kill.next().name(), kill.exitCode(), Report.millis(figures.grantedAfter()),
					Report.millis(kill.loggedInNanos() - kill.killedNanos()), Report.millis(figures.connectedAfter()),
					figures.survivors().get(0).delivery().published(),
					perSurvivor(figures, (survivor) -> Report.millis(survivor.firstAfter())),
					perSurvivor(figures, (survivor) -> Report.millis(survivor.delivery().longestSilence())),
					perSurvivor(figures, (survivor) -> ClusterBenchmark.count(survivor.delivery().lostOfPublished())),
					perSurvivor(figures, (survivor) -> ClusterBenchmark.count(survivor.delivery().lostOfKafka())),
					perSurvivor(figures, (survivor) -> ClusterBenchmark.count(survivor.delivery().twice())),
					perSurvivor(figures, (survivor) -> ClusterBenchmark.count(survivor.delivery().outOfOrder())));
		}
	}

	private <T> void spreadRow(String name, List<T> items, ToLongFunction<T> figure, LongFunction<String> format) {
		Spread spread = Spread.of(items.stream().mapToLong(figure).toArray());
		this.report.line("| %s | %s | %s | %s |", name, format.apply(spread.min()), format.apply(spread.median()),
				format.apply(spread.max()));
	}

	private static String perSurvivor(KillFigures kill, Function<SurvivorFigures, String> figure) {
		return kill.survivors().stream().map(figure).collect(Collectors.joining(" / "));
	}

	private static long sum(List<SurvivorFigures> survivors, ToLongFunction<SurvivorFigures> figure) {
		return survivors.stream().mapToLong(figure).sum();
	}

	private ReplicaProcess startReplica(Map<String, String> properties) throws Exception {
		String name = "r" + (this.processes.size() + 1);
		ReplicaProcess replica = ReplicaProcess.start(name,
				Arrays.asList(this.arguments.string("replica-jvm-options").strip().split("\\s+")), properties,
				this.topics);
		this.processes.add(replica);
		return replica;
	}

	private void awaitReady(ReplicaProcess replica) {
		if (!NumberedRun.await(() -> replica.readyNanos() != 0 || !replica.isAlive(), STARTUP_TIMEOUT)
				|| replica.readyNanos() == 0) {
			throw new IllegalStateException("Replica " + replica.name() + " did not start within " + STARTUP_TIMEOUT);
		}
	}

	/**
	 * Wait until a live replica leads with its connection connected since it was granted,
	 * after a moment.
	 */
	private ReplicaProcess awaitLeader(long since) {
		ReplicaProcess[] found = new ReplicaProcess[1];
		Duration timeout = this.timeToLive.plus(FLOWING_TIMEOUT);
		NumberedRun.await(() -> {
			for (ReplicaProcess replica : live()) {
				if (replica.leads() && replica.connectedNanos() - replica.grantedNanos() > 0
						&& (since == 0 || replica.grantedNanos() - since > 0)) {
					found[0] = replica;
					return true;
				}
			}
			return false;
		}, timeout);
		if (found[0] == null) {
			throw new IllegalStateException("No replica led and connected within " + timeout);
		}
		return found[0];
	}

	private void awaitFlowing(List<ReplicaProcess> replicas, long since) {
		if (!NumberedRun.await(
				() -> replicas.stream().allMatch((replica) -> replica.log().allTopicsSince(since, this.topics.size())),
				FLOWING_TIMEOUT)) {
			throw new IllegalStateException("Not every topic delivered on every replica within " + FLOWING_TIMEOUT);
		}
	}

	private List<ReplicaProcess> live() {
		return this.processes.stream().filter(ReplicaProcess::isAlive).collect(Collectors.toCollection(ArrayList::new));
	}

	private void killAll() {
		this.processes.forEach(ReplicaProcess::close);
	}

	private String feedTopic() {
		return "settrade-feed-kill";
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("symbols", "50");
		defaults.put("rate", "200");
		defaults.put("replicas", "3");
		defaults.put("kills", "20");
		defaults.put("settle", "2s");
		defaults.put("heartbeat", "200ms");
		defaults.put("time-to-live", "2s");
		defaults.put("replica-jvm-options", "-Xmx256m -XX:+UseSerialGC");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * A kill as the harness made it.
	 *
	 * @param number its number, from 1
	 * @param killed the leader killed
	 * @param next the replica that took over
	 * @param killedNanos when it was killed, on {@link System#nanoTime()}
	 * @param exitCode the killed process's exit code
	 * @param grantedNanos when the next leader was granted the lock
	 * @param loggedInNanos when it logged in
	 * @param connectedNanos when its connection was connected
	 * @param publishedBetween messages published between the kill and then
	 * @param survivors the replicas that ran throughout, in the order they started
	 * @param window its window
	 */
	public record Kill(int number, ReplicaProcess killed, ReplicaProcess next, long killedNanos, int exitCode,
			long grantedNanos, long loggedInNanos, long connectedNanos, long publishedBetween,
			List<ReplicaProcess> survivors, Window window) {

	}

	/**
	 * What one surviving replica delivered of a kill's window.
	 *
	 * @param name the replica
	 * @param firstAfter from the kill to its first message from the next leader, in
	 * nanoseconds
	 * @param delivery what it delivered of the window
	 */
	public record SurvivorFigures(String name, long firstAfter, Delivery delivery) {

	}

	/**
	 * One kill and what each survivor delivered.
	 *
	 * @param kill the kill
	 * @param survivors each survivor's figures
	 */
	public record KillFigures(Kill kill, List<SurvivorFigures> survivors) {

		/**
		 * Return the time from the kill to the next leader holding the lock.
		 * @return nanoseconds
		 */
		public long grantedAfter() {
			return this.kill.grantedNanos() - this.kill.killedNanos();
		}

		/**
		 * Return the time from the next leader holding the lock to its login.
		 * @return nanoseconds
		 */
		public long loginAfterGranted() {
			return this.kill.loggedInNanos() - this.kill.grantedNanos();
		}

		/**
		 * Return the time from the next leader's login to its connection connected.
		 * @return nanoseconds
		 */
		public long connectAfterLogin() {
			return this.kill.connectedNanos() - this.kill.loggedInNanos();
		}

		/**
		 * Return the time from the kill to the next leader's connection connected.
		 * @return nanoseconds
		 */
		public long connectedAfter() {
			return this.kill.connectedNanos() - this.kill.killedNanos();
		}

	}

	/**
	 * What a run measured.
	 *
	 * @param kills every kill, in order
	 * @param rate the feed's rate, messages a second
	 * @param kafkaTwice messages on the feed topic more than once
	 * @param clocksChecked whether every replica's clock was found to be the harness's
	 * @param report the report
	 */
	public record Result(List<KillFigures> kills, int rate, long kafkaTwice, boolean clocksChecked, Report report) {

	}

}
