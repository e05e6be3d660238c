package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, by sorting: exact, and cheap enough for the few
 * hundred thousand samples of a run.
 *
 * @param count the number of samples
 * @param p50 the median, in nanoseconds
 * @param p99 the 99th percentile, in nanoseconds
 * @param p999 the 99.9th percentile, in nanoseconds
 * @param max the largest sample, in nanoseconds
 * @author settrade-mqtt
 */
public record Percentiles(int count, long p50, long p99, long p999, long max) {

	/**
	 * Compute the percentiles of the samples (nearest rank).
	 * @param samples the samples; sorted in place
	 * @param count how many of them are filled
	 * @return the percentiles, all zero when there are none
	 */
	public static Percentiles of(long[] samples, int count) {
		if (count == 0) {
			return new Percentiles(0, 0, 0, 0, 0);
		}
		Arrays.sort(samples, 0, count);
		return new Percentiles(count, rank(samples, count, 0.50), rank(samples, count, 0.99),
				rank(samples, count, 0.999), samples[count - 1]);
	}

	private static long rank(long[] sorted, int count, double quantile) {
		int index = (int) Math.ceil(quantile * count) - 1;
		return sorted[Math.max(0, Math.min(count - 1, index))];
	}

}
