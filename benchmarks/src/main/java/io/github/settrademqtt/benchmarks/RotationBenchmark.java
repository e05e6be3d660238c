package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.settrademqtt.benchmarks.harness.ArrivalLog;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.PacedFeed;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.RotationWatch;
import io.github.settrademqtt.benchmarks.harness.StarterFeed;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;

/**
 * Token rotation under load, {@code overlap} and {@code restart} side by side: the
 * simulator issues short-lived tokens so that the starter rotates its connection every
 * few seconds, while a {@link PacedFeed} publishes order books round-robin over symbols,
 * each message numbered per topic, and measures its own pacing. Every message on the
 * starter's raw channel is recorded with its arrival time and connection, which gives
 * what was lost, duplicated and out of order, and the longest silence at a change of
 * connection and elsewhere.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.RotationBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class RotationBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	private final HarnessArguments arguments;

	private final Report report;

	private RotationBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("rotation", arguments);
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
	 */
	public static Result run(HarnessArguments arguments) throws InterruptedException {
		return new RotationBenchmark(arguments).run();
	}

	private Result run() throws InterruptedException {
		List<String> symbols = Harness.symbols("R", this.arguments.intValue("symbols"));
		List<String> topics = symbols.stream().map(SimulatorMarket::bidOfferTopic).toList();
		int rate = this.arguments.intValue("rate");
		double perTopic = (double) rate / topics.size();
		this.report.line("%,d msg/s over %d topics (%.0f msg/s each: one message every %.1f ms per topic, every "
				+ "%.2f ms across the feed); tokens of %s, refreshed %s before expiry; %d rotations per strategy.",
				rate, topics.size(), perTopic, 1000 / perTopic, 1000.0 / rate,
				this.arguments.duration("token-lifetime").toMillis() + " ms",
				this.arguments.duration("refresh-before-expiry").toMillis() + " ms",
				this.arguments.intValue("rotations"));
		this.report.line("");
		this.report.line("Longest gaps in ms: between two publications (the publisher's own pacing, a floor for every "
				+ "client), and between two deliveries on the starter's raw channel, where the connection changed and "
				+ "elsewhere.");
		this.report.line("");
		this.report
			.line("| strategy | received | lost | twice | out of order | gap in a topic: publisher / at a change / "
					+ "elsewhere | gap in the feed: publisher / at a change / elsewhere | failed attempts "
					+ "| slowest rotation (ms) | closed at expiry |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|");
		Map<String, Outcome> outcomes = new LinkedHashMap<>();
		for (String strategy : this.arguments.string("strategies").split(",")) {
			Outcome outcome = rotate(strategy.strip(), symbols, topics, perTopic);
			outcomes.put(strategy.strip(), outcome);
			ArrivalLog.Figures figures = outcome.figures();
			this.report.line("| `%s` | %,d | %,d | %,d | %,d | %s / %s / %s | %s / %s / %s | %d | %,d | %d |",
					strategy.strip(), figures.received(), figures.lost(), figures.duplicated(), figures.outOfOrder(),
					Report.millis(outcome.publisherTopicGap()), Report.millis(figures.perTopic().atConnectionChange()),
					Report.millis(figures.perTopic().elsewhere()), Report.millis(outcome.publisherFeedGap()),
					Report.millis(figures.feed().atConnectionChange()), Report.millis(figures.feed().elsewhere()),
					outcome.failedAttempts(), outcome.slowestRotation().toMillis(), outcome.closedForExpiry());
		}
		return new Result(outcomes, this.report);
	}

	private Outcome rotate(String strategy, List<String> symbols, List<String> topics, double perTopic)
			throws InterruptedException {
		int rotations = this.arguments.intValue("rotations");
		Duration lifetime = this.arguments.duration("token-lifetime");
		try (SettradeSimulator simulator = SettradeSimulator.builder().tokenLifetime(lifetime).build().start()) {
			SimulatedApp app = simulator.registerApp();
			Map<String, String> properties = new LinkedHashMap<>();
			properties.put("settrade.mqtt.rotation", strategy);
			properties.put("settrade.mqtt.token-refresh-before-expiry",
					this.arguments.duration("refresh-before-expiry").toMillis() + "ms");
			properties.put("settrade.mqtt.subscriptions.bid-offer", String.join(",", symbols));
			ArrivalLog log = new ArrivalLog(topics);
			try (PacedFeed publisher = new PacedFeed(simulator, symbols, this.arguments.intValue("rate"));
					StarterFeed feed = StarterFeed.start(simulator, app, properties, Map.of())) {
				feed.rawChannel().subscribe(log);
				if (!NumberedRun.await(log::allTopicsFlowing, Duration.ofSeconds(30))) {
					throw new IllegalStateException("Not every topic delivered within 30 s");
				}
				SettradeMqttConnection connection = feed.connection();
				long closedBefore = simulator.mqtt().connectionsClosedForExpiry();
				log.recording(true);
				publisher.measuring(true);
				RotationWatch.Watched watched = RotationWatch.await(connection, rotations,
						lifetime.multipliedBy(rotations).plusSeconds(60), (done) -> {
						});
				// the last connection delivers for a moment after its hand-over
				int recorded = log.size();
				NumberedRun.await(() -> log.size() > recorded + 2 * perTopic, Duration.ofSeconds(5));
				log.recording(false);
				publisher.measuring(false);
				List<RotationOutcome> outcomes = watched.outcomes();
				Duration slowest = outcomes.stream()
					.map(RotationOutcome::took)
					.max(Duration::compareTo)
					.orElse(Duration.ZERO);
				return new Outcome(log.figures(), publisher.longestTopicGap(), publisher.longestFeedGap(),
						watched.failedAttempts(), slowest, simulator.mqtt().connectionsClosedForExpiry() - closedBefore,
						outcomes.size());
			}
		}
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("rotations", "100");
		defaults.put("rate", "1000");
		defaults.put("symbols", "10");
		defaults.put("token-lifetime", "4s");
		defaults.put("refresh-before-expiry", "2s");
		defaults.put("strategies", "overlap,restart");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * What one strategy did.
	 *
	 * @param figures what the starter's raw channel carried
	 * @param publisherTopicGap the longest gap between two publications on one topic, in
	 * nanoseconds
	 * @param publisherFeedGap the longest gap between two publications, in nanoseconds
	 * @param failedAttempts rotation attempts that could not replace the connection
	 * @param slowestRotation the longest a rotation took
	 * @param closedForExpiry connections the simulator closed because their token expired
	 * @param rotations the rotations observed
	 */
	public record Outcome(ArrivalLog.Figures figures, long publisherTopicGap, long publisherFeedGap, int failedAttempts,
			Duration slowestRotation, long closedForExpiry, int rotations) {

	}

	/**
	 * What a run measured.
	 *
	 * @param outcomes per strategy
	 * @param report the report
	 */
	public record Result(Map<String, Outcome> outcomes, Report report) {

	}

}
