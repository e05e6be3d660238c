package io.github.settrademqtt.benchmarks.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one subscriber's {@link ArrivalLog} shows of the messages a {@link PacedFeed}
 * published in each of a series of windows: how many arrived, how late, lost against what
 * was published and against what the cluster's leaders published to Kafka, delivered
 * twice or out of order, and the longest silence. A message belongs to the window it was
 * published in, wherever it arrived; a silence to the window its end arrived in.
 *
 * @author settrade-mqtt
 */
public final class DeliveryWindows {

	private final List<Window> windows;

	private final PublicationLog publications;

	private final BitSet[] seen;

	private final long[] highest;

	private final long[] received;

	private final long[] twice;

	private final long[] outOfOrder;

	private final long[] silence;

	private final long[][] latencies;

	private long previousArrival;

	private DeliveryWindows(List<Window> windows, PublicationLog publications) {
		this.windows = List.copyOf(windows);
		this.publications = publications;
		this.seen = new BitSet[publications.topics()];
		Arrays.setAll(this.seen, (topic) -> new BitSet());
		this.highest = new long[publications.topics()];
		this.received = new long[windows.size()];
		this.twice = new long[windows.size()];
		this.outOfOrder = new long[windows.size()];
		this.silence = new long[windows.size()];
		this.latencies = new long[windows.size()][1024];
	}

	/**
	 * Analyse a subscriber's arrivals.
	 * @param arrivals what the subscriber received, its topics indexed as the feed's
	 * @param publications when each message was published
	 * @param kafka what the leaders published to Kafka, or {@code null} without a cluster
	 * @param windows the windows, in order and not overlapping
	 * @return the figures of each window, in the same order
	 */
	public static List<Delivery> of(ArrivalLog arrivals, PublicationLog publications, @Nullable FeedTopicReader kafka,
			List<Window> windows) {
		DeliveryWindows analysis = new DeliveryWindows(windows, publications);
		arrivals.replay(analysis::arrival);
		long[] inKafka = new long[windows.size()];
		long[] lostOfKafka = new long[windows.size()];
		if (kafka != null) {
			kafka.forEach((topic, sequence) -> {
				int window = analysis.publishedIn(publications.publishedAt(topic, sequence));
				if (window >= 0) {
					inKafka[window]++;
					if (!analysis.seen[topic].get((int) sequence)) {
						lostOfKafka[window]++;
					}
				}
			});
		}
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			Window window = windows.get(i);
			long published = publications.count(window.from(), window.to());
			int count = (int) analysis.received[i];
			deliveries.add(new Delivery(published, (kafka != null) ? inKafka[i] : -1, count, published - count,
					(kafka != null) ? lostOfKafka[i] : -1, analysis.twice[i], analysis.outOfOrder[i],
					Percentiles.of(analysis.latencies[i], count), analysis.silence[i]));
		}
		return deliveries;
	}

	private void arrival(int topic, long sequence, long nanos, long connection) {
		if (this.previousArrival != 0) {
			int window = silenceIn(nanos);
			if (window >= 0) {
				this.silence[window] = Math.max(this.silence[window], nanos - this.previousArrival);
			}
		}
		this.previousArrival = nanos;
		if (sequence <= 0) {
			return;
		}
		boolean again = this.seen[topic].get((int) sequence);
		boolean late = !again && sequence < this.highest[topic];
		this.seen[topic].set((int) sequence);
		this.highest[topic] = Math.max(this.highest[topic], sequence);
		long publishedAt = this.publications.publishedAt(topic, sequence);
		int window = publishedIn(publishedAt);
		if (window < 0) {
			return;
		}
		if (again) {
			this.twice[window]++;
			return;
		}
		if (late) {
			this.outOfOrder[window]++;
		}
		int index = (int) this.received[window]++;
		if (index == this.latencies[window].length) {
			this.latencies[window] = Arrays.copyOf(this.latencies[window], index * 2);
		}
		this.latencies[window][index] = nanos - publishedAt;
	}

	private int publishedIn(long publishedAt) {
		if (publishedAt == 0) {
			return -1;
		}
		for (int i = 0; i < this.windows.size(); i++) {
			Window window = this.windows.get(i);
			if (publishedAt - window.from() >= 0 && publishedAt - window.to() < 0) {
				return i;
			}
		}
		return -1;
	}

	private int silenceIn(long arrival) {
		for (int i = 0; i < this.windows.size(); i++) {
			Window window = this.windows.get(i);
			if (arrival - window.silenceFrom() > 0 && arrival - window.silenceTo() <= 0) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A window, on {@link System#nanoTime()}.
	 *
	 * @param from the first publication time of the window's messages
	 * @param to the publication time, exclusive, where the next window starts
	 * @param silenceFrom the arrival time after which a silence ending counts for this
	 * window
	 * @param silenceTo the arrival time, inclusive, up to which it does
	 */
	public record Window(long from, long to, long silenceFrom, long silenceTo) {

	}

	/**
	 * What a subscriber got of one window's messages.
	 *
	 * @param published messages published
	 * @param inKafka those a leader published to Kafka, {@code -1} without a cluster
	 * @param received those received, each once
	 * @param lostOfPublished those published and not received
	 * @param lostOfKafka those a leader published to Kafka and not received, {@code -1}
	 * without a cluster
	 * @param twice those received again
	 * @param outOfOrder those received after a later one of their topic
	 * @param latency from publication to arrival, of each received
	 * @param longestSilence the longest time without any message, ending in the window's
	 * silence span, in nanoseconds
	 */
	public record Delivery(long published, long inKafka, long received, long lostOfPublished, long lostOfKafka,
			long twice, long outOfOrder, Percentiles latency, long longestSilence) {

	}

}
