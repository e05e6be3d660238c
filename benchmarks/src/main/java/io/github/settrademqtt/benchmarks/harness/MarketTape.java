package io.github.settrademqtt.benchmarks.harness;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What one client did with the messages of a {@link PhasedFeed}, by message number: when
 * each first arrived on a path that sees every message (the starter's raw channel, bare
 * Paho's callback) and on which connection, how often it arrived, and how old it was when
 * a listener was handed it. Sized for the whole script up front, so that recording
 * allocates nothing while the heap is measured.
 * <p>
 * From that: per phase, what was lost, received twice, and conflated (received but never
 * handed to a listener, because a newer snapshot of its topic replaced it), and the
 * staleness of what listeners were handed; per time window, such as one around a
 * rotation, the same and the longest silence on the raw path.
 *
 * @author settrade-mqtt
 */
public final class MarketTape {

	private final PhasedFeed feed;

	private final AtomicIntegerArray arrivals;

	private final AtomicLongArray arrivedAt;

	private final AtomicLongArray connections;

	private final AtomicIntegerArray handOvers;

	private final AtomicLongArray ages;

	/**
	 * Create a tape for a feed's script.
	 * @param feed the feed
	 */
	public MarketTape(PhasedFeed feed) {
		this.feed = feed;
		int size = (int) feed.total() + 1;
		this.arrivals = new AtomicIntegerArray(size);
		this.arrivedAt = new AtomicLongArray(size);
		this.connections = new AtomicLongArray(size);
		this.handOvers = new AtomicIntegerArray(size);
		this.ages = new AtomicLongArray(size);
	}

	/**
	 * Record that a message arrived now on the path that sees every message. Lead-in
	 * messages (number 0) are ignored.
	 * @param number the message's number
	 * @param connection the connection it came on
	 */
	public void arrived(long number, long connection) {
		long now = System.nanoTime();
		if (number <= 0 || number >= this.arrivals.length()) {
			return;
		}
		int i = (int) number;
		if (this.arrivals.getAndIncrement(i) == 0) {
			this.connections.set(i, connection);
			this.arrivedAt.set(i, now);
		}
	}

	/**
	 * Record that a listener has a message now: its age is now minus when it was
	 * published. Lead-in messages (number 0) are ignored.
	 * @param number the message's number
	 */
	public void handed(long number) {
		long now = System.nanoTime();
		if (number <= 0 || number >= this.handOvers.length()) {
			return;
		}
		int i = (int) number;
		long published = this.feed.publishedAt(number);
		if (this.handOvers.getAndIncrement(i) == 0 && published != 0) {
			this.ages.set(i, Math.max(1, now - published));
		}
	}

	/**
	 * Return how many messages of the script have arrived so far, counting each once.
	 * @param from the first number to count
	 * @param to one past the last
	 * @return the count
	 */
	public long arrivedBetween(long from, long to) {
		long count = 0;
		for (long n = Math.max(1, from); n < Math.min(to, this.arrivals.length()); n++) {
			if (this.arrivals.get((int) n) > 0) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Return how many messages of the script first arrived within a time window: the
	 * messages a client processed then, whenever they were published.
	 * @param fromNanos the window's start, on {@link System#nanoTime()}
	 * @param toNanos its end
	 * @return the count
	 */
	public long arrivedWithin(long fromNanos, long toNanos) {
		long count = 0;
		for (int n = 1; n < this.arrivedAt.length(); n++) {
			long at = this.arrivedAt.get(n);
			if (at != 0 && at - fromNanos >= 0 && at - toNanos < 0) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Analyse a phase of the script.
	 * @param phase the phase's index
	 * @param disturbed time windows, such as rotations, whose messages also count apart:
	 * each a start and an end on {@link System#nanoTime()}
	 * @return its figures
	 */
	public PhaseFigures phase(int phase, List<long[]> disturbed) {
		long from = this.feed.firstNumber(phase);
		long to = this.feed.endNumber(phase);
		long received = 0;
		long twice = 0;
		long handed = 0;
		long[] samples = new long[(int) (to - from)];
		int filled = 0;
		long[] undisturbed = new long[(int) (to - from)];
		int undisturbedFilled = 0;
		for (long n = from; n < to; n++) {
			int i = (int) n;
			int arrived = this.arrivals.get(i);
			if (arrived > 0) {
				received++;
				twice += arrived - 1;
			}
			if (this.handOvers.get(i) > 0) {
				handed++;
				long age = this.ages.get(i);
				if (age > 0) {
					samples[filled++] = age;
					if (!within(this.feed.publishedAt(n), disturbed)) {
						undisturbed[undisturbedFilled++] = age;
					}
				}
			}
		}
		return new PhaseFigures(to - from, received, to - from - received, twice, handed, received - handed,
				Percentiles.of(samples, filled), Percentiles.of(undisturbed, undisturbedFilled));
	}

	private static boolean within(long nanos, List<long[]> windows) {
		for (long[] window : windows) {
			if (nanos - window[0] >= 0 && nanos - window[1] <= 0) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Analyse the messages published within a time window, such as the one around a
	 * rotation.
	 * @param fromNanos the window's start, on {@link System#nanoTime()}
	 * @param toNanos its end
	 * @return its figures
	 */
	public WindowFigures window(long fromNanos, long toNanos) {
		long published = 0;
		long lost = 0;
		long twice = 0;
		long publisherGap = 0;
		long previousPublished = 0;
		int count = 0;
		long[] arrivals = new long[1024];
		long[] connections = new long[1024];
		for (long n = 1; n <= this.feed.total(); n++) {
			long at = this.feed.publishedAt(n);
			if (at == 0 || at - fromNanos < 0 || at - toNanos > 0) {
				continue;
			}
			published++;
			if (previousPublished != 0) {
				publisherGap = Math.max(publisherGap, at - previousPublished);
			}
			previousPublished = at;
			int i = (int) n;
			int arrived = this.arrivals.get(i);
			if (arrived == 0) {
				lost++;
				continue;
			}
			twice += arrived - 1;
			if (count == arrivals.length) {
				arrivals = Arrays.copyOf(arrivals, count * 2);
				connections = Arrays.copyOf(connections, count * 2);
			}
			arrivals[count] = this.arrivedAt.get(i);
			connections[count] = this.connections.get(i);
			count++;
		}
		return new WindowFigures(published, lost, twice, gaps(arrivals, connections, count), publisherGap);
	}

	/**
	 * The longest silences between two arrivals in arrival order, at a change of
	 * connection and elsewhere.
	 */
	private static ArrivalLog.Gaps gaps(long[] arrivals, long[] connections, int count) {
		Integer[] order = new Integer[count];
		for (int i = 0; i < count; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Long.compare(arrivals[a], arrivals[b]));
		ArrivalLog.Gaps gaps = new ArrivalLog.Gaps();
		for (int k = 1; k < count; k++) {
			int previous = order[k - 1];
			int next = order[k];
			gaps.add(arrivals[next] - arrivals[previous], connections[next] != connections[previous]);
		}
		return gaps;
	}

	/**
	 * What a client did with the messages of one phase.
	 *
	 * @param published messages the phase published
	 * @param received of them, those that arrived at least once on the path that sees
	 * every message
	 * @param lost those that never arrived
	 * @param twice arrivals beyond the first
	 * @param handed those a listener was handed
	 * @param conflated those that arrived but were never handed to a listener
	 * @param staleness how old each was when a listener was handed it, in nanoseconds
	 * @param undisturbedStaleness the same, of those published outside the disturbed
	 * windows
	 */
	public record PhaseFigures(long published, long received, long lost, long twice, long handed, long conflated,
			Percentiles staleness, Percentiles undisturbedStaleness) {

	}

	/**
	 * What a client did with the messages published in a time window.
	 *
	 * @param published messages published in the window
	 * @param lost those that never arrived
	 * @param twice arrivals beyond the first
	 * @param gaps the longest silences between two arrivals, at a change of connection
	 * and elsewhere
	 * @param publisherGap the longest time between two publications in the window
	 */
	public record WindowFigures(long published, long lost, long twice, ArrivalLog.Gaps gaps, long publisherGap) {

	}

}
