package io.github.settrademqtt.benchmarks.harness;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Every garbage collection while watching, from the collectors' notifications (no JFR):
 * when, how long, and the heap in use right after it. The heap after each collection is
 * what was live, or not yet collected, then; its highest value over a phase says whether
 * the heap stayed bounded.
 *
 * @author settrade-mqtt
 */
public final class GcWatch implements AutoCloseable {

	private final List<Collection> collections = new ArrayList<>();

	private final NotificationListener listener = this::notified;

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((pool) -> pool.getType() == MemoryType.HEAP)
		.map(MemoryPoolMXBean::getName)
		.collect(Collectors.toUnmodifiableSet());

	/**
	 * Start watching.
	 */
	public GcWatch() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	private void notified(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		long now = System.nanoTime();
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		// the collectors report every pool, Metaspace and code cache included
		long heapAfter = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter((pool) -> this.heapPools.contains(pool.getKey()))
			.map(Map.Entry::getValue)
			.mapToLong(MemoryUsage::getUsed)
			.sum();
		synchronized (this.collections) {
			this.collections.add(new Collection(now, info.getGcName(), info.getGcCause(),
					info.getGcInfo().getDuration(), heapAfter));
		}
	}

	/**
	 * Return the collections that ended within a time window.
	 * @param fromNanos the window's start, on {@link System#nanoTime()}
	 * @param toNanos its end
	 * @return the figures
	 */
	public Figures between(long fromNanos, long toNanos) {
		int count = 0;
		long totalMillis = 0;
		long longestMillis = 0;
		long highestHeapAfter = 0;
		synchronized (this.collections) {
			for (Collection collection : this.collections) {
				if (collection.atNanos() - fromNanos >= 0 && collection.atNanos() - toNanos <= 0) {
					count++;
					totalMillis += collection.durationMillis();
					longestMillis = Math.max(longestMillis, collection.durationMillis());
					highestHeapAfter = Math.max(highestHeapAfter, collection.heapAfterBytes());
				}
			}
		}
		return new Figures(count, totalMillis, longestMillis, highestHeapAfter);
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// not there: nothing to remove
			}
		}
	}

	/**
	 * One collection.
	 *
	 * @param atNanos when it was reported, on {@link System#nanoTime()}
	 * @param collector the collector's name
	 * @param cause why it ran
	 * @param durationMillis how long it took (for G1's young and mixed collections, a
	 * pause)
	 * @param heapAfterBytes the heap in use right after it, all pools
	 */
	public record Collection(long atNanos, String collector, String cause, long durationMillis, long heapAfterBytes) {

	}

	/**
	 * The collections of a window.
	 *
	 * @param count how many
	 * @param totalMillis their total duration
	 * @param longestMillis the longest
	 * @param highestHeapAfterBytes the most heap in use right after one of them,
	 * {@code 0} when there was none
	 */
	public record Figures(int count, long totalMillis, long longestMillis, long highestHeapAfterBytes) {

	}

}
