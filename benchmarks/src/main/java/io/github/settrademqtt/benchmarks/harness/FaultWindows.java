package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;

/**
 * What an {@link ArrivalLog} shows for each window of a run: windows follow one another,
 * each from one fault to the next, so that everything recorded belongs to one. For each:
 * the longest silence on a topic (clipped to the window, so a silence that began before
 * the fault counts from the fault), the sequence numbers skipped (in the window where the
 * feed came back: the silence before a fault is the feed's own spacing, and the campaign
 * fires no fault before the last one is over), and the messages that came again or after
 * a later one of their topic.
 *
 * @author settrade-mqtt
 */
public final class FaultWindows {

	private final long[] starts;

	private final long end;

	private final long[] longestSilence;

	private final long[] lost;

	private final long[] backwards;

	private FaultWindows(long[] starts, long end) {
		this.starts = starts;
		this.end = end;
		this.longestSilence = new long[starts.length];
		this.lost = new long[starts.length];
		this.backwards = new long[starts.length];
	}

	/**
	 * Analyse a log.
	 * @param log the log
	 * @param topics how many of its topics, in the order it was created with, count for
	 * silences and losses (the others, claimed only now and then, count for messages
	 * going backwards only)
	 * @param allTopics how many topics the log has
	 * @param starts when each window starts, ascending, on {@link System#nanoTime()}; the
	 * first is when recording started
	 * @param end when the last window ends
	 * @return the figures
	 */
	public static FaultWindows of(ArrivalLog log, int topics, int allTopics, long[] starts, long end) {
		FaultWindows windows = new FaultWindows(starts.clone(), end);
		long[] previous = new long[allTopics];
		long[] highest = new long[allTopics];
		Arrays.fill(previous, starts[0]);
		log.replay((topic, number, nanos, connection) -> {
			int window = windows.windowOf(nanos);
			if (topic < topics) {
				windows.silence(previous[topic], nanos);
				if (highest[topic] > 0 && number > highest[topic] + 1) {
					windows.lost[window] += number - highest[topic] - 1;
				}
			}
			if (highest[topic] > 0 && number <= highest[topic]) {
				windows.backwards[window]++;
			}
			previous[topic] = Math.max(previous[topic], nanos);
			highest[topic] = Math.max(highest[topic], number);
		});
		for (int topic = 0; topic < topics; topic++) {
			windows.silence(previous[topic], end);
		}
		return windows;
	}

	/**
	 * Return the last window starting at or before a moment (the first for a moment
	 * before it).
	 */
	private int windowOf(long nanos) {
		int low = 0;
		int high = this.starts.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (nanos - this.starts[middle] >= 0) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	private long endOf(int window) {
		return (window + 1 < this.starts.length) ? this.starts[window + 1] : this.end;
	}

	/**
	 * Count a silence from one message to the next in every window it overlaps.
	 */
	private void silence(long from, long to) {
		for (int window = windowOf(from); window < this.starts.length && to - this.starts[window] > 0; window++) {
			long start = Math.max(from, this.starts[window]);
			long stop = Math.min(to, endOf(window));
			this.longestSilence[window] = Math.max(this.longestSilence[window], stop - start);
		}
	}

	/**
	 * Return the longest silence on one topic in a window.
	 * @param window the window's index
	 * @return nanoseconds
	 */
	public long longestSilence(int window) {
		return this.longestSilence[window];
	}

	/**
	 * Return the sequence numbers skipped in a window, summed over topics.
	 * @param window the window's index
	 * @return the count
	 */
	public long lost(int window) {
		return this.lost[window];
	}

	/**
	 * Return the messages that came again or after a later one of their topic in a
	 * window.
	 * @param window the window's index
	 * @return the count
	 */
	public long backwards(int window) {
		return this.backwards[window];
	}

}
