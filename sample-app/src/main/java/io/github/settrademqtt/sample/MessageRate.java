package io.github.settrademqtt.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import io.github.settrademqtt.feed.delivery.FeedObserver;
import io.github.settrademqtt.feed.MarketDataKind;

import org.springframework.stereotype.Component;

/**
 * Counts the messages the connection delivers to the application and turns the count into
 * messages per second. A {@link FeedObserver} bean: the starter tells it of every
 * delivery (a counter increment on the delivering thread); {@link #sample()} reads the
 * counter once a second, and the rate is the average over the last
 * {@value #WINDOW_SECONDS} samples, so that it does not flicker with the second's
 * boundaries.
 *
 * @author settrade-mqtt
 */
@Component
class MessageRate implements FeedObserver {

	/**
	 * How many samples the rate averages over.
	 */
	static final int WINDOW_SECONDS = 5;

	/**
	 * How many per-second rates the history keeps.
	 */
	static final int HISTORY_SECONDS = 120;

	private final LongSupplier nanoClock;

	private final LongAdder delivered = new LongAdder();

	/**
	 * Samples of {@code (System.nanoTime(), delivered)}, oldest first.
	 */
	private final Deque<long[]> samples = new ArrayDeque<>();

	MessageRate() {
		this(System::nanoTime);
	}

	MessageRate(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
	}

	@Override
	public void received(MarketDataKind<?, ?> kind) {
		this.delivered.increment();
	}

	/**
	 * Read the counter; called once a second.
	 */
	synchronized void sample() {
		this.samples.addLast(new long[] { this.nanoClock.getAsLong(), this.delivered.sum() });
		while (this.samples.size() > HISTORY_SECONDS + 1) {
			this.samples.pollFirst();
		}
	}

	/**
	 * Return how many messages were delivered since start-up.
	 * @return the count
	 */
	long total() {
		return this.delivered.sum();
	}

	/**
	 * Return the messages delivered per second over the last samples.
	 * @return the rate, zero before two samples were taken
	 */
	synchronized double perSecond() {
		if (this.samples.size() < 2) {
			return 0;
		}
		long[] newest = this.samples.peekLast();
		Iterator<long[]> older = this.samples.descendingIterator();
		long[] oldest = newest;
		for (int i = 0; i <= WINDOW_SECONDS && older.hasNext(); i++) {
			oldest = older.next();
		}
		return rate(oldest, newest);
	}

	/**
	 * Return the rate between each two consecutive samples, oldest first.
	 * @return up to {@value #HISTORY_SECONDS} rates
	 */
	synchronized List<Double> history() {
		List<Double> rates = new ArrayList<>(this.samples.size());
		long[] previous = null;
		for (long[] sample : this.samples) {
			if (previous != null) {
				rates.add(rate(previous, sample));
			}
			previous = sample;
		}
		return rates;
	}

	private static double rate(long[] from, long[] to) {
		long nanos = to[0] - from[0];
		if (nanos <= 0) {
			return 0;
		}
		double perSecond = (to[1] - from[1]) * 1e9 / nanos;
		// one decimal is all a person reads
		return Math.round(perSecond * 10) / 10.0;
	}

}
