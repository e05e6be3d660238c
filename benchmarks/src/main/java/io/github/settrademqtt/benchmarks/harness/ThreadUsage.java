package io.github.settrademqtt.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * CPU time and allocation of every thread of the process, sampled on a thread of its own
 * a few times a second, so that a thread that ends between two marks (a connection
 * replaced by a rotation) still counts with what it used up to its last sample. A
 * {@link #mark() mark} samples once more and keeps the totals; two marks give what each
 * group of threads used in between, and what the process used outside any Java thread
 * (garbage collection, the JIT compiler, the VM).
 *
 * @author settrade-mqtt
 */
public final class ThreadUsage implements AutoCloseable {

	/**
	 * The group of CPU the process spent outside its Java threads.
	 */
	public static final String OUTSIDE_JAVA_THREADS = "GC, JIT and VM (no Java thread)";

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final Map<Long, Usage> lastSeen = new HashMap<>();

	private final Thread sampler;

	private volatile boolean running = true;

	/**
	 * Start sampling.
	 */
	public ThreadUsage() {
		this.sampler = new Thread(() -> {
			while (this.running) {
				sample();
				LockSupport.parkNanos(INTERVAL.toNanos());
			}
		}, "benchmark-thread-usage");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	/**
	 * Sample now and return what every thread seen so far used up to now.
	 * @return the mark
	 */
	public Mark mark() {
		long processCpu = ProcessSample.processCpuNanos();
		synchronized (this) {
			sample();
			return new Mark(System.nanoTime(), processCpu, Map.copyOf(this.lastSeen));
		}
	}

	private synchronized void sample() {
		long[] ids = this.threads.getAllThreadIds();
		long[] allocated = this.threads.getThreadAllocatedBytes(ids);
		ThreadInfo[] infos = this.threads.getThreadInfo(ids);
		for (int i = 0; i < ids.length; i++) {
			long cpu = this.threads.getThreadCpuTime(ids[i]);
			if (infos[i] != null && cpu >= 0) {
				this.lastSeen.put(ids[i], new Usage(infos[i].getThreadName(), cpu, Math.max(0, allocated[i])));
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.sampler.join(Duration.ofSeconds(5).toMillis());
	}

	/**
	 * What one thread used so far.
	 *
	 * @param name the thread's name
	 * @param cpuNanos its CPU time
	 * @param allocatedBytes the bytes it allocated
	 */
	public record Usage(String name, long cpuNanos, long allocatedBytes) {

	}

	/**
	 * What every thread had used at one moment.
	 *
	 * @param nanos when, on {@link System#nanoTime()}
	 * @param processCpuNanos the process's CPU time then
	 * @param threads per thread id
	 */
	public record Mark(long nanos, long processCpuNanos, Map<Long, Usage> threads) {

		/**
		 * Return what each group of threads used from an earlier mark to this one, the
		 * CPU the process spent outside its Java threads as
		 * {@link #OUTSIDE_JAVA_THREADS}.
		 * @param earlier the earlier mark
		 * @param grouping names a thread's group from its name
		 * @return per group, in the grouping's order of first appearance
		 */
		public Map<String, Usage> since(Mark earlier, Function<String, String> grouping) {
			Map<String, long[]> totals = new TreeMap<>();
			long javaCpu = 0;
			for (Map.Entry<Long, Usage> thread : this.threads.entrySet()) {
				Usage now = thread.getValue();
				Usage before = earlier.threads.get(thread.getKey());
				long cpu = now.cpuNanos() - ((before != null) ? before.cpuNanos() : 0);
				long allocated = now.allocatedBytes() - ((before != null) ? before.allocatedBytes() : 0);
				long[] total = totals.computeIfAbsent(grouping.apply(now.name()), (group) -> new long[2]);
				total[0] += cpu;
				total[1] += allocated;
				javaCpu += cpu;
			}
			Map<String, Usage> groups = new LinkedHashMap<>();
			totals.forEach((group, total) -> groups.put(group, new Usage(group, total[0], total[1])));
			long outside = (this.processCpuNanos - earlier.processCpuNanos) - javaCpu;
			groups.put(OUTSIDE_JAVA_THREADS, new Usage(OUTSIDE_JAVA_THREADS, Math.max(0, outside), 0));
			return groups;
		}

		/**
		 * Return the thread that used the most CPU from an earlier mark to this one: a
		 * thread near a whole core is a ceiling no second core lifts.
		 * @param earlier the earlier mark
		 * @return its name and what it used meanwhile
		 */
		public Usage busiestSince(Mark earlier) {
			Usage busiest = new Usage("none", 0, 0);
			for (Map.Entry<Long, Usage> thread : this.threads.entrySet()) {
				Usage before = earlier.threads.get(thread.getKey());
				Usage now = thread.getValue();
				long cpu = now.cpuNanos() - ((before != null) ? before.cpuNanos() : 0);
				if (cpu > busiest.cpuNanos()) {
					long allocated = now.allocatedBytes() - ((before != null) ? before.allocatedBytes() : 0);
					busiest = new Usage(now.name(), cpu, allocated);
				}
			}
			return busiest;
		}

		/**
		 * Return the process's CPU time from an earlier mark to this one.
		 * @param earlier the earlier mark
		 * @return nanoseconds
		 */
		public long processCpuSince(Mark earlier) {
			return this.processCpuNanos - earlier.processCpuNanos;
		}

	}

}
