package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.benchmarks.harness.BarePahoSubscriber;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.ProcessSample;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.RotationWatch;
import io.github.settrademqtt.benchmarks.harness.SequenceCounter;
import io.github.settrademqtt.benchmarks.harness.StarterFeed;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

/**
 * Soak: many rotations with many subscribed topics. The simulator issues short-lived
 * tokens and publishes on every topic; the starter rotates its connection again and again
 * while a listener bean receives every event. Heap after a full collection and the live
 * thread count are sampled after a few warm-up rotations and every few rotations after
 * (growth would show a leak of connections, threads or per-topic state), and the
 * process's CPU time is divided by the events delivered. For scale, a bare Paho client
 * first receives the same feed for a while, without rotations, in the same process.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.SoakBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class SoakBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	private final HarnessArguments arguments;

	private final Report report;

	private long samplingCpu;

	private SoakBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("soak", arguments);
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
	 * @throws Exception when the baseline client cannot connect
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		return new SoakBenchmark(arguments).run();
	}

	private Result run() throws Exception {
		List<String> symbols = Harness.symbols("K", this.arguments.intValue("topics") / 2);
		List<String> topics = Harness.bookAndInfoTopics(symbols);
		int rate = this.arguments.intValue("rate");
		Duration lifetime = this.arguments.duration("token-lifetime");
		this.report.line(
				"%,d topics (%d symbols: order book and price information), %,d msg/s in all; tokens of %d ms "
						+ "refreshed %d ms before expiry.",
				topics.size(), symbols.size(), rate, lifetime.toMillis(),
				this.arguments.duration("refresh-before-expiry").toMillis());
		this.report.line("");
		double baseline = baseline(symbols, topics, rate);
		try (SettradeSimulator simulator = SettradeSimulator.builder().tokenLifetime(lifetime).build().start()) {
			SimulatedApp app = simulator.registerApp();
			simulator.market().start(symbols, (double) rate / topics.size());
			try {
				return soak(simulator, app, symbols, topics, baseline);
			}
			finally {
				simulator.market().stop();
			}
		}
	}

	/**
	 * CPU per thousand messages of a bare Paho client on the same feed, on a simulator of
	 * its own whose tokens outlive the baseline (the simulator closes a connection whose
	 * token expired).
	 */
	private double baseline(List<String> symbols, List<String> topics, int rate) throws Exception {
		Duration duration = this.arguments.duration("baseline");
		if (duration.isZero()) {
			return Double.NaN;
		}
		try (SettradeSimulator simulator = SettradeSimulator.builder()
			.tokenLifetime(duration.multipliedBy(2).plusMinutes(5))
			.build()
			.start()) {
			simulator.market().start(symbols, (double) rate / topics.size());
			AtomicLong received = new AtomicLong();
			double paho;
			try (StarterFeed login = StarterFeed.start(simulator, simulator.registerApp(),
					Map.of("settrade.mqtt.auto-startup", "false"), Map.of());
					BarePahoSubscriber bare = BarePahoSubscriber.connect(simulator,
							login.bean(SettradeLoginService.class).dispatcherTicket(), topics,
							(topic, payload) -> received.incrementAndGet())) {
				paho = cpuPerThousand(received, topics.size(), duration);
			}
			this.report.line(
					"Baseline, bare Paho v3 on the same feed for %d s, no rotation: **%.1f ms CPU per "
							+ "thousand messages** (the whole process: broker, publisher and client).",
					duration.toSeconds(), paho);
			AtomicLong delivered = new AtomicLong();
			MarketDataListener listener = (event) -> delivered.incrementAndGet();
			try (StarterFeed steady = StarterFeed.start(simulator, simulator.registerApp(), subscriptions(symbols),
					Map.of("steadyListener", listener))) {
				double starter = cpuPerThousand(delivered, topics.size(), duration);
				this.report.line("The starter on the same feed for %d s, no rotation: **%.1f ms CPU per thousand "
						+ "events** (%.2f× bare Paho).", duration.toSeconds(), starter, starter / paho);
			}
			this.report.line("");
			simulator.market().stop();
			return paho;
		}
	}

	/**
	 * The process's CPU time per thousand messages counted over a duration, once the
	 * counter is moving and the process warmed up (the JIT compiler's work is not the
	 * client's).
	 */
	private double cpuPerThousand(AtomicLong counter, int first, Duration duration) {
		NumberedRun.await(() -> counter.get() > first, Duration.ofSeconds(60));
		NumberedRun.measureFor(this.arguments.duration("baseline-warmup"));
		long cpu = ProcessSample.processCpuNanos();
		long count = counter.get();
		NumberedRun.measureFor(duration);
		return perThousand(ProcessSample.processCpuNanos() - cpu, counter.get() - count);
	}

	private static Map<String, String> subscriptions(List<String> symbols) {
		return Map.of("settrade.mqtt.subscriptions.bid-offer", String.join(",", symbols),
				"settrade.mqtt.subscriptions.price-info", String.join(",", symbols));
	}

	private Result soak(SettradeSimulator simulator, SimulatedApp app, List<String> symbols, List<String> topics,
			double baseline) {
		int rotations = this.arguments.intValue("rotations");
		int every = Math.max(1, this.arguments.intValue("sample-every"));
		if (rotations < 2) {
			throw new IllegalArgumentException("Argument '--rotations' must be at least 2");
		}
		int warmup = Math.max(1, Math.min(rotations - 1, this.arguments.intValue("warmup-rotations")));
		Map<String, String> properties = new LinkedHashMap<>(subscriptions(symbols));
		properties.put("settrade.mqtt.token-refresh-before-expiry",
				this.arguments.duration("refresh-before-expiry").toMillis() + "ms");
		AtomicLong delivered = new AtomicLong();
		MarketDataListener listener = (event) -> delivered.incrementAndGet();
		SequenceCounter counter = new SequenceCounter(topics);
		try (StarterFeed feed = StarterFeed.start(simulator, app, properties, Map.of("soakListener", listener))) {
			feed.rawChannel().subscribe(counter);
			if (!NumberedRun.await(counter::allTopicsFlowing, Duration.ofSeconds(60))) {
				throw new IllegalStateException("Not every topic delivered within 60 s");
			}
			this.report.line("| rotations | heap after full GC (MB) | live threads | events delivered |");
			this.report.line("|---|---|---|---|");
			List<ProcessSample> samples = new ArrayList<>();
			long[] startDelivered = { -1 };
			samples.add(sample(0, delivered.get()));
			RotationWatch.Watched watched = RotationWatch.await(feed.connection(), rotations,
					this.arguments.duration("token-lifetime").multipliedBy(rotations).plusSeconds(120), (done) -> {
						if (done >= warmup && startDelivered[0] < 0) {
							startDelivered[0] = delivered.get();
							samples.add(sample(done, startDelivered[0]));
						}
						else if (done % every == 0 && done < rotations) {
							samples.add(sample(done, delivered.get()));
						}
					});
			long events = delivered.get() - startDelivered[0];
			ProcessSample end = sample(rotations, delivered.get());
			samples.add(end);
			// growth is measured from the end of the warm-up: the first rotations create
			// what every later one reuses (pools, caches, compiled code)
			ProcessSample start = samples.get(1);
			double perThousand = perThousand(end.cpuNanos() - start.cpuNanos(), events);
			int failedAttempts = watched.failedAttempts();
			this.report.line("");
			this.report
				.line("From rotation %d to the end: heap after GC %+.1f MB, threads %+d. Events delivered: %,d; raw messages "
						+ "lost (sequence jumps) %,d, repeated or out of order %,d; rotation attempts that failed %d. "
						+ "**CPU per thousand events: %.1f ms** (the whole process: broker, publisher and starter), "
						+ "%.2f× the bare Paho baseline.", warmup, mb(end.heapAfterGc() - start.heapAfterGc()),
						end.threads() - start.threads(), events, counter.lost(), counter.backwards(), failedAttempts,
						perThousand, perThousand / baseline);
			return new Result(samples, events, counter.lost(), perThousand, baseline, this.report);
		}
	}

	private ProcessSample sample(int rotations, long delivered) {
		long before = ProcessSample.processCpuNanos();
		ProcessSample sample = ProcessSample.take(before - this.samplingCpu);
		this.samplingCpu += ProcessSample.processCpuNanos() - before;
		this.report.line("| %d | %.1f | %d | %,d |", rotations, mb(sample.heapAfterGc()), sample.threads(), delivered);
		return sample;
	}

	private static double perThousand(long cpuNanos, long messages) {
		return (messages > 0) ? cpuNanos / 1e6 / messages * 1000 : Double.NaN;
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("rotations", "500");
		defaults.put("topics", "1000");
		defaults.put("rate", "1000");
		defaults.put("token-lifetime", "4s");
		defaults.put("refresh-before-expiry", "2s");
		defaults.put("sample-every", "50");
		defaults.put("warmup-rotations", "10");
		defaults.put("baseline", "60s");
		defaults.put("baseline-warmup", "20s");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * What a run measured.
	 *
	 * @param samples the samples: at the start, after the warm-up rotations, every few
	 * rotations, and at the end
	 * @param events events delivered from the end of the warm-up to the end
	 * @param lost raw messages lost
	 * @param cpuPerThousand CPU milliseconds per thousand events
	 * @param baselineCpuPerThousand the same for bare Paho, {@code NaN} when not measured
	 * @param report the report
	 */
	public record Result(List<ProcessSample> samples, long events, long lost, double cpuPerThousand,
			double baselineCpuPerThousand, Report report) {

	}

}
