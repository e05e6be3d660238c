package io.github.settrademqtt.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The process's live heap (after a full collection), live threads and CPU time so far.
 *
 * @param heapAfterGc bytes of heap in use after {@link MemoryMXBean#gc()}
 * @param threads live threads
 * @param cpuNanos CPU time the process used so far, excluding the collection this sample
 * asked for
 * @author settrade-mqtt
 */
public record ProcessSample(long heapAfterGc, int threads, long cpuNanos) {

	/**
	 * Take a sample: collect garbage twice (so that what is left is live), then read.
	 * @param cpuSoFar the CPU time to report, read before the collection
	 * @return the sample
	 */
	public static ProcessSample take(long cpuSoFar) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		memory.gc();
		return new ProcessSample(memory.getHeapMemoryUsage().getUsed(),
				ManagementFactory.getThreadMXBean().getThreadCount(), cpuSoFar);
	}

	/**
	 * Return the CPU time the process has used so far, all threads.
	 * @return nanoseconds
	 */
	public static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
