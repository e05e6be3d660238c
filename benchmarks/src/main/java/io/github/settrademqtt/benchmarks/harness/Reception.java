package io.github.settrademqtt.benchmarks.harness;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one client received of a run of numbered messages: each message's latency from its
 * publication to the client's handler, and the duplicates.
 * <p>
 * Each message is written by one thread, at its own index; {@link #received()} is read
 * after the count was seen, which publishes the latencies written before it.
 *
 * @author settrade-mqtt
 */
public final class Reception {

	private final long[] latencies;

	private final AtomicInteger received = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	Reception(int count) {
		this.latencies = new long[count];
	}

	void record(int index, long latencyNanos) {
		if (this.latencies[index] != 0) {
			this.duplicates.incrementAndGet();
			return;
		}
		this.latencies[index] = Math.max(1, latencyNanos);
		this.received.incrementAndGet();
	}

	/**
	 * Return the number of distinct messages received.
	 * @return the number received
	 */
	public int received() {
		return this.received.get();
	}

	/**
	 * Return the number of messages received more than once.
	 * @return the duplicates
	 */
	public int duplicates() {
		return this.duplicates.get();
	}

	/**
	 * Return the number of messages published and not received.
	 * @return the number lost
	 */
	public int lost() {
		return this.latencies.length - received();
	}

	/**
	 * Return the latency percentiles of the messages received.
	 * @return the percentiles
	 */
	public Percentiles latency() {
		int count = received();
		long[] samples = new long[count];
		int filled = 0;
		for (long latency : this.latencies) {
			if (latency != 0 && filled < count) {
				samples[filled++] = latency;
			}
		}
		return Percentiles.of(samples, filled);
	}

}
