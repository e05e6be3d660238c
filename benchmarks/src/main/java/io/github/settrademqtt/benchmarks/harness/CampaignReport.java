package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.github.settrademqtt.benchmarks.harness.FaultCampaign.FiredFault;
import org.jspecify.annotations.Nullable;

/**
 * Fault campaigns as Markdown: the settings, and for each client per fault kind how often
 * it fired, recovery (median and max) and messages lost, then the checks per client and
 * every check that failed.
 *
 * @author settrade-mqtt
 */
public final class CampaignReport {

	private CampaignReport() {
	}

	/**
	 * Describe the settings: the seed, the schedule and what is always on.
	 * @param report where to write
	 * @param settings the settings
	 */
	public static void settings(Report report, CampaignSettings settings) {
		report.line("**Seed %d** (`--seed=%d` gives the same fault schedule). Each client in turn, %s of faults on a "
				+ "simulator of its own; every fault kind once a round, in an order and with parameters drawn from "
				+ "the seed, %d–%d ms apart.", settings.seed(), settings.seed(), describe(settings.duration()),
				settings.minGap().toMillis(), settings.maxGap().toMillis());
		report.line("");
		report.line("Always on: tokens of %d s with `token-refresh-before-expiry=%d ms`, more than half the lifetime, "
				+ "so the starter rotates at %d ms before expiry. %d order-book topics (and two claimed at run time), "
				+ "%d books a second in all. REST read timeout %d ms, health grace %d s; the starter: its default "
				+ "keep-alive (30 s), a silent topic or feed acted on after %d s; bare Paho: keep-alive %d s.",
				settings.tokenLifetime().toSeconds(), settings.refreshBeforeExpiry().toMillis(),
				settings.margin().toMillis(), settings.symbolCount(), settings.rate(),
				CampaignSettings.READ_TIMEOUT.toMillis(), CampaignSettings.CONNECT_GRACE.toSeconds(),
				CampaignSettings.SILENCE_THRESHOLD.toSeconds(), CampaignSettings.KEEP_ALIVE.toSeconds());
		report.line("");
	}

	/**
	 * Write the results: per fault kind, per client, and the checks that failed.
	 * @param report where to write
	 * @param settings the settings the campaigns ran with
	 * @param results one per client
	 */
	public static void results(Report report, CampaignSettings settings, Collection<FaultCampaign.Result> results) {
		faults(report, settings, results);
		checks(report, results);
		violations(report, results);
	}

	private static void faults(Report report, CampaignSettings settings, Collection<FaultCampaign.Result> results) {
		report.line("## Per fault kind");
		report.line("");
		report.line("Recovery: the longest a topic went without a book reaching the application (the listener bean; "
				+ "for bare Paho its callback) in the fault's window, from the fault, or from when the feed stopped, "
				+ "to the first book after it. Lost: sequence numbers missing on the raw side (what came from the "
				+ "broker) in the window, from the fault to the next one.");
		report.line("");
		report.line("| fault | client | fired | recovery median (ms) | recovery max (ms) | bound (ms) | lost in all "
				+ "| lost, most in one | faults failing a check |");
		report.line("|---|---|---|---|---|---|---|---|---|");
		for (Fault fault : settings.faults()) {
			for (FaultCampaign.Result result : results) {
				List<FiredFault> fired = result.fired(fault);
				boolean skipped = result.skipped().stream().anyMatch((planned) -> planned.fault() == fault);
				if (fired.isEmpty() && skipped) {
					report.line("| %s | %s | n/a | | | | | | |", fault.label(), result.subject());
					continue;
				}
				long[] recoveries = fired.stream().mapToLong((each) -> each.recovery().toNanos()).sorted().toArray();
				long failed = fired.stream().filter((each) -> !result.violations(each).isEmpty()).count();
				report.line("| %s | %s | %d | %s | %s | %,d | %,d | %,d | %d |", fault.label(), result.subject(),
						fired.size(), millis((recoveries.length > 0) ? recoveries[(recoveries.length - 1) / 2] : -1),
						millis((recoveries.length > 0) ? recoveries[recoveries.length - 1] : -1),
						fault.recoveryBound().toMillis(), fired.stream().mapToLong(FiredFault::lost).sum(),
						fired.stream().mapToLong(FiredFault::lost).max().orElse(0), failed);
			}
		}
		report.line("");
	}

	private static void checks(Report report, Collection<FaultCampaign.Result> results) {
		report.line("## Checks per client");
		report.line("");
		report.line("| client | recorded | books received | lost in all | delivered twice or out of order | tickets "
				+ "presented twice | health UP while silent (samples) | rotations | started early | at most "
				+ "| live threads | heap after GC (MB) |");
		report.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (FaultCampaign.Result result : results) {
			FaultCampaign.Window before = result.beforeFaults();
			List<FiredFault> faults = result.faults();
			boolean starter = result.starter();
			report.line("| %s | %s | %,d | %,d | %,d | %,d | %s | %s | %s | %s | %s | %s |", result.subject(),
					describe(result.elapsed()), result.received(),
					before.lost() + faults.stream().mapToLong(FiredFault::lost).sum(),
					before.deliveredBackwards() + faults.stream().mapToLong(FiredFault::deliveredBackwards).sum(),
					before.ticketsPresentedTwice() + faults.stream().mapToLong(FiredFault::ticketsPresentedTwice).sum(),
					starter ? before.healthUpWhileSilent()
							+ faults.stream().mapToLong(FiredFault::healthUpWhileSilent).sum() : "n/a",
					starter ? result.plannedRotations() : "n/a", starter ? result.earlyRotations().size() : "n/a",
					starter ? result.rotationsAllowed() : "n/a", change(result.start(), result.end(), false),
					change(result.start(), result.end(), true));
		}
		report.line("");
	}

	private static void violations(Report report, Collection<FaultCampaign.Result> results) {
		report.line("## Checks that failed");
		report.line("");
		for (FaultCampaign.Result result : results) {
			List<String> violations = result.violations();
			report.line("- %s: %s", result.subject(), violations.isEmpty() ? "none" : violations.size());
			violations.forEach((violation) -> report.line("  - %s", violation));
		}
	}

	private static String change(@Nullable ProcessSample start, @Nullable ProcessSample end, boolean heap) {
		if (start == null || end == null) {
			return "n/a";
		}
		return heap ? String.format(Locale.ROOT, "%.1f → %.1f", start.heapAfterGc() / 1048576.0,
				end.heapAfterGc() / 1048576.0) : threads(start, end);
	}

	private static String threads(ProcessSample start, ProcessSample end) {
		String grown = end.threadsGrownSince(start);
		return start.threads() + " → " + end.threads() + (grown.isEmpty() ? "" : " (" + grown + ")");
	}

	private static String millis(long nanos) {
		return (nanos < 0) ? "" : String.format(Locale.ROOT, "%,d", nanos / 1_000_000);
	}

	private static String describe(Duration duration) {
		return (duration.toSeconds() % 60 == 0) ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
	}

}
