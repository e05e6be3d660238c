package io.github.settrademqtt.cluster.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;

/**
 * Decides, record by record of the feed topic, what a replica delivers: the leader terms
 * as Kafka orders them on each partition. A message of a term older than the last term
 * start read on its partition comes from a deposed leader and is dropped. A term start
 * that names the previous term opens a hand-over on its partition: both terms' messages
 * go through a {@link TermHandOver} until a start without one ends it. Used by the
 * follower's reading thread only.
 *
 * @author settrade-mqtt
 */
final class TermFences {

	private final Map<Integer, Fence> partitions = new HashMap<>();

	private final FollowerSessions sessions = new FollowerSessions();

	private final Set<Long> handedOverTerms = new HashSet<>();

	private final LongAdder fenced;

	private final LongAdder termChanges;

	private @Nullable TermHandOver handOver;

	private long term = -1;

	private long offered = -1;

	TermFences(LongAdder fenced, LongAdder termChanges) {
		this.fenced = fenced;
		this.termChanges = termChanges;
	}

	/**
	 * Take a record of a partition and return the messages to deliver now, in order.
	 */
	List<Message<byte[]>> accept(int partition, FeedRecords.FeedRecord record) {
		Fence fence = this.partitions.computeIfAbsent(partition, (key) -> new Fence());
		if (record instanceof FeedRecords.TermStart start) {
			return start(partition, fence, start);
		}
		if (record instanceof FeedRecords.HandOverOffer offer) {
			if (offer.term() == fence.term && fence.handingOverTo < 0) {
				this.offered = offer.term();
			}
			return List.of();
		}
		return message(partition, fence, (FeedRecords.Message) record);
	}

	private List<Message<byte[]>> start(int partition, Fence fence, FeedRecords.TermStart start) {
		// an older start, or the opening of a hand-over read again
		if (start.term() < fence.term || (start.handsOver() && start.term() <= fence.handingOverTo)) {
			return List.of();
		}
		if (partition == 0) {
			this.offered = -1;
		}
		noteTerm(start.term());
		if (start.handsOver() && start.previous() == fence.term && fence.handingOverTo < 0) {
			fence.handingOverTo = start.term();
			this.handedOverTerms.add(start.term());
			TermHandOver handOver = this.handOver;
			if (handOver == null || handOver.newTerm() != start.term()) {
				this.handOver = new TermHandOver(start.previous(), start.term());
			}
			return List.of();
		}
		List<Message<byte[]>> released = new ArrayList<>();
		TermHandOver handOver = this.handOver;
		if (fence.handingOverTo >= 0 && handOver != null) {
			released.addAll(handOver.finish(partition));
		}
		fence.term = start.term();
		fence.handingOverTo = -1;
		return released;
	}

	private List<Message<byte[]>> message(int partition, Fence fence, FeedRecords.Message message) {
		TermHandOver handOver = this.handOver;
		if (fence.handingOverTo >= 0 && handOver != null
				&& (message.term() == handOver.oldTerm() || message.term() == handOver.newTerm())) {
			return handOver.offer(partition, message.topic(), message.term(), toMessage(message));
		}
		if (message.term() < fence.term) {
			this.fenced.increment();
			return List.of();
		}
		if (message.term() > fence.term) {
			// a start this replica did not read (compacted away): the later term wins
			fence.term = message.term();
			noteTerm(message.term());
		}
		if (handOver != null && message.term() == handOver.newTerm()
				&& handOver.isRepeat(message.topic(), message.payload())) {
			return List.of();
		}
		return List.of(toMessage(message));
	}

	private Message<byte[]> toMessage(FeedRecords.Message message) {
		boolean handedOver = this.handedOverTerms.contains(message.term());
		return FeedFollower.toMessage(message, this.sessions.sessionOf(message, handedOver));
	}

	private void noteTerm(long term) {
		if (term > this.term) {
			if (this.term >= 0) {
				this.termChanges.increment();
			}
			this.term = term;
		}
	}

	/**
	 * Return the latest term read.
	 */
	long term() {
		return this.term;
	}

	/**
	 * Return the term of the leader that offered its upstream and has not been taken over
	 * yet, or {@code -1}.
	 */
	long offered() {
		return this.offered;
	}

	/**
	 * Return the term a hand-over is aligned for: every topic the old term delivered
	 * during it has met the new term's. {@code -1} when none is.
	 */
	long alignedTerm() {
		TermHandOver handOver = this.handOver;
		return (handOver != null && handOver.isAligned()) ? handOver.newTerm() : -1;
	}

	/**
	 * Return the lowest term any partition still delivers messages of: a leader whose
	 * term is below it is fenced out everywhere.
	 */
	long lowestDeliveredTerm() {
		long lowest = Long.MAX_VALUE;
		for (Fence fence : this.partitions.values()) {
			lowest = Math.min(lowest, fence.term);
		}
		return (lowest != Long.MAX_VALUE) ? lowest : -1;
	}

	/**
	 * Return how many messages a hand-over dropped as delivered already.
	 */
	long supersededCount() {
		TermHandOver handOver = this.handOver;
		return (handOver != null) ? handOver.supersededCount() : 0;
	}

	/**
	 * One partition's terms.
	 */
	private static final class Fence {

		/**
		 * The term whose messages are delivered; earlier ones are fenced.
		 */
		long term = -1;

		/**
		 * The term being handed over to, or {@code -1}.
		 */
		long handingOverTo = -1;

	}

}
