package io.github.settrademqtt.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.settrademqtt.benchmarks.harness.CampaignReport;
import io.github.settrademqtt.benchmarks.harness.CampaignSettings;
import io.github.settrademqtt.benchmarks.harness.Fault;
import io.github.settrademqtt.benchmarks.harness.FaultCampaign;
import io.github.settrademqtt.benchmarks.harness.FaultCampaign.FiredFault;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.ProcessSample;
import io.github.settrademqtt.benchmarks.harness.Report;
import io.github.settrademqtt.benchmarks.harness.StarterSubject;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter, with its defaults, under about two minutes of faults fired at random
 * times, the simulator's tokens short enough that it rotates every few seconds all the
 * while: connections dropped, made half-open, upgrades refused and REST calls failing or
 * hanging across rotations, subscriptions refused or reported unknown at run time, and an
 * exception thrown at a connection step. Every fault kind fires at least once.
 * <p>
 * The seed is drawn at random and printed; {@code -Dfault-suite.seed=<seed>} replays the
 * same schedule, and every failure names the seed and the fault. The figures go to
 * {@code target/benchmark-results/fault-suite.md}, as those of the reliability benchmark
 * do.
 *
 * @see FaultCampaign
 * @see ReliabilityBenchmark
 */
class RandomizedFaultSuiteTests {

	private static final String SEED_PROPERTY = "fault-suite.seed";

	@Test
	void theFeedHealsFromEveryFaultWithinItsBound() throws Exception {
		HarnessArguments arguments = HarnessArguments.parse(
				new String[] { "--seed=" + System.getProperty(SEED_PROPERTY, "random"), "--duration=2m" },
				CampaignSettings.defaults());
		CampaignSettings settings = CampaignSettings.from(arguments);
		long seed = settings.seed();
		System.out.println("RandomizedFaultSuiteTests: seed " + seed + " (-D" + SEED_PROPERTY + "=" + seed
				+ " replays the same fault schedule)");
		FaultCampaign.Result result = FaultCampaign.run(settings, new StarterSubject("overlap"));
		Report report = new Report("fault-suite", arguments);
		CampaignReport.settings(report, settings);
		CampaignReport.results(report, settings, List.of(result));
		report.writeTo(Path.of("target", "benchmark-results"));
		assertThat(result.faults().stream().filter(FiredFault::fired).map(FiredFault::fault).distinct())
			.as("seed %d: the fault kinds that took effect", seed)
			.containsExactlyInAnyOrder(Fault.values());
		SoftAssertions softly = new SoftAssertions();
		for (FiredFault fault : result.faults()) {
			String name = fault.describe(seed);
			Duration bound = fault.fault().recoveryBound();
			softly.assertThat(fault.fired()).as("%s: took effect", name).isTrue();
			softly.assertThat(fault.recovery()).as("%s: recovery at the listener", name).isLessThanOrEqualTo(bound);
			softly.assertThat(fault.rawRecovery())
				.as("%s: recovery on the raw channel", name)
				.isLessThanOrEqualTo(bound);
			if (fault.fault().absorbedByOverlap()) {
				softly.assertThat(fault.lost()).as("%s: messages lost at a make-before-break rotation", name).isZero();
			}
			softly.assertThat(fault.ticketsPresentedTwice()).as("%s: tickets presented twice", name).isZero();
			softly.assertThat(fault.deliveredBackwards())
				.as("%s: books handed to the listener twice or out of order", name)
				.isZero();
			softly.assertThat(fault.rawBackwards())
				.as("%s: messages on the raw channel twice or out of order", name)
				.isZero();
			softly.assertThat(fault.healthUpWhileSilent())
				.as("%s: health samples UP while nothing was delivered for longer than %s", name,
						CampaignSettings.CONNECT_GRACE)
				.isZero();
			softly.assertThat(fault.problems()).as("%s: the fault's own checks", name).isEmpty();
		}
		FaultCampaign.Window quiet = result.beforeFaults();
		softly.assertThat(quiet.lost()).as("seed %d: lost before the first fault", seed).isZero();
		softly.assertThat(quiet.deliveredBackwards() + quiet.rawBackwards())
			.as("seed %d: twice or out of order before the first fault", seed)
			.isZero();
		softly.assertThat(quiet.ticketsPresentedTwice())
			.as("seed %d: tickets twice before the first fault", seed)
			.isZero();
		softly.assertThat(quiet.healthUpWhileSilent())
			.as("seed %d: health UP while silent before the first fault", seed)
			.isZero();
		// tokens shorter than twice the configured margin: rotations all the time, none
		// early; at least one every two token lifetimes, as heals and reconnects after
		// the faults that stall or drop connections also start connections with fresh
		// tokens
		softly.assertThat(result.plannedRotations())
			.as("seed %d: rotations in %s (tokens of %s)", seed, result.elapsed(), settings.tokenLifetime())
			.isGreaterThanOrEqualTo(result.elapsed().toNanos() / settings.tokenLifetime().multipliedBy(2).toNanos())
			.isLessThanOrEqualTo(result.rotationsAllowed());
		softly.assertThat(result.earlyRotations())
			.as("seed %d: rotations started with more than the margin (%s) left", seed, settings.margin())
			.isEmpty();
		ProcessSample start = result.start();
		ProcessSample end = result.end();
		softly.assertThat(end.threads())
			.as("seed %d: live threads at the end (%d after the warm-up)", seed, start.threads())
			.isLessThanOrEqualTo(start.threads() + FaultCampaign.THREAD_TOLERANCE);
		softly.assertThat(end.heapAfterGc())
			.as("seed %d: heap after a full GC at the end (%d bytes after the warm-up)", seed, start.heapAfterGc())
			.isLessThanOrEqualTo(start.heapAfterGc() + FaultCampaign.HEAP_TOLERANCE_BYTES);
		softly.assertAll();
	}

}
