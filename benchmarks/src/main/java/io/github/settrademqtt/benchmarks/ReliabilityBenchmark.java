package io.github.settrademqtt.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.benchmarks.harness.CampaignReport;
import io.github.settrademqtt.benchmarks.harness.CampaignSettings;
import io.github.settrademqtt.benchmarks.harness.CampaignSubject;
import io.github.settrademqtt.benchmarks.harness.FaultCampaign;
import io.github.settrademqtt.benchmarks.harness.Harness;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.PahoSubject;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.StarterSubject;

/**
 * Reliability under faults: the {@link FaultCampaign} of
 * {@code RandomizedFaultSuiteTests} for as long as asked, against three clients one after
 * the other under the same seeded fault schedule: the starter with its defaults
 * ({@code overlap} rotation), the starter with {@code settrade.mqtt.rotation=restart},
 * and bare Paho with automatic reconnect and a fresh ticket for each attempt. Per fault
 * kind: how often it fired, recovery time (median and max), messages lost, and the checks
 * that failed.
 * <p>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.settrademqtt.benchmarks.ReliabilityBenchmark --duration=60m}; see
 * {@code docs/reliability.md}.
 *
 * @author settrade-mqtt
 */
public final class ReliabilityBenchmark {

	/**
	 * The arguments and their defaults.
	 */
	public static final Map<String, String> DEFAULTS = defaults();

	private final HarnessArguments arguments;

	private final Report report;

	private ReliabilityBenchmark(HarnessArguments arguments) {
		this.arguments = arguments;
		this.report = new Report("reliability", arguments);
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
	 * @throws Exception when a client cannot start or never receives the feed
	 */
	public static Result run(HarnessArguments arguments) throws Exception {
		return new ReliabilityBenchmark(arguments).run();
	}

	private Result run() throws Exception {
		// one seed for every client, drawn once when random
		CampaignSettings settings = CampaignSettings.from(this.arguments);
		CampaignReport.settings(this.report, settings);
		Map<String, FaultCampaign.Result> results = new LinkedHashMap<>();
		for (String name : this.arguments.string("subjects").split(",")) {
			results.put(name.strip(), FaultCampaign.run(settings, subject(name.strip())));
		}
		CampaignReport.results(this.report, settings, results.values());
		return new Result(results, this.report);
	}

	private static CampaignSubject subject(String name) {
		return switch (name) {
			case "overlap", "restart" -> new StarterSubject(name);
			case "paho" -> new PahoSubject();
			default -> throw new IllegalArgumentException(
					"Unknown subject '" + name + "' in --subjects; known: overlap, restart, paho");
		};
	}

	private static Map<String, String> defaults() {
		Map<String, String> defaults = new LinkedHashMap<>(CampaignSettings.defaults());
		defaults.put("duration", "60m");
		defaults.put("subjects", "overlap,restart,paho");
		defaults.put("out", "benchmarks/target/benchmark-results");
		return defaults;
	}

	/**
	 * What a run measured.
	 *
	 * @param results per client: {@code overlap}, {@code restart}, {@code paho}
	 * @param report the report
	 */
	public record Result(Map<String, FaultCampaign.Result> results, Report report) {

	}

}
