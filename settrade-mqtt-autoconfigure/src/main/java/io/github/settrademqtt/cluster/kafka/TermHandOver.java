package io.github.settrademqtt.cluster.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.Message;

/**
 * De-duplicates the feed across a hand-over between two leaders' terms: while both
 * publish, each Settrade topic's messages come twice, once per leader connection,
 * interleaved on the topic's partition. Per topic it delivers the old term's messages
 * until the two streams meet (a message of one equal, byte for byte, to one of the
 * other), then the new term's only, so that every message is delivered once and in order,
 * as the rotation gate does across two connections of one leader:
 * <ul>
 * <li>a new-term message equal to an old one already delivered switches the topic to the
 * new term; the new term's next messages equal to the old ones delivered after it are
 * dropped, being those again;</li>
 * <li>a new-term message with no equal yet waits; when the old term delivers its equal,
 * the topic switches and the waiting messages after it are delivered;</li>
 * <li>once switched, the old term's messages are dropped.</li>
 * </ul>
 * When the hand-over {@linkplain #finish(int) finishes} on a partition, its topics that
 * have not switched deliver their waiting new-term messages and switch. Used by one
 * thread.
 *
 * @author settrade-mqtt
 */
final class TermHandOver {

	/**
	 * Old-term payloads remembered per topic to meet the new term's: more than a
	 * connection's start takes on a busy topic.
	 */
	private static final int REMEMBERED = 256;

	/**
	 * New-term messages held per topic waiting for the old term to meet them; past it the
	 * topic switches without meeting (the old leader no longer delivers it).
	 */
	private static final int WAITING = 1024;

	private final long oldTerm;

	private final long newTerm;

	private final Map<String, Topic> topics = new HashMap<>();

	private long superseded;

	TermHandOver(long oldTerm, long newTerm) {
		this.oldTerm = oldTerm;
		this.newTerm = newTerm;
	}

	long oldTerm() {
		return this.oldTerm;
	}

	long newTerm() {
		return this.newTerm;
	}

	/**
	 * Return how many messages were dropped as delivered already, or as overtaken.
	 */
	long supersededCount() {
		return this.superseded;
	}

	/**
	 * Take a message of either term and return what to deliver now, in order.
	 * @param partition the message's partition
	 * @param topic its Settrade topic
	 * @param term its term, the old or the new one
	 * @param message the message
	 */
	List<Message<byte[]>> offer(int partition, String topic, long term, Message<byte[]> message) {
		Topic state = this.topics.computeIfAbsent(topic, (key) -> new Topic(partition));
		return (term == this.newTerm) ? state.offerNew(message) : state.offerOld(message);
	}

	/**
	 * Return whether the two terms are aligned: no new-term message waits for the old
	 * term, and every topic both terms delivered during the hand-over has met. A topic
	 * only the old term delivered is not waited for: once the new leader's subscriptions
	 * are active it gets every message the old one does, and a repeat of one the old term
	 * delivered is still recognised after the hand-over (see {@link #finish(int)}).
	 */
	boolean isAligned() {
		for (Topic topic : this.topics.values()) {
			if (!topic.switched && !topic.waiting.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/**
	 * End the hand-over on a partition: its topics switch to the new term, delivering
	 * their waiting messages. Returns those, in order per topic. A topic that switches so
	 * without having met still looks for its first new-term message among the old term's
	 * last ones: if it is one of them, it and the repeats after it are dropped.
	 */
	List<Message<byte[]>> finish(int partition) {
		List<Message<byte[]>> released = new ArrayList<>();
		for (Topic topic : this.topics.values()) {
			if (topic.partition == partition && !topic.switched) {
				released.addAll(topic.waiting);
				topic.meetOnce = topic.waiting.isEmpty();
				topic.waiting.clear();
				topic.switched = true;
			}
		}
		return released;
	}

	/**
	 * After the hand-over, tell whether a new-term message is one the old term delivered
	 * already: a topic that switched on meeting may still expect a few.
	 */
	boolean isRepeat(String topic, byte[] payload) {
		Topic state = this.topics.get(topic);
		return state != null && state.skip(payload);
	}

	/**
	 * One topic's state.
	 */
	private final class Topic {

		private final int partition;

		private final Deque<byte[]> delivered = new ArrayDeque<>();

		private final Deque<Message<byte[]>> waiting = new ArrayDeque<>();

		private final Deque<byte[]> repeats = new ArrayDeque<>();

		private boolean switched;

		/**
		 * Whether the next new-term message is still to be looked for among the old
		 * term's: a topic that switched at the end of the hand-over without meeting.
		 */
		private boolean meetOnce;

		Topic(int partition) {
			this.partition = partition;
		}

		List<Message<byte[]>> offerOld(Message<byte[]> message) {
			if (this.switched) {
				TermHandOver.this.superseded++;
				return List.of();
			}
			byte[] payload = message.getPayload();
			remember(payload);
			List<Message<byte[]>> out = new ArrayList<>();
			out.add(message);
			if (dropWaitingUpTo(payload)) {
				out.addAll(this.waiting);
				this.waiting.clear();
				this.switched = true;
			}
			return out;
		}

		List<Message<byte[]>> offerNew(Message<byte[]> message) {
			byte[] payload = message.getPayload();
			if (this.switched) {
				return skip(payload) ? List.of() : List.of(message);
			}
			if (meetDelivered(payload)) {
				// the ones waiting came before it and were never delivered by the old
				// term: late now, they would come out of order
				TermHandOver.this.superseded += this.waiting.size() + 1;
				this.waiting.clear();
				this.switched = true;
				return List.of();
			}
			this.waiting.add(message);
			if (this.waiting.size() > WAITING) {
				List<Message<byte[]>> out = new ArrayList<>(this.waiting);
				this.waiting.clear();
				this.switched = true;
				return out;
			}
			return List.of();
		}

		/**
		 * Drop the waiting new-term messages up to and including one equal to
		 * {@code payload}; return whether there was one.
		 */
		private boolean dropWaitingUpTo(byte[] payload) {
			int index = 0;
			for (Message<byte[]> waiting : this.waiting) {
				if (Arrays.equals(waiting.getPayload(), payload)) {
					for (int i = 0; i <= index; i++) {
						this.waiting.removeFirst();
					}
					TermHandOver.this.superseded += index + 1;
					return true;
				}
				index++;
			}
			return false;
		}

		/**
		 * Find {@code payload} among the delivered old-term payloads; if found, what was
		 * delivered after it is what the new term will repeat next.
		 */
		private boolean meetDelivered(byte[] payload) {
			Iterator<byte[]> delivered = this.delivered.iterator();
			while (delivered.hasNext()) {
				if (Arrays.equals(delivered.next(), payload)) {
					delivered.forEachRemaining(this.repeats::add);
					this.delivered.clear();
					return true;
				}
			}
			return false;
		}

		/**
		 * Tell whether {@code payload} is the next repeat of the old term's; a message
		 * that is not ends the repeats.
		 */
		boolean skip(byte[] payload) {
			if (this.meetOnce) {
				this.meetOnce = false;
				if (meetDelivered(payload)) {
					TermHandOver.this.superseded++;
					return true;
				}
				this.delivered.clear();
				return false;
			}
			byte[] next = this.repeats.peekFirst();
			if (next == null) {
				return false;
			}
			if (Arrays.equals(next, payload)) {
				this.repeats.removeFirst();
				TermHandOver.this.superseded++;
				return true;
			}
			this.repeats.clear();
			return false;
		}

		private void remember(byte[] payload) {
			this.delivered.addLast(payload);
			if (this.delivered.size() > REMEMBERED) {
				this.delivered.removeFirst();
			}
		}

	}

}
