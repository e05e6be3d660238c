package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;

/**
 * When each numbered message of a {@link PacedFeed} was handed to the broker, on
 * {@link System#nanoTime()}, by topic and sequence number: the start of every latency,
 * and the count of what was published in a window, against which a subscriber's loss is
 * measured. Written by the publisher's thread, read by the harness's.
 *
 * @author settrade-mqtt
 */
public final class PublicationLog {

	private final long[][] publishedAt;

	/**
	 * Create a log of the given number of topics.
	 * @param topics the number of topics, indexed as the feed's
	 */
	public PublicationLog(int topics) {
		this.publishedAt = new long[topics][1024];
	}

	/**
	 * Record that a message is being published now.
	 * @param topic the index of its topic
	 * @param sequence its sequence number in the topic, from 1
	 * @param nanos {@link System#nanoTime()}
	 */
	synchronized void record(int topic, long sequence, long nanos) {
		long[] times = this.publishedAt[topic];
		if (sequence >= times.length) {
			times = Arrays.copyOf(times, (int) Math.max(sequence + 1, times.length * 2L));
			this.publishedAt[topic] = times;
		}
		times[(int) sequence] = nanos;
	}

	/**
	 * Return when a message was published.
	 * @param topic the index of its topic
	 * @param sequence its sequence number
	 * @return {@link System#nanoTime()} when it was handed to the broker, {@code 0} for a
	 * message not published
	 */
	public synchronized long publishedAt(int topic, long sequence) {
		long[] times = this.publishedAt[topic];
		return (sequence > 0 && sequence < times.length) ? times[(int) sequence] : 0;
	}

	/**
	 * Return how many messages were published in a window.
	 * @param from the window's start, inclusive, on {@link System#nanoTime()}
	 * @param to its end, exclusive
	 * @return the count
	 */
	public synchronized long count(long from, long to) {
		long count = 0;
		for (long[] times : this.publishedAt) {
			for (int sequence = 1; sequence < times.length; sequence++) {
				if (times[sequence] != 0 && times[sequence] - from >= 0 && times[sequence] - to < 0) {
					count++;
				}
			}
		}
		return count;
	}

	/**
	 * Return the number of topics.
	 * @return the count
	 */
	public int topics() {
		return this.publishedAt.length;
	}

}
