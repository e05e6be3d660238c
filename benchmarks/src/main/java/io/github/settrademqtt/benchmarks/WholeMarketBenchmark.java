package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.github.settrademqtt.benchmarks.harness.GcWatch;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.MarketClient;
import io.github.settrademqtt.benchmarks.harness.MarketTape;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.PahoMarketClient;
import io.github.settrademqtt.benchmarks.harness.PhasedFeed;
import io.github.settrademqtt.benchmarks.harness.PhasedFeed.Phase;
import io.github.settrademqtt.benchmarks.harness.Percentiles;
import io.github.settrademqtt.benchmarks.harness.ProcessSample;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.StarterMarketClient;
import io.github.settrademqtt.benchmarks.harness.ThreadUsage;
import io.github.settrademqtt.test.SettradeSimulator;

/**
 * The whole market on one connection: 1,000 symbols' order books and price information
 * (2,000 topics), a steady market, then the opening burst at the highest rate the rig
 * sustains, then steady again, with a token rotation in the steady part and one in the
 * burst. Three clients take turns on the same simulator, each fresh and with the broker
 * to itself: the starter with its default settings, the starter delivering on the MQTT
 * client's thread ({@code delivery.threads=0}), and bare Paho subscribing the same topics
 * in batched SUBSCRIBE packets.
 * <p>
 * For each: the time from the connection's opening to every topic active, on the first
 * connection and on each rotation; per phase, what listeners were handed and how stale
 * (publish to handler), what was conflated, lost or received twice; process CPU per
 * thousand messages split by thread group (client, broker and relay, publisher, GC), the
 * allocation rate, garbage collections and the heap after them, and connections lost;
 * around each rotation, what was lost or received twice on the raw path and its longest
 * silence.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.WholeMarketBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class WholeMarketBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	/**
	 * The starter with its default settings.
	 */
	public static final String STARTER = "starter";

	/**
	 * The starter delivering on the MQTT client's thread.
	 */
	public static final String INLINE = "inline";

	/**
	 * Bare Paho.
	 */
	public static final String PAHO = "paho";

	/**
	 * The phases of the script, by index.
	 */
	public static final int WARMUP = 0;

	/**
	 * The steady phase, with a rotation at its middle.
	 */
	public static final int STEADY = 1;

	/**
	 * The opening burst, with a rotation at its middle.
	 */
	public static final int BURST = 2;

	/**
	 * Steady again after the burst.
	 */
	public static final int AFTER = 3;

	private static final List<Integer> MEASURED = List.of(STEADY, BURST, AFTER);

	private static final Duration ROTATION_MARGIN = Duration.ofSeconds(1);

	private static final Duration DRAIN_QUIET = Duration.ofSeconds(1);

	private static final Duration TIMEOUT = Duration.ofMinutes(10);

	private static final double MB = 1024.0 * 1024.0;

	private final HarnessArguments arguments;

	private final Report report;

	private final List<String> symbols;

	private final List<String> topics;

	private final List<byte[]> templates = new ArrayList<>();

	private final int[] numberFields;

	private final List<String> clients;

	private WholeMarketBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("whole-market", arguments);
		this.symbols = Harness.symbols("M", arguments.intValue("symbols"));
		this.topics = Harness.bookAndInfoTopics(this.symbols);
		this.numberFields = new int[this.topics.size()];
		for (int i = 0; i < this.symbols.size(); i++) {
			String symbol = this.symbols.get(i);
			this.templates.add(RealisticPayloads.book(symbol).toBuilder().clearAskVolume10().build().toByteArray());
			this.numberFields[2 * i] = RealisticPayloads.NUMBER_FIELD;
			this.templates.add(RealisticPayloads.info(symbol).toBuilder().clearTotalVolume().build().toByteArray());
			this.numberFields[2 * i + 1] = RealisticPayloads.INFO_NUMBER_FIELD;
		}
		this.clients = List.of(arguments.string("clients").split(",")).stream().map(String::strip).toList();
		for (String client : this.clients) {
			if (!List.of(STARTER, INLINE, PAHO).contains(client)) {
				throw new IllegalArgumentException("Argument '--clients' names an unknown client '" + client
						+ "'; known: " + STARTER + ", " + INLINE + ", " + PAHO);
			}
		}
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
	 * @throws Exception when a client cannot connect, subscribe or rotate
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		return new WholeMarketBenchmark(arguments).run();
	}

	private Result run() throws Exception {
		ExecutorService rotations = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "benchmark-rotation");
			thread.setDaemon(true);
			return thread;
		});
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start();
				ThreadUsage usage = new ThreadUsage();
				GcWatch collections = new GcWatch()) {
			describe();
			Duration rehearsal = this.arguments.duration("rehearsal");
			if (!rehearsal.isZero()) {
				for (String client : this.clients) {
					new Turn(simulator, client, 0, rehearsal(rehearsal), usage, collections, rotations).run();
				}
			}
			List<TurnResult> turns = new ArrayList<>();
			int rounds = Math.max(1, this.arguments.intValue("rounds"));
			for (int round = 1; round <= rounds; round++) {
				for (int k = 0; k < this.clients.size(); k++) {
					String client = this.clients.get((round - 1 + k) % this.clients.size());
					turns.add(new Turn(simulator, client, round, script(), usage, collections, rotations).run());
				}
			}
			new Writer(turns).write();
			return new Result(turns, this.report);
		}
		finally {
			rotations.shutdownNow();
		}
	}

	private List<Phase> script() {
		int steady = this.arguments.intValue("steady-rate");
		return List.of(new Phase("warm-up", steady, this.arguments.duration("warmup")),
				new Phase("steady", steady, this.arguments.duration("steady-duration")),
				new Phase("burst", this.arguments.intValue("burst-rate"), this.arguments.duration("burst-duration")),
				new Phase("after", steady, this.arguments.duration("after-duration")));
	}

	/**
	 * A short turn of each client before the measured ones, so that none is measured with
	 * cold code (TLS, Paho, the decoders).
	 */
	private List<Phase> rehearsal(Duration rehearsal) {
		int steady = this.arguments.intValue("steady-rate");
		return List.of(new Phase("warm-up", steady, Duration.ZERO), new Phase("steady", steady, rehearsal),
				new Phase("burst", this.arguments.intValue("burst-rate"), rehearsal.dividedBy(2)),
				new Phase("after", steady, Duration.ZERO));
	}

	private MarketClient client(String name) {
		return switch (name) {
			case STARTER -> new StarterMarketClient("starter", Map.of());
			case INLINE ->
				new StarterMarketClient("starter, `delivery.threads=0`", Map.of("settrade.mqtt.delivery.threads", "0"));
			default -> new PahoMarketClient();
		};
	}

	private void describe() {
		double book = this.templates.get(0).length;
		double info = this.templates.get(1).length;
		this.report.line("%,d topics (%,d symbols: order book `bidofferv3` and price information `infov3`), realistic "
				+ "payloads (a ten-level book of %.0f bytes, price information of %.0f bytes), round-robin over the "
				+ "topics. Each client in turn, fresh, on the same simulator (TLS WebSocket relay, Moquette) with the "
				+ "broker to itself, while a publisher thread leads in at the steady rate: connect and subscribe "
				+ "everything, warm up for %d s, then **steady** for %d s at %,d msg/s with a rotation at its middle, "
				+ "the **burst** for %d s at %,d msg/s with a rotation at its middle, and steady again (**after**) for "
				+ "%d s. Rotations are asked for (`SettradeMqttConnection.rotate()`, `overlap`); bare Paho rotates by "
				+ "hand, make-before-break.", this.topics.size(), this.symbols.size(), book, info,
				this.arguments.duration("warmup").toSeconds(), this.arguments.duration("steady-duration").toSeconds(),
				this.arguments.intValue("steady-rate"), this.arguments.duration("burst-duration").toSeconds(),
				this.arguments.intValue("burst-rate"), this.arguments.duration("after-duration").toSeconds());
		this.report.line("");
	}

	private static String group(String thread) {
		if (thread.startsWith("MQTT ") || thread.startsWith("WssSocketReceiver")) {
			return "Paho's threads";
		}
		if (thread.startsWith("settrade-mqtt-delivery-")) {
			return "delivery threads";
		}
		if (thread.startsWith("settrade-mqtt-")) {
			return "starter's other threads";
		}
		if (thread.startsWith(PhasedFeed.THREAD_NAME)) {
			return "publisher";
		}
		if (thread.startsWith("Session Executor") || thread.startsWith("nioEventLoopGroup")
				|| thread.startsWith("settrade-simulator-") || thread.startsWith("reactor-")
				|| thread.startsWith("boundedElastic")) {
			return "broker and relay";
		}
		return "harness and other threads";
	}

	private static double granted(MarketClient.Opening opening) {
		return opening.grantedNanos() - opening.openingNanos();
	}

	private static double active(MarketClient.Opening opening) {
		return opening.activeNanos() - opening.openingNanos();
	}

	private static String ratio(PhaseResult phase, PhaseResult baseline, ToDoubleFunction<PhaseResult> figure) {
		return ratio(figure.applyAsDouble(phase), figure.applyAsDouble(baseline));
	}

	private static String ratio(double value, double baseline) {
		return (baseline != 0) ? String.format(Locale.ROOT, "%.2f", value / baseline) : "n/a";
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("symbols", "1000");
		defaults.put("steady-rate", "2000");
		defaults.put("burst-rate", "8000");
		defaults.put("warmup", "15s");
		defaults.put("steady-duration", "20s");
		defaults.put("burst-duration", "10s");
		defaults.put("after-duration", "10s");
		defaults.put("rehearsal", "6s");
		defaults.put("rounds", "2");
		defaults.put("clients", STARTER + "," + INLINE + "," + PAHO);
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * One client's turn: a fresh client and a fresh publisher, the script, two rotations,
	 * and what it all cost.
	 */
	private final class Turn {

		private final SettradeSimulator simulator;

		private final String clientName;

		private final int round;

		private final List<Phase> script;

		private final ThreadUsage usage;

		private final GcWatch collections;

		private final ExecutorService rotations;

		Turn(SettradeSimulator simulator, String clientName, int round, List<Phase> script, ThreadUsage usage,
				GcWatch collections, ExecutorService rotations) {
			this.simulator = simulator;
			this.clientName = clientName;
			this.round = round;
			this.script = script;
			this.usage = usage;
			this.collections = collections;
			this.rotations = rotations;
		}

		TurnResult run() throws Exception {
			int steadyRate = WholeMarketBenchmark.this.arguments.intValue("steady-rate");
			try (PhasedFeed feed = new PhasedFeed(this.simulator, WholeMarketBenchmark.this.topics,
					WholeMarketBenchmark.this.templates, WholeMarketBenchmark.this.numberFields, steadyRate,
					this.script); MarketClient client = client(this.clientName)) {
				MarketTape tape = new MarketTape(feed);
				long heapBefore = ProcessSample.take(0).heapAfterGc();
				MarketClient.Opening first = client.connect(this.simulator, this.simulator.registerApp(),
						WholeMarketBenchmark.this.symbols, feed, tape);
				feed.startScript();
				PhaseMark[] marks = new PhaseMark[this.script.size() + 1];
				List<Future<MarketClient.Opening>> rotating = new ArrayList<>();
				for (int phase = 0; phase < this.script.size(); phase++) {
					feed.awaitPhase(phase, TIMEOUT);
					marks[phase] = mark(client);
					if (phase == STEADY || phase == BURST) {
						long count = this.script.get(phase).count();
						feed.awaitPublished((count > 0) ? feed.firstNumber(phase) + count / 2 : 0, TIMEOUT);
						for (Future<MarketClient.Opening> earlier : rotating) {
							earlier.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
						}
						rotating.add(this.rotations.submit(client::rotate));
					}
				}
				feed.awaitPhase(this.script.size(), TIMEOUT);
				marks[this.script.size()] = mark(client);
				List<MarketClient.Opening> openings = new ArrayList<>();
				for (Future<MarketClient.Opening> rotation : rotating) {
					openings.add(rotation.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
				}
				drain(feed, tape);
				long heapAfter = ProcessSample.take(0).heapAfterGc();
				// what is published from a rotation's request to a while after it is done
				// meets two connections, then a hand-over: counted apart as well
				List<long[]> disturbed = openings.stream()
					.map((opening) -> new long[] { opening.startNanos(),
							opening.doneNanos() + ROTATION_MARGIN.toNanos() })
					.toList();
				Map<String, PhaseResult> phases = new LinkedHashMap<>();
				for (int phase : MEASURED) {
					phases.put(this.script.get(phase).name(), phaseResult(feed, tape, phase, marks, disturbed));
				}
				List<RotationResult> rotations = new ArrayList<>();
				int[] during = { STEADY, BURST };
				for (int i = 0; i < openings.size(); i++) {
					MarketClient.Opening opening = openings.get(i);
					rotations.add(new RotationResult(this.script.get(during[i]).name(),
							opening.startNanos() - feed.startedNanos(during[i]), opening,
							tape.window(opening.startNanos() - ROTATION_MARGIN.toNanos(),
									opening.doneNanos() + ROTATION_MARGIN.toNanos())));
				}
				return new TurnResult(this.round, client.name(), first, rotations, phases, heapBefore, heapAfter);
			}
		}

		private PhaseMark mark(MarketClient client) {
			return new PhaseMark(this.usage.mark(), client.losses(), this.simulator.mqtt().acceptedConnections());
		}

		/**
		 * Wait until every message of the measured phases arrived, or none did for a
		 * while (what is missing then is lost).
		 */
		private void drain(PhasedFeed feed, MarketTape tape) {
			long from = feed.firstNumber(STEADY);
			long expected = feed.total() + 1 - from;
			long[] last = { -1, System.nanoTime() };
			NumberedRun.await(() -> {
				long arrived = tape.arrivedBetween(from, feed.total() + 1);
				if (arrived != last[0]) {
					last[0] = arrived;
					last[1] = System.nanoTime();
				}
				return arrived == expected || System.nanoTime() - last[1] > DRAIN_QUIET.toNanos();
			}, TIMEOUT);
		}

		private PhaseResult phaseResult(PhasedFeed feed, MarketTape tape, int phase, PhaseMark[] marks,
				List<long[]> disturbed) {
			PhaseMark start = marks[phase];
			PhaseMark end = marks[phase + 1];
			return new PhaseResult(this.script.get(phase), feed.achievedRate(phase), feed.longestGap(phase),
					tape.phase(phase, disturbed), tape.arrivedWithin(start.usage().nanos(), end.usage().nanos()),
					end.usage().processCpuSince(start.usage()),
					end.usage().since(start.usage(), WholeMarketBenchmark::group),
					end.usage().busiestSince(start.usage()),
					this.collections.between(start.usage().nanos(), end.usage().nanos()),
					end.usage().nanos() - start.usage().nanos(), end.losses() - start.losses(),
					end.connections() - start.connections());
		}

	}

	/**
	 * Writes the report's tables.
	 */
	private final class Writer {

		private final List<TurnResult> turns;

		Writer(List<TurnResult> turns) {
			this.turns = turns;
		}

		void write() {
			staleness();
			subscribing();
			rotations();
			cpu();
			memory();
			ratios();
		}

		private void line(String format, Object... args) {
			WholeMarketBenchmark.this.report.line(format, args);
		}

		private void staleness() {
			line("## What listeners were handed, and how stale");
			line("");
			line("Staleness: from the message's publication to the listener having it (bare Paho: its callback "
					+ "having parsed it), for every listener call; away from rotations: leaving out what was published "
					+ "from a rotation's request to %d s after it was done. Conflated: received, but replaced by a newer "
					+ "snapshot of its topic before a listener had it. Lost (the broker drops a QoS 0 message for a "
					+ "connection that does not keep up) and twice: on the path that sees every message (the starter's "
					+ "raw channel; bare Paho's callback).", ROTATION_MARGIN.toSeconds());
			line("");
			line("| round | client | phase | asked (msg/s) | published at (msg/s) | published | lost | twice | handed | "
					+ "conflated | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | away from rotations: p50 / p99 / "
					+ "p99.9 (ms) |");
			line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				turn.phases().forEach((name, phase) -> {
					MarketTape.PhaseFigures figures = phase.figures();
					Percentiles staleness = figures.staleness();
					Percentiles undisturbed = figures.undisturbedStaleness();
					line("| %d | %s | %s | %,d | %,.0f | %,d | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s |",
							turn.round(), turn.client(), name, phase.phase().rate(), phase.achievedRate(),
							figures.published(), figures.lost(), figures.twice(), figures.handed(), figures.conflated(),
							Report.millis(staleness.p50()), Report.millis(staleness.p99()),
							Report.millis(staleness.p999()), Report.millis(staleness.max()),
							(undisturbed.count() > 0) ? Report.millis(undisturbed.p50()) + " / "
									+ Report.millis(undisturbed.p99()) + " / " + Report.millis(undisturbed.p999())
									: "–");
				});
			}
			line("");
		}

		private void subscribing() {
			line("## Time to every topic active");
			line("");
			line("From the connection's opening (ticket in hand: TLS, WebSocket, MQTT `CONNECT` to come) to every topic "
					+ "granted: the broker answered every SUBSCRIBE of the connection (bare Paho: its last SUBACK in; "
					+ "the starter on a rotation: the new connection's streams start lining up with the old one's). "
					+ "To every topic active: for the starter, its `SubscriptionRegistry` says ACTIVE for all (on a "
					+ "rotation: when it takes the new connection's grants, at the hand-over, after the streams lined "
					+ "up; the old connection delivers every topic until then); for bare Paho, its last SUBACK in. From the start: the application's start (login and "
					+ "ticket to come) or the rotation's request. Done: every topic active and, on a rotation, the old "
					+ "connection done with. In ms.");
			line("");
			line("| round | client | connection | start → opening | opening → CONNACK | **opening → all granted** | "
					+ "**opening → all active** | start → all active | start → done |");
			line("|---|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				opening(turn, "first", turn.first());
				for (RotationResult rotation : turn.rotations()) {
					opening(turn, "rotation in " + rotation.during(), rotation.opening());
				}
			}
			line("");
		}

		private void opening(TurnResult turn, String connection, MarketClient.Opening opening) {
			line("| %d | %s | %s | %s | %s | **%s** | **%s** | %s | %s |", turn.round(), turn.client(), connection,
					Report.millis(opening.openingNanos() - opening.startNanos()),
					Report.millis(opening.connectedNanos() - opening.openingNanos()),
					Report.millis(opening.grantedNanos() - opening.openingNanos()),
					Report.millis(opening.activeNanos() - opening.openingNanos()),
					Report.millis(opening.activeNanos() - opening.startNanos()),
					Report.millis(opening.doneNanos() - opening.startNanos()));
		}

		private void rotations() {
			line("## Rotations: loss, duplicates and silence on the raw path");
			line("");
			line("Messages published from %d s before the rotation's request to %d s after it was done, on the path "
					+ "that sees every message. Longest gap: between two arrivals, where the connection changed and "
					+ "elsewhere, against the publisher's own longest pause in the window. In ms.",
					ROTATION_MARGIN.toSeconds(), ROTATION_MARGIN.toSeconds());
			line("");
			line("| round | client | rotation in | asked after (s) | published | lost | twice | longest gap: at the change "
					+ "/ elsewhere / publisher's own |");
			line("|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				for (RotationResult rotation : turn.rotations()) {
					MarketTape.WindowFigures window = rotation.window();
					line("| %d | %s | %s | %.1f | %,d | %,d | %,d | %s / %s / %s |", turn.round(), turn.client(),
							rotation.during(), rotation.askedAfterNanos() / 1e9, window.published(), window.lost(),
							window.twice(), Report.millis(window.gaps().atConnectionChange()),
							Report.millis(window.gaps().elsewhere()), Report.millis(window.publisherGap()));
				}
			}
			line("");
		}

		private void cpu() {
			line("## CPU per 1,000 messages, by thread group");
			line("");
			line("Process CPU time (all threads, and the GC, JIT and VM outside them) from the phase's first "
					+ "publication to its last, divided by the messages the client received meanwhile (a backlog of the "
					+ "phase before is counted where it is processed); then each thread group's share (per thread, "
					+ "`ThreadMXBean`, sampled every 100 ms so that a connection's threads that end still count). "
					+ "Client: Paho's threads (receiving, TLS, the callback: for the starter its hand-off, with "
					+ "`delivery.threads=0` also decoding and the listeners) plus the starter's own. Cores: CPU time over "
					+ "wall time; the busiest thread with its share of one core. In ms per 1,000 messages received.");
			line("");
			line("| round | client | phase | cores busy | **process** | **client** | Paho's threads | delivery threads | "
					+ "starter's other threads | broker and relay | publisher | GC, JIT, VM | harness and other | busiest "
					+ "thread (cores) |");
			line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				turn.phases()
					.forEach((name, phase) -> line(
							"| %d | %s | %s | %.2f | **%.1f** | **%.1f** | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s (%.2f) |",
							turn.round(), turn.client(), name, (double) phase.processCpuNanos() / phase.wallNanos(),
							phase.processCpuPerThousand(), phase.clientCpuPerThousand(),
							phase.groupCpuPerThousand("Paho's threads"), phase.groupCpuPerThousand("delivery threads"),
							phase.groupCpuPerThousand("starter's other threads"),
							phase.groupCpuPerThousand("broker and relay"), phase.groupCpuPerThousand("publisher"),
							phase.groupCpuPerThousand(ThreadUsage.OUTSIDE_JAVA_THREADS),
							phase.groupCpuPerThousand("harness and other threads"),
							ProcessSample.kind(phase.busiest().name()),
							(double) phase.busiest().cpuNanos() / phase.wallNanos()));
			}
			line("");
		}

		private void memory() {
			line("## Memory, garbage collection and connections");
			line("");
			line("Allocation: bytes allocated by every Java thread (`getThreadAllocatedBytes`), per second and per "
					+ "message received. Collections: from the collectors' notifications, with the heap in use right after each "
					+ "(the highest of the phase). Lost: connections lost (keep-alive timeouts among them); opened: "
					+ "connections the broker accepted (a rotation opens one).");
			line("");
			line("| round | client | phase | allocated (MB/s) | allocated per message (KB) | client's threads per "
					+ "message (KB) | collections | pauses: total / longest (ms) | highest heap after a collection (MB) "
					+ "| connections lost | opened |");
			line("|---|---|---|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				turn.phases().forEach((name, phase) -> {
					GcWatch.Figures gc = phase.gc();
					line("| %d | %s | %s | %.1f | %.2f | %.2f | %d | %d / %d | %s | %d | %d |", turn.round(),
							turn.client(), name, phase.allocatedBytes() / MB / (phase.wallNanos() / 1e9),
							phase.allocatedBytes() / 1024.0 / phase.arrived(),
							phase.clientAllocatedBytes() / 1024.0 / phase.arrived(), gc.count(), gc.totalMillis(),
							gc.longestMillis(), (gc.count() > 0)
									? String.format(Locale.ROOT, "%.1f", gc.highestHeapAfterBytes() / MB) : "–",
							phase.losses(), phase.connectionsOpened());
				});
			}
			line("");
			line("Heap after a full collection, before the client connected and after its turn (still connected, "
					+ "every topic subscribed):");
			line("");
			for (TurnResult turn : this.turns) {
				line("- round %d, %s: %.1f MB → %.1f MB", turn.round(), turn.client(), turn.heapBeforeBytes() / MB,
						turn.heapAfterBytes() / MB);
			}
			line("");
		}

		private void ratios() {
			line("## Starter ÷ bare Paho");
			line("");
			line("Each starter turn against bare Paho's turn of the same round.");
			line("");
			line("| round | client | phase | CPU per 1,000: process | client's threads | staleness p50 | p99 | p99.9 | "
					+ "p99 away from rotations |");
			line("|---|---|---|---|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				TurnResult paho = paho(turn.round());
				if (paho == null || turn == paho) {
					continue;
				}
				turn.phases().forEach((name, phase) -> {
					PhaseResult baseline = paho.phases().get(name);
					line("| %d | %s | %s | **%s** | %s | **%s** | **%s** | %s | %s |", turn.round(), turn.client(),
							name, ratio(phase, baseline, PhaseResult::processCpuPerThousand),
							ratio(phase, baseline, PhaseResult::clientCpuPerThousand),
							ratio(phase, baseline, (result) -> result.figures().staleness().p50()),
							ratio(phase, baseline, (result) -> result.figures().staleness().p99()),
							ratio(phase, baseline, (result) -> result.figures().staleness().p999()),
							(phase.figures().undisturbedStaleness().count() > 0)
									? ratio(phase, baseline, (result) -> result.figures().undisturbedStaleness().p99())
									: "n/a");
				});
			}
			line("");
			openingRatios("opening → all granted", WholeMarketBenchmark::granted);
			openingRatios("opening → all active", WholeMarketBenchmark::active);
		}

		private void openingRatios(String figure, ToDoubleFunction<MarketClient.Opening> time) {
			line("| round | client | " + figure + ": first | rotation in steady | rotation in burst |");
			line("|---|---|---|---|---|");
			for (TurnResult turn : this.turns) {
				TurnResult paho = paho(turn.round());
				if (paho == null || turn == paho) {
					continue;
				}
				StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %d | %s | **%s** |", turn.round(),
						turn.client(), ratio(time.applyAsDouble(turn.first()), time.applyAsDouble(paho.first()))));
				for (int i = 0; i < turn.rotations().size() && i < paho.rotations().size(); i++) {
					row.append(String.format(Locale.ROOT, " **%s** |",
							ratio(time.applyAsDouble(turn.rotations().get(i).opening()),
									time.applyAsDouble(paho.rotations().get(i).opening()))));
				}
				line(row.toString());
			}
			line("");
		}

		private TurnResult paho(int round) {
			return this.turns.stream()
				.filter((turn) -> turn.round() == round && turn.client().equals(PahoMarketClient.NAME))
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * What was used and lost up to one moment.
	 */
	private record PhaseMark(ThreadUsage.Mark usage, long losses, long connections) {

	}

	/**
	 * One client's turn.
	 *
	 * @param round the round, from 1
	 * @param client the client's name
	 * @param first how the first connection went
	 * @param rotations each rotation, in order
	 * @param phases each measured phase by name
	 * @param heapBeforeBytes heap after a full collection before the client connected
	 * @param heapAfterBytes heap after a full collection after the turn, the client still
	 * connected
	 */
	public record TurnResult(int round, String client, MarketClient.Opening first, List<RotationResult> rotations,
			Map<String, PhaseResult> phases, long heapBeforeBytes, long heapAfterBytes) {

	}

	/**
	 * One rotation.
	 *
	 * @param during the phase it was asked for in
	 * @param askedAfterNanos how long after the phase's start it was asked for
	 * @param opening how the new connection went
	 * @param window what the raw path received of the messages published around it
	 */
	public record RotationResult(String during, long askedAfterNanos, MarketClient.Opening opening,
			MarketTape.WindowFigures window) {

	}

	/**
	 * One measured phase of a turn.
	 *
	 * @param phase the phase
	 * @param achievedRate the rate the publisher reached
	 * @param publisherGap the publisher's longest pause, in nanoseconds
	 * @param figures what the client received and handed to listeners
	 * @param arrived messages that arrived from the phase's start to its end, whenever
	 * they were published: what the client processed meanwhile
	 * @param processCpuNanos the process's CPU time
	 * @param threads CPU and allocation by thread group
	 * @param busiest the thread that used the most CPU
	 * @param gc the garbage collections
	 * @param wallNanos how long the phase took
	 * @param losses connections the client lost
	 * @param connectionsOpened connections the broker accepted
	 */
	public record PhaseResult(Phase phase, double achievedRate, long publisherGap, MarketTape.PhaseFigures figures,
			long arrived, long processCpuNanos, Map<String, ThreadUsage.Usage> threads, ThreadUsage.Usage busiest,
			GcWatch.Figures gc, long wallNanos, long losses, long connectionsOpened) {

		/**
		 * Return the process's CPU per thousand messages.
		 * @return milliseconds
		 */
		public double processCpuPerThousand() {
			return perThousand(this.processCpuNanos);
		}

		/**
		 * Return the client's own CPU per thousand messages: Paho's threads and the
		 * starter's.
		 * @return milliseconds
		 */
		public double clientCpuPerThousand() {
			return groupCpuPerThousand("Paho's threads") + groupCpuPerThousand("delivery threads")
					+ groupCpuPerThousand("starter's other threads");
		}

		/**
		 * Return a thread group's CPU per thousand messages.
		 * @param group the group
		 * @return milliseconds, {@code 0} for a group with no thread
		 */
		public double groupCpuPerThousand(String group) {
			ThreadUsage.Usage usage = this.threads.get(group);
			return (usage != null) ? perThousand(usage.cpuNanos()) : 0;
		}

		/**
		 * Return the bytes every thread allocated.
		 * @return bytes
		 */
		public long allocatedBytes() {
			return this.threads.values().stream().mapToLong(ThreadUsage.Usage::allocatedBytes).sum();
		}

		/**
		 * Return the bytes the client's threads allocated.
		 * @return bytes
		 */
		public long clientAllocatedBytes() {
			return this.threads.entrySet()
				.stream()
				.filter((group) -> List.of("Paho's threads", "delivery threads", "starter's other threads")
					.contains(group.getKey()))
				.mapToLong((group) -> group.getValue().allocatedBytes())
				.sum();
		}

		private double perThousand(long nanos) {
			long messages = this.arrived;
			return (messages > 0) ? nanos / 1e6 / messages * 1000 : Double.NaN;
		}

	}

	/**
	 * What a run measured.
	 *
	 * @param turns every measured turn, in order
	 * @param report the report
	 */
	public record Result(List<TurnResult> turns, Report report) {

	}

}
