package io.github.settrademqtt.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The process's live heap (after a full collection), live threads and CPU time so far.
 *
 * @param heapAfterGc bytes of heap in use after {@link MemoryMXBean#gc()}
 * @param threads live threads
 * @param threadKinds live threads by name, client ids and numbers masked
 * ({@code MQTT Rec: settrade-mqtt-*}), so that two samples show which kind of thread grew
 * @param cpuNanos CPU time the process used so far, excluding the collection this sample
 * asked for
 * @author settrade-mqtt
 */
public record ProcessSample(long heapAfterGc, int threads, Map<String, Long> threadKinds, long cpuNanos) {

	/**
	 * Take a sample: collect garbage twice (so that what is left is live), then read.
	 * @param cpuSoFar the CPU time to report, read before the collection
	 * @return the sample
	 */
	public static ProcessSample take(long cpuSoFar) {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		memory.gc();
		memory.gc();
		Map<String, Long> kinds = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.collect(Collectors.groupingBy((thread) -> kind(thread.getName()), TreeMap::new, Collectors.counting()));
		return new ProcessSample(memory.getHeapMemoryUsage().getUsed(),
				ManagementFactory.getThreadMXBean().getThreadCount(), kinds, cpuSoFar);
	}

	/**
	 * Return a thread's kind: its name with client ids and numbers masked.
	 * @param threadName the thread's name
	 * @return such as {@code MQTT Rec: *} or {@code Session Executor #}
	 */
	public static String kind(String threadName) {
		// Paho names its threads after the client id, 16 hex digits per connection
		return threadName.replaceAll("[0-9a-fA-F]{8,}", "*").replaceAll("[0-9]+", "#");
	}

	/**
	 * Return the kinds of thread this sample has more of than an earlier one.
	 * @param earlier the earlier sample
	 * @return each kind that grew, with by how many, such as {@code MQTT Rec: #: +3}
	 */
	public String threadsGrownSince(ProcessSample earlier) {
		return this.threadKinds.entrySet()
			.stream()
			.filter((kind) -> kind.getValue() > earlier.threadKinds.getOrDefault(kind.getKey(), 0L))
			.map((kind) -> kind.getKey() + ": +"
					+ (kind.getValue() - earlier.threadKinds.getOrDefault(kind.getKey(), 0L)))
			.collect(Collectors.joining(", "));
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
