package io.github.settrademqtt.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.github.settrademqtt.benchmarks.harness.BarePahoSubscriber;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.NumberedRun;
import io.github.settrademqtt.benchmarks.harness.Percentiles;
import io.github.settrademqtt.benchmarks.harness.Reception;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.StarterFeed;
import io.github.settrademqtt.benchmarks.harness.Varints;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.proto.BidOfferV3;
import org.jspecify.annotations.Nullable;

/**
 * End-to-end latency and throughput: the simulator's broker publishes numbered order
 * books on loopback over secure WebSocket to clients connected side by side in one run:
 * (a) the starter delivering decoded {@code BidOffer} events to a listener bean on its
 * delivery threads, (b) the starter delivering on the MQTT client's thread
 * ({@code delivery.threads=0}), and (c) a bare Paho v3 client parsing each payload with
 * the generated class on its callback thread. Each client subscribes to its own symbols,
 * and the runs alternate between them, so that each has the broker and both cores to
 * itself while it is measured and neither pays for the other's fan-out. Each message's
 * number travels in the volume of its tenth ask level, which every handler reads, so each
 * handler's latency is measured from the moment the message was handed to the broker to
 * the moment the handler has it decoded.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.EndToEndBenchmark [--name=value ...]}; see
 * {@code docs/benchmarks.md}.
 *
 * @author settrade-mqtt
 */
public final class EndToEndBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	/**
	 * A client keeps up with a rate when it receives every message and its 99.9th
	 * percentile stays below this: a client falling behind sees its latency grow all
	 * through the step.
	 */
	private static final Duration KEEPS_UP_P999 = Duration.ofMillis(100);

	private final HarnessArguments arguments;

	private final Report report;

	private final List<Client> starters;

	private final Client paho;

	private final List<Client> clients;

	private long nextNumber = 1;

	private EndToEndBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("end-to-end", arguments);
		int symbols = arguments.intValue("symbols");
		List<Client> starters = new ArrayList<>();
		starters.add(new Client("starter (listener bean)", "S", symbols, "4"));
		if (Boolean.parseBoolean(arguments.string("inline"))) {
			starters.add(new Client("starter, `delivery.threads=0`", "I", symbols, "0"));
		}
		this.starters = List.copyOf(starters);
		this.paho = new Client("bare Paho v3", "P", symbols, null);
		List<Client> clients = new ArrayList<>(starters);
		clients.add(this.paho);
		this.clients = List.copyOf(clients);
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
	 * @throws Exception when the clients cannot connect
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		return new EndToEndBenchmark(arguments).run();
	}

	private Result run() throws Exception {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			List<StarterFeed> feeds = new ArrayList<>();
			try {
				for (Client starter : this.starters) {
					feeds.add(start(simulator, starter));
				}
				try (BarePahoSubscriber bare = BarePahoSubscriber.connect(simulator,
						feeds.get(0).bean(SettradeLoginService.class).dispatcherTicket(), this.paho.topics,
						(topic, payload) -> this.paho.received(BidOfferV3.parseFrom(payload).getAskVolume10(),
								System.nanoTime()))) {
					for (Client client : this.clients) {
						warmUp(simulator, client);
					}
					return measure(simulator);
				}
			}
			finally {
				feeds.forEach(StarterFeed::close);
			}
		}
	}

	private StarterFeed start(SettradeSimulator simulator, Client starter) {
		Map<String, String> properties = Map.of("settrade.mqtt.subscriptions.bid-offer",
				String.join(",", starter.symbols), "settrade.mqtt.delivery.threads", starter.deliveryThreads);
		BidOfferListener listener = (book) -> starter.received(book.asks().get(9).volume(), System.nanoTime());
		return StarterFeed.start(simulator, simulator.registerApp(), properties, Map.of("benchmarkListener", listener));
	}

	/**
	 * Warm a client up until it received a whole run, which also shows that every
	 * subscription is active.
	 */
	private void warmUp(SettradeSimulator simulator, Client client) {
		int rate = this.arguments.intValue("warmup-rate");
		int count = (int) Math.max(client.topics.size(), rate * this.arguments.duration("warmup").toMillis() / 1000);
		for (int attempt = 1; attempt <= 10; attempt++) {
			if (publish(simulator, client, rate, count).lost() == 0) {
				return;
			}
		}
		throw new IllegalStateException(client.name + " did not receive every warm-up message in 10 attempts");
	}

	private Result measure(SettradeSimulator simulator) {
		Duration duration = this.arguments.duration("duration");
		this.report.line(
				"Each client subscribed to %d order-book topics of its own, messages round-robin over them; "
						+ "latency from the broker hand-off to the handler having the decoded book.",
				this.paho.topics.size());
		this.report.line("");
		this.report.line("## Fixed rates");
		this.report.line("");
		int rounds = Math.max(1, this.arguments.intValue("rounds"));
		this.report.line("%d rounds per rate; in each, every client in turn (the order rotates from round to round).",
				rounds);
		this.report.line("");
		this.report.line("| rate (msg/s) | round | client | received | lost | twice | p50 (µs) | p99 (µs) | p99.9 (µs) "
				+ "| max (µs) |");
		this.report.line("|---|---|---|---|---|---|---|---|---|---|");
		Map<Integer, List<Reception[]>> fixed = new LinkedHashMap<>();
		for (int rate : this.arguments.ints("rates")) {
			int count = (int) (rate * duration.toMillis() / 1000);
			List<Reception[]> byRound = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				Reception[] receptions = new Reception[this.clients.size()];
				for (int turn = 0; turn < receptions.length; turn++) {
					int i = (round + turn) % receptions.length;
					receptions[i] = publish(simulator, this.clients.get(i), rate, count);
					row(rate, round + 1, this.clients.get(i), receptions[i]);
				}
				byRound.add(receptions);
			}
			fixed.put(rate, byRound);
		}
		this.report.line("");
		this.report.line("Starter ÷ bare Paho, each round's latency against the same round's bare Paho: median of the "
				+ "rounds, and their range.");
		this.report.line("");
		this.report.line("| rate (msg/s) | client | p50 | p99 | p99.9 |");
		this.report.line("|---|---|---|---|---|");
		fixed.forEach((rate, byRound) -> {
			for (int i = 0; i < this.starters.size(); i++) {
				int client = i;
				this.report.line("| %,d | %s | %s | %s | %s |", rate, this.starters.get(i).name,
						ratios(byRound, client, Percentiles::p50), ratios(byRound, client, Percentiles::p99),
						ratios(byRound, client, Percentiles::p999));
			}
		});
		this.report.line("");
		int[] sustained = sustainedRates(simulator);
		this.report.line("");
		StringBuilder summary = new StringBuilder();
		for (int i = 0; i < this.clients.size(); i++) {
			summary.append(String.format(Locale.ROOT, "%s%s %,d msg/s", (i > 0) ? ", " : "", this.clients.get(i).name,
					sustained[i]));
		}
		this.report.line("Highest rate kept up with (every message received, p99.9 under %d ms): %s.",
				KEEPS_UP_P999.toMillis(), summary);
		return new Result(fixed, sustained[0], sustained[sustained.length - 1], this.report);
	}

	/**
	 * The median and range over rounds of a client's percentile divided by bare Paho's in
	 * the same round.
	 */
	private static String ratios(List<Reception[]> byRound, int client, ToLongFunction<Percentiles> percentile) {
		double[] ratios = byRound.stream()
			.mapToDouble((receptions) -> ratio(percentile.applyAsLong(receptions[client].latency()),
					percentile.applyAsLong(receptions[receptions.length - 1].latency())))
			.sorted()
			.toArray();
		double median = (ratios.length % 2 == 1) ? ratios[ratios.length / 2]
				: (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
		return String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f)", median, ratios[0], ratios[ratios.length - 1]);
	}

	private void row(int rate, int round, Client client, Reception reception) {
		Percentiles latency = reception.latency();
		this.report.line("| %,d | %d | %s | %,d | %,d | %,d | %s | %s | %s | %s |", rate, round, client.name,
				reception.received(), reception.lost(), reception.duplicates(), Report.micros(latency.p50()),
				Report.micros(latency.p99()), Report.micros(latency.p999()), Report.micros(latency.max()));
	}

	/**
	 * Step the rate up until neither client keeps up, or the publisher cannot reach it.
	 */
	private int[] sustainedRates(SettradeSimulator simulator) {
		Duration step = this.arguments.duration("step-duration");
		this.report.line("## Highest sustained rate");
		this.report.line("");
		this.report.line("| rate (msg/s) | client | published at (msg/s) | lost | p50 (µs) | p99.9 (µs) | kept up |");
		this.report.line("|---|---|---|---|---|---|---|");
		int[] sustained = new int[this.clients.size()];
		boolean[] stillKeepingUp = new boolean[sustained.length];
		Arrays.fill(stillKeepingUp, true);
		for (int rate : this.arguments.ints("step-rates")) {
			boolean publisherKeptUp = true;
			for (int i = 0; i < sustained.length; i++) {
				if (!stillKeepingUp[i]) {
					continue;
				}
				Client client = this.clients.get(i);
				int count = (int) (rate * step.toMillis() / 1000);
				Reception reception = publish(simulator, client, rate, count);
				double achieved = client.run.achievedRate();
				boolean keptUp = keptUp(reception);
				this.report.line("| %,d | %s | %,.0f | %,d | %s | %s | %s |", rate, client.name, achieved,
						reception.lost(), Report.micros(reception.latency().p50()),
						Report.micros(reception.latency().p999()), keptUp ? "yes" : "no");
				publisherKeptUp &= achieved >= rate * 0.95;
				if (keptUp) {
					sustained[i] = rate;
				}
				stillKeepingUp[i] = keptUp;
			}
			if (!publisherKeptUp) {
				this.report.line("");
				this.report.line("The publisher could not reach %,d msg/s: stopped there.", rate);
				break;
			}
			boolean anyKeepingUp = false;
			for (boolean keepingUp : stillKeepingUp) {
				anyKeepingUp |= keepingUp;
			}
			if (!anyKeepingUp) {
				break;
			}
		}
		return sustained;
	}

	private static boolean keptUp(Reception reception) {
		return reception.lost() == 0 && reception.duplicates() == 0
				&& reception.latency().p999() < KEEPS_UP_P999.toNanos();
	}

	private Reception publish(SettradeSimulator simulator, Client client, int rate, int count) {
		NumberedRun run = new NumberedRun(this.nextNumber, rate, count, 1);
		this.nextNumber = run.nextNumber();
		client.run = run;
		run.publish((number, index) -> {
			int topic = index % client.topics.size();
			simulator.mqtt()
				.publish(client.topics.get(topic),
						Varints.withField(client.templates.get(topic), RealisticPayloads.NUMBER_FIELD, number));
		});
		run.awaitDrained();
		return run.reception(0);
	}

	private static double ratio(double value, double baseline) {
		return (baseline != 0) ? value / baseline : Double.NaN;
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>();
		defaults.put("symbols", "100");
		defaults.put("inline", "true");
		defaults.put("rates", "1000,10000");
		defaults.put("duration", "10s");
		defaults.put("rounds", "3");
		defaults.put("warmup", "10s");
		defaults.put("warmup-rate", "5000");
		defaults.put("step-rates", "2000,4000,6000,8000,10000,12000,14000,16000,18000,20000,25000");
		defaults.put("step-duration", "10s");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * One client: its own symbols, with a payload template each, and the run it is
	 * receiving.
	 */
	private static final class Client {

		private final String name;

		private final List<String> symbols;

		private final List<String> topics;

		private final List<byte[]> templates;

		private volatile NumberedRun run = new NumberedRun(0, 1, 0, 1);

		private final @Nullable String deliveryThreads;

		Client(String name, String prefix, int symbols, @Nullable String deliveryThreads) {
			this.name = name;
			this.deliveryThreads = deliveryThreads;
			this.symbols = Harness.symbols(prefix, symbols);
			this.topics = this.symbols.stream().map(SimulatorMarket::bidOfferTopic).toList();
			this.templates = this.symbols.stream()
				.map((symbol) -> RealisticPayloads.book(symbol).toBuilder().clearAskVolume10().build().toByteArray())
				.toList();
		}

		void received(long number, long nowNanos) {
			this.run.received(0, number, nowNanos);
		}

	}

	/**
	 * What a run measured.
	 *
	 * @param fixed what each client received at each fixed rate, round by round: the
	 * starter, the starter delivering on the MQTT thread (unless {@code --inline=false}),
	 * and bare Paho last
	 * @param starterSustained the highest rate the starter (with its default delivery
	 * threads) kept up with
	 * @param pahoSustained the highest rate bare Paho kept up with
	 * @param report the report
	 */
	public record Result(Map<Integer, List<Reception[]>> fixed, int starterSustained, int pahoSustained,
			Report report) {

	}

}
