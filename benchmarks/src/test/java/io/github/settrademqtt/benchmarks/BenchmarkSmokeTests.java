package io.github.settrademqtt.benchmarks;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.MarketDataEvent;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the benchmarks from rotting: every benchmark method runs once and returns a
 * sensible result, the starter's decoders and the baselines agree, and JMH itself can run
 * them. Speed is measured by running the benchmarks jar, never here.
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

	private static List<Method> benchmarks(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((method) -> method.isAnnotationPresent(Benchmark.class))
			.toList();
	}

}
