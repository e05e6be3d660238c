package io.github.settrademqtt.benchmarks;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.benchmarks.harness.DeliveryWindows;
import io.github.settrademqtt.benchmarks.harness.Fault;
import io.github.settrademqtt.benchmarks.harness.FaultCampaign;
import io.github.settrademqtt.benchmarks.harness.HarnessArguments;
import io.github.settrademqtt.benchmarks.harness.MarketClient;
import io.github.settrademqtt.benchmarks.harness.MarketTape;
import io.github.settrademqtt.benchmarks.harness.PahoMarketClient;
import io.github.settrademqtt.benchmarks.harness.Reception;
import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.MarketDataEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmarks from rotting: every benchmark method runs once and returns a
 * sensible result, the starter's decoders and the baselines agree, JMH itself can run
 * them, and each feed harness (end to end, rotation, soak, reliability, whole market,
 * cluster) runs with tiny parameters and produces its figures. Speed is measured by
 * running the benchmarks jar, never here.
 */
class BenchmarkSmokeTests {

	@Test
	void everyDecodeBenchmarkMethodRunsAndTheDecodersAgreeWithTheBaseline() throws Exception {
		DecodeBenchmark benchmark = new DecodeBenchmark();
		benchmark.setUp();
		for (Method method : benchmarks(DecodeBenchmark.class)) {
			assertThat(method.invoke(benchmark)).as(method.getName()).isNotNull();
		}
		assertThat(benchmark.bidOfferWire()).isEqualTo(benchmark.bidOfferGenerated());
		assertThat(benchmark.infoWire()).isEqualTo(benchmark.infoGenerated());
		BidOffer book = (BidOffer) benchmark.bidOfferWire();
		assertThat(book.bids()).hasSize(10);
		assertThat(book.bestBid().price().toBigDecimal())
			.isEqualByComparingTo(benchmark.bidOfferGeneratedBigDecimal()[0]);
		MarketDataEvent order = benchmark.equityOrderWire();
		assertThat(order.key()).isEqualTo("0123456");
	}

	@Test
	void everyLoginSignatureBenchmarkMethodRuns() throws Exception {
		LoginSignatureBenchmark benchmark = new LoginSignatureBenchmark();
		benchmark.setUp();
		for (Method method : benchmarks(LoginSignatureBenchmark.class)) {
			assertThat(method.invoke(benchmark)).as(method.getName()).isNotNull();
		}
	}

	@Test
	void jmhRunsTheBenchmarksInProcess() throws Exception {
		Options options = new OptionsBuilder().include(DecodeBenchmark.class.getSimpleName() + ".bidOfferWire")
			.forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(100))
			.build();
		Collection<RunResult> results = new Runner(options).run();
		assertThat(results).singleElement()
			.satisfies((result) -> assertThat(result.getPrimaryResult().getScore()).isPositive());
	}

	@Test
	void endToEndHarnessMeasuresBothClientsAndWritesItsReport(@TempDir Path out) throws Exception {
		EndToEndBenchmark.Result result = EndToEndBenchmark
			.run(arguments(EndToEndBenchmark.DEFAULTS, "--symbols=5", "--rates=200", "--duration=1s", "--rounds=2",
					"--warmup=1s", "--warmup-rate=200", "--step-rates=300", "--step-duration=1s"));
		List<Reception> receptions = result.fixed().get(200).stream().flatMap(Arrays::stream).toList();
		assertThat(receptions).hasSize(2 * 3);
		for (Reception reception : receptions) {
			assertThat(reception.received()).isEqualTo(200);
			assertThat(reception.lost()).isZero();
			assertThat(reception.duplicates()).isZero();
			assertThat(reception.latency().p50()).isPositive();
			assertThat(reception.latency().p999()).isGreaterThanOrEqualTo(reception.latency().p50());
		}
		Path file = result.report().writeTo(out);
		assertThat(Files.readString(file)).contains("| 200 | 1 | starter (listener bean) | 200 | 0 | 0 |")
			.contains("| 200 | 2 | bare Paho v3 | 200 | 0 | 0 |")
			.contains("| 200 | 2 | starter, `delivery.threads=0` | 200 | 0 | 0 |")
			.containsPattern("\\| 200 \\| starter \\(listener bean\\) \\| \\*\\*\\d+\\.\\d\\d\\*\\* \\(")
			.contains("Highest rate kept up with");
	}

	@Test
	void rotationHarnessCountsLossForBothStrategies() throws Exception {
		RotationBenchmark.Result result = RotationBenchmark
			.run(arguments(RotationBenchmark.DEFAULTS, "--rotations=2", "--symbols=1", "--rate=100"));
		RotationBenchmark.Outcome overlap = result.outcomes().get("overlap");
		assertThat(overlap.rotations()).isGreaterThanOrEqualTo(2);
		assertThat(overlap.figures().received()).isPositive();
		assertThat(overlap.figures().lost()).isZero();
		assertThat(overlap.figures().duplicated()).isZero();
		RotationBenchmark.Outcome restart = result.outcomes().get("restart");
		assertThat(restart.rotations()).isGreaterThanOrEqualTo(2);
		// a restart leaves a hole at each change of connection
		assertThat(restart.figures().perTopic().atConnectionChange())
			.isGreaterThan(overlap.figures().perTopic().atConnectionChange());
		assertThat(result.report().lines()).anyMatch((line) -> line.startsWith("| `overlap` |"))
			.anyMatch((line) -> line.startsWith("| `restart` |"));
	}

	@Test
	void soakHarnessSamplesHeapThreadsAndCpu() throws Exception {
		SoakBenchmark.Result result = SoakBenchmark
			.run(arguments(SoakBenchmark.DEFAULTS, "--rotations=2", "--warmup-rotations=1", "--sample-every=1",
					"--topics=20", "--rate=100", "--baseline=2s", "--baseline-warmup=0s"));
		assertThat(result.samples()).hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy((sample) -> assertThat(sample.heapAfterGc()).isPositive());
		assertThat(result.events()).isPositive();
		assertThat(result.lost()).isZero();
		assertThat(result.cpuPerThousand()).isPositive();
		assertThat(result.baselineCpuPerThousand()).isPositive();
	}

	@Test
	void reliabilityHarnessRunsOneScheduleAgainstEveryClient(@TempDir Path out) throws Exception {
		ReliabilityBenchmark.Result result = ReliabilityBenchmark.run(arguments(ReliabilityBenchmark.DEFAULTS,
				"--seed=7", "--duration=0s", "--faults=drop-all,step-exception", "--warmup-rotations=1",
				"--token-lifetime=8s", "--refresh-before-expiry=5s"));
		assertThat(result.results()).containsOnlyKeys("overlap", "restart", "paho");
		result.results().forEach((subject, campaign) -> {
			List<FaultCampaign.FiredFault> drops = campaign.fired(Fault.DROP_ALL);
			assertThat(drops).as(subject).singleElement().satisfies((drop) -> {
				assertThat(drop.recovery()).isPositive().isLessThanOrEqualTo(Fault.DROP_ALL.recoveryBound());
				// what was published while disconnected
				assertThat(drop.lost()).isPositive();
			});
			assertThat(campaign.received()).as(subject).isPositive();
			assertThat(campaign.end().threads()).as(subject).isPositive();
		});
		assertThat(result.results().get("overlap").fired(Fault.STEP_EXCEPTION)).singleElement()
			.satisfies((step) -> assertThat(step.lost()).isZero());
		assertThat(result.results().get("paho").fired(Fault.STEP_EXCEPTION)).isEmpty();
		assertThat(result.results().get("paho").skipped()).singleElement()
			.satisfies((planned) -> assertThat(planned.fault()).isEqualTo(Fault.STEP_EXCEPTION));
		assertThat(Files.readString(result.report().writeTo(out))).contains("**Seed 7**")
			.containsPattern(
					"\\| drop-all \\| starter, `rotation=overlap` \\| 1 \\| [\\d,]+ \\| [\\d,]+ \\| 15,000 \\|")
			.contains("| step-exception | bare Paho, automatic reconnect | n/a |")
			.containsPattern("\\| bare Paho, automatic reconnect \\| \\d+ s \\| [\\d,]+ \\|");
	}

	@Test
	void wholeMarketHarnessMeasuresEveryClientThroughBurstAndRotations(@TempDir Path out) throws Exception {
		WholeMarketBenchmark.Result result = WholeMarketBenchmark.run(arguments(WholeMarketBenchmark.DEFAULTS,
				"--symbols=20", "--steady-rate=200", "--burst-rate=1000", "--warmup=0s", "--steady-duration=2s",
				"--burst-duration=1s", "--after-duration=1s", "--rehearsal=0s", "--rounds=1"));
		assertThat(result.turns()).extracting(WholeMarketBenchmark.TurnResult::client)
			.containsExactly("starter", "starter, `delivery.threads=0`", PahoMarketClient.NAME);
		for (WholeMarketBenchmark.TurnResult turn : result.turns()) {
			// every topic active on the first connection and on each rotation, in order
			assertOpening(turn.client(), turn.first());
			assertThat(turn.rotations()).as(turn.client())
				.extracting(WholeMarketBenchmark.RotationResult::during)
				.containsExactly("steady", "burst");
			assertThat(turn.rotations()).allSatisfy((rotation) -> {
				assertOpening(turn.client(), rotation.opening());
				// asked for while its phase lasted
				assertThat(rotation.askedAfterNanos()).as(turn.client())
					.isLessThan(turn.phases().get(rotation.during()).phase().duration().toNanos());
				assertThat(rotation.window().published()).isPositive();
				assertThat(rotation.window().twice()).as(turn.client()).isZero();
				// bare Paho's hand-made switch drops a message the old connection
				// brings after the new one brought a later one: its loss is a
				// figure to report, not a promise
				if (isStarter(turn)) {
					assertThat(rotation.window().lost()).as(turn.client()).isZero();
				}
			});
			assertThat(turn.phases()).containsOnlyKeys("steady", "burst", "after");
			turn.phases().forEach((name, phase) -> {
				MarketTape.PhaseFigures figures = phase.figures();
				String what = turn.client() + ", " + name;
				assertThat(figures.published()).as(what).isEqualTo(phase.phase().count());
				if (isStarter(turn)) {
					assertThat(figures.received()).as(what).isEqualTo(figures.published());
				}
				assertThat(figures.twice()).as(what).isZero();
				assertThat(figures.handed()).as(what).isPositive().isLessThanOrEqualTo(figures.received());
				assertThat(figures.staleness().p50()).as(what).isPositive();
				assertThat(figures.staleness().p999()).as(what).isGreaterThanOrEqualTo(figures.staleness().p99());
				assertThat(phase.processCpuPerThousand()).as(what).isPositive();
				assertThat(phase.clientCpuPerThousand()).as(what).isPositive();
				assertThat(phase.losses()).as(what).isZero();
			});
			// whatever a client lost, it lost around a rotation
			assertThat(turn.phases().values().stream().mapToLong((phase) -> phase.figures().lost()).sum())
				.as(turn.client())
				.isLessThanOrEqualTo(turn.rotations().stream().mapToLong((rotation) -> rotation.window().lost()).sum());
			assertThat(turn.heapAfterBytes()).isPositive();
		}
		assertThat(Files.readString(result.report().writeTo(out))).contains("## Time to every topic active")
			.contains("| round | client | opening → all granted: first |")
			.containsPattern("\\| 1 \\| starter \\| burst \\| 1,000 \\| [\\d,]+ \\| 1,000 \\| 0 \\| 0 \\|")
			.containsPattern("\\| 1 \\| bare Paho v3 \\| burst \\| 1,000 \\| [\\d,]+ \\| 1,000 \\| [\\d,]+ \\| 0 \\|")
			.containsPattern("\\| 1 \\| starter \\| burst \\| \\*\\*\\d+\\.\\d\\d\\*\\* \\|")
			.contains("## CPU per 1,000 messages, by thread group");
	}

	@Test
	void clusterHarnessMeasuresTheKafkaHopAndEveryHandOver(@TempDir Path out) throws Exception {
		ClusterBenchmark.Result result = ClusterBenchmark
			.run(arguments(ClusterBenchmark.DEFAULTS, "--symbols=5", "--rates=200", "--warmup=1s", "--duration=2s",
					"--failover-rate=100", "--graceful=2", "--abrupt=2", "--settle=500ms"));
		assertThat(result.hops()).singleElement().extracting(ClusterBenchmark.Hop::rate).isEqualTo(200);
		ClusterBenchmark.Hop hop = result.hops().get(0);
		assertThat(hop.cpuCores()).isPositive();
		assertThat(hop.routes()).hasSize(3);
		for (ClusterBenchmark.Route route : hop.routes()) {
			DeliveryWindows.Delivery delivery = route.delivery();
			assertThat(delivery.published()).as(route.name()).isBetween(360L, 440L);
			assertThat(delivery.received()).as(route.name()).isPositive();
			// a latency for every message that arrived
			assertThat(delivery.latency().count()).as(route.name()).isEqualTo(delivery.received());
			assertThat(delivery.latency().p50()).as(route.name()).isPositive();
			assertThat(delivery.latency().p999()).as(route.name()).isGreaterThanOrEqualTo(delivery.latency().p50());
			assertThat(delivery.twice()).as(route.name()).isZero();
			assertThat(delivery.outOfOrder()).as(route.name()).isZero();
		}
		DeliveryWindows.Delivery leader = hop.leader().delivery();
		assertThat(leader.inKafka()).isPositive().isLessThanOrEqualTo(leader.published());
		assertThat(hop.followers()).singleElement().satisfies((follower) -> {
			// every message the leader published to Kafka, and only those
			assertThat(follower.delivery().received()).isEqualTo(leader.inKafka());
			assertThat(follower.delivery().lostOfKafka()).isZero();
			// the hop adds to the direct path
			assertThat(follower.delivery().latency().p50()).isGreaterThan(hop.direct().delivery().latency().p50());
		});
		ClusterBenchmark.FailOver failOver = result.failOver();
		assertThat(failOver.handOvers()).extracting((handOver) -> handOver.trigger().kind())
			.containsExactly(ClusterBenchmark.HandOverKind.GRACEFUL, ClusterBenchmark.HandOverKind.GRACEFUL,
					ClusterBenchmark.HandOverKind.ABRUPT, ClusterBenchmark.HandOverKind.ABRUPT);
		long term = 0;
		for (ClusterBenchmark.HandOver handOver : failOver.handOvers()) {
			assertThat(handOver.newLeader()).isTrue();
			assertThat(handOver.trigger().term()).isGreaterThan(term);
			term = handOver.trigger().term();
			boolean graceful = handOver.trigger().kind() == ClusterBenchmark.HandOverKind.GRACEFUL;
			if (graceful) {
				// make before break: the leader stopped once the next one had taken over
				assertThat(handOver.revokedAfter()).isGreaterThan(handOver.connectedAfter());
			}
			assertThat(handOver.replicas()).hasSize(3).allSatisfy((delivery) -> {
				assertThat(delivery.published()).isPositive();
				assertThat(delivery.received()).isPositive();
				assertThat(delivery.lostOfKafka()).isZero();
				assertThat(delivery.twice()).isZero();
				assertThat(delivery.outOfOrder()).isZero();
				if (graceful) {
					assertThat(delivery.lostOfPublished()).isZero();
				}
			});
		}
		// an abrupt loss waits for the lock to expire
		assertThat(failOver.of(ClusterBenchmark.HandOverKind.ABRUPT)).allSatisfy(
				(handOver) -> assertThat(handOver.connectedAfter()).isGreaterThan(Duration.ofSeconds(1).toNanos()));
		assertThat(Files.readString(result.report().writeTo(out))).contains("## The Kafka hop")
			.containsPattern("### 200 msg/s \\(CPU \\d+\\.\\d\\d cores\\)")
			.containsPattern("\\| standalone: direct from MQTT \\| [\\d,]+ \\|")
			.contains("Added by the Kafka hop")
			.containsPattern("\\| graceful: the leader yields \\| 2 \\| yes \\|")
			.containsPattern("\\| abrupt: the leader's database is cut off \\| 2 \\| yes \\|");
	}

	private static boolean isStarter(WholeMarketBenchmark.TurnResult turn) {
		return !PahoMarketClient.NAME.equals(turn.client());
	}

	private static void assertOpening(String client, MarketClient.Opening opening) {
		assertThat(opening.openingNanos()).as(client).isGreaterThanOrEqualTo(opening.startNanos());
		assertThat(opening.connectedNanos()).as(client).isGreaterThan(opening.openingNanos());
		assertThat(opening.grantedNanos()).as(client).isGreaterThan(opening.connectedNanos());
		assertThat(opening.activeNanos()).as(client).isGreaterThanOrEqualTo(opening.grantedNanos());
		assertThat(opening.doneNanos()).as(client).isGreaterThanOrEqualTo(opening.activeNanos());
	}

	private static HarnessArguments arguments(Map<String, String> defaults, String... args) {
		return HarnessArguments.parse(args, defaults);
	}

	private static List<Method> benchmarks(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((method) -> method.isAnnotationPresent(Benchmark.class))
			.toList();
	}

}
