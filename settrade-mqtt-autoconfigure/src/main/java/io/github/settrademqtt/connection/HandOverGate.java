package io.github.settrademqtt.connection;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.GenericMessage;

/**
 * Decides which connection's messages reach the application: only the current one's, so a
 * message from a superseded connection is never delivered.
 * <p>
 * During an overlap rotation both connections receive the same stream of each topic, the
 * new one starting somewhere in the old one's. Both deliver the same bytes in the same
 * order, so the gate lines the two streams up by payload: the old connection keeps
 * delivering, the new one's messages are matched against what the old one delivered (and
 * dropped as duplicates) or held back. Once every busy topic has lined up, delivery is
 * handed to the new connection with what it held back: no message lost, none twice.
 * <p>
 * A broker that cannot keep up drops QoS 0 messages, different ones on each connection.
 * Then still none is delivered twice, and a message only the old connection received is
 * delivered if it came before the hand-over. A message only the new connection received,
 * behind one the old connection delivered before the hand-over, cannot come before that
 * one (the new connection's messages reach the application only after the hand-over): it
 * is dropped once a later message both received shows where it belongs; otherwise it is
 * delivered late, as the gate cannot tell it from a message past what the old connection
 * delivered (the new one having missed that). Every other message comes in order.
 * <p>
 * What keeps the matching correct:
 * <ul>
 * <li>Only what the old connection delivered after the new one's SUBSCRIBE went out is
 * remembered: nothing older can be in the new connection's stream, so nothing older can
 * swallow a new message that happens to carry the same bytes (a book that goes back to an
 * earlier state).</li>
 * <li>A message is looked for among all the other connection's unmatched messages, oldest
 * first, since either connection may lack some of the other's. A match settles what is
 * unmatched before it on both sides: what the old connection delivered the new one missed
 * (or subscribed after), what the new one held back the old one missed, and it is dropped
 * as it cannot come after the later message the old one delivered. A message found
 * nowhere is held back, and the other side's stay remembered.</li>
 * <li>A topic quiet on the old connection for the settle time forgets what the old one
 * delivered that the new one has not shown, which the new one missed or would have shown
 * by then: at the hand-over if it never lined up, otherwise at the new connection's next
 * message after the hand-over. Until then a remembered message the new connection missed
 * can swallow a new one with the same bytes.</li>
 * <li>Memory is bounded per topic; a topic so busy that it overflows falls back to best
 * effort.</li>
 * </ul>
 * Work per message stays constant during an overlap: a search compares at most the
 * bounded number of messages a topic remembers, each topic has a lock of its own (the old
 * and the new connection's threads are the only ones that meet there), the waiting
 * rotation is woken only when the last busy topic lines up, and nothing scans every topic
 * on a message's path.
 *
 * @author settrade-mqtt
 */
final class HandOverGate {

	/**
	 * Messages remembered per topic and side while the streams line up; a topic far
	 * busier than this during one rotation falls back to best effort.
	 */
	static final int MAX_REMEMBERED = 512;

	/**
	 * The longest a waiting rotation sleeps before it looks again at quiet topics and
	 * closed connections.
	 */
	private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final Consumer<Message<?>> downstream;

	private final LongSupplier nanoClock;

	private final LongAdder superseded = new LongAdder();

	private volatile @Nullable SessionFacts delivering;

	private volatile @Nullable Overlap overlap;

	/**
	 * Create a gate that hands what it delivers to {@code downstream}, which must not
	 * throw.
	 */
	HandOverGate(Consumer<Message<?>> downstream, LongSupplier nanoClock) {
		this.downstream = downstream;
		this.nanoClock = nanoClock;
	}

	/**
	 * Deliver the given connection's messages from now on, and nobody else's.
	 */
	void deliverFrom(SessionFacts facts) {
		this.overlap = null;
		this.delivering = facts;
	}

	/**
	 * Deliver nothing until {@link #deliverFrom} is called again.
	 */
	void close() {
		this.overlap = null;
		this.delivering = null;
	}

	/**
	 * Return the epoch of the connection that is delivering, {@code 0} when none is.
	 */
	long deliveringEpoch() {
		SessionFacts delivering = this.delivering;
		return (delivering != null) ? delivering.epoch() : 0;
	}

	/**
	 * Accept a message from a connection. Never throws: Paho drops a connection whose
	 * listener throws.
	 */
	void accept(long epoch, String topic, MqttMessage message, Received received) {
		Overlap overlap = this.overlap;
		if (overlap != null) {
			overlap.accept(epoch, new Arrival(topic, message, received));
			return;
		}
		SessionFacts delivering = this.delivering;
		if (delivering != null && delivering.epoch() == epoch) {
			emit(delivering, new Arrival(topic, message, received));
		}
		else {
			this.superseded.increment();
		}
	}

	/**
	 * Start an overlap with a new connection, while the current one keeps delivering.
	 */
	Overlap beginOverlap(long newEpoch) {
		SessionFacts old = this.delivering;
		if (old == null) {
			throw new IllegalStateException("No connection is delivering: there is nothing to overlap with");
		}
		Overlap overlap = new Overlap(old, newEpoch);
		this.overlap = overlap;
		return overlap;
	}

	/**
	 * Return how many messages were dropped because they came from a connection that was
	 * not delivering.
	 */
	long supersededCount() {
		return this.superseded.sum();
	}

	/**
	 * Build the one Spring message of an MQTT message, every header at once (the headers
	 * Spring Integration's Paho converter sets, and the session's), and send it on.
	 */
	private void emit(SessionFacts delivering, Arrival arrival) {
		MqttMessage mqtt = arrival.message;
		this.downstream.accept(new GenericMessage<>(mqtt.getPayload(),
				Map.of(MqttHeaders.RECEIVED_TOPIC, arrival.topic, MqttHeaders.ID, mqtt.getId(),
						MqttHeaders.RECEIVED_QOS, mqtt.getQos(), MqttHeaders.DUPLICATE, mqtt.isDuplicate(),
						MqttHeaders.RECEIVED_RETAINED, mqtt.isRetained(), SettradeMqttHeaders.SESSION, delivering,
						SettradeMqttHeaders.EPOCH, delivering.epoch(), SettradeMqttHeaders.RECEIVED_AT,
						arrival.received.at(), SettradeMqttHeaders.RECEIVED_NANOS, arrival.received.nanos())));
	}

	/**
	 * When a message arrived: stamped on Paho's thread, before anything else.
	 *
	 * @param at the wall-clock time
	 * @param nanos the monotonic time
	 */
	record Received(Instant at, long nanos) {

	}

	private record Arrival(String topic, MqttMessage message, Received received) {

		byte[] payload() {
			return this.message.getPayload();
		}

	}

	/**
	 * How waiting for the two connections to line up ended.
	 */
	enum Alignment {

		/**
		 * Every busy topic lined up or went quiet: the new connection can take over.
		 */
		ALIGNED,

		/**
		 * The deadline passed first.
		 */
		TIMED_OUT,

		/**
		 * The old connection closed while waiting.
		 */
		OLD_CLOSED,

		/**
		 * The new connection closed while waiting.
		 */
		NEW_CLOSED

	}

	/**
	 * One rotation's overlap of an old and a new connection.
	 */
	final class Overlap {

		private final SessionFacts old;

		private final long newEpoch;

		private final Map<String, Streams> topics = new ConcurrentHashMap<>();

		/**
		 * Topics the old connection delivered on since the new one subscribed that have
		 * not lined up yet: only these can hold up the hand-over.
		 */
		private final Set<Streams> unaligned = ConcurrentHashMap.newKeySet();

		private final LongAdder newArrivals = new LongAdder();

		private volatile boolean recording;

		private volatile @Nullable Set<String> granted;

		private volatile long subscribedNanos;

		private volatile @Nullable SessionFacts next;

		/**
		 * The settle time of the hand-over: set before {@link #next}.
		 */
		private long settleNanos;

		private volatile @Nullable Thread waiter;

		Overlap(SessionFacts old, long newEpoch) {
			this.old = old;
			this.newEpoch = newEpoch;
		}

		void accept(long epoch, Arrival arrival) {
			String topic = arrival.topic;
			if (epoch == this.old.epoch()) {
				acceptFromOld(streams(topic), arrival);
			}
			else if (epoch == this.newEpoch) {
				this.newArrivals.increment();
				acceptFromNew(streams(topic), arrival);
			}
			else {
				HandOverGate.this.superseded.increment();
			}
		}

		private Streams streams(String topic) {
			Streams streams = this.topics.get(topic);
			return (streams != null) ? streams : this.topics.computeIfAbsent(topic,
					(key) -> new Streams(key, HandOverGate.this.nanoClock.getAsLong()));
		}

		private void acceptFromOld(Streams streams, Arrival arrival) {
			synchronized (streams) {
				if (this.next != null) {
					// handed over: the new connection has this one, or had it already
					HandOverGate.this.superseded.increment();
					return;
				}
				streams.lastOldNanos = HandOverGate.this.nanoClock.getAsLong();
				if (this.recording && !streams.aligned && mustAlign(streams)) {
					this.unaligned.add(streams);
				}
				int index = indexOf(streams.held, Arrival::payload, arrival.payload());
				if (index >= 0) {
					// the old connection caught up with the new one: whatever it
					// delivered before precedes the new stream, and what the new one held
					// before this the old one missed; it cannot come after this one
					dropThrough(streams.held, index);
					streams.fromOld.clear();
					aligned(streams);
				}
				else if (this.recording) {
					// ahead of the new connection, or before its stream, or a message it
					// missed
					remember(streams.fromOld, arrival.payload());
				}
				emit(this.old, arrival);
			}
		}

		private void acceptFromNew(Streams streams, Arrival arrival) {
			synchronized (streams) {
				SessionFacts next = this.next;
				if (next != null) {
					flushHeld(streams, next);
				}
				if (matchesOld(streams, arrival.payload())) {
					return;
				}
				if (next != null) {
					emit(next, arrival);
				}
				else if (streams.held.size() < MAX_REMEMBERED) {
					streams.held.addLast(arrival);
				}
				else {
					// the new connection is far ahead of the old one on this topic:
					// best effort
					HandOverGate.this.superseded.increment();
				}
			}
		}

		/**
		 * Drop a new message the old connection delivered already, with everything the
		 * old one delivered before it (the new connection subscribed after those, or
		 * missed them) and everything the new one held back before it (the old connection
		 * missed those, and delivered this later one). A message found nowhere is kept
		 * apart from what the old one delivered, which stays remembered: the old
		 * connection may have missed it. After the hand-over, what the old one delivered
		 * is forgotten once it has been quiet for the settle time, rather than left to
		 * match a later message with the same bytes: the new connection would have shown
		 * it by then.
		 */
		private boolean matchesOld(Streams streams, byte[] payload) {
			ArrayDeque<byte[]> fromOld = streams.fromOld;
			if (fromOld.isEmpty()) {
				return false;
			}
			if (this.next != null && isQuiet(streams, HandOverGate.this.nanoClock.getAsLong(), this.settleNanos)) {
				fromOld.clear();
				return false;
			}
			int index = indexOf(fromOld, Function.identity(), payload);
			if (index < 0) {
				return false;
			}
			dropThrough(fromOld, index);
			streams.held.clear();
			aligned(streams);
			return true;
		}

		/**
		 * Return where the first message with the given payload is, {@code -1} when none
		 * has it; at most {@link #MAX_REMEMBERED} are compared.
		 */
		private static <T> int indexOf(ArrayDeque<T> messages, Function<T, byte[]> payloadOf, byte[] payload) {
			int index = 0;
			for (T message : messages) {
				if (Arrays.equals(payloadOf.apply(message), payload)) {
					return index;
				}
				index++;
			}
			return -1;
		}

		private static void dropThrough(ArrayDeque<?> messages, int index) {
			for (int i = 0; i <= index; i++) {
				messages.pollFirst();
			}
		}

		private void remember(ArrayDeque<byte[]> messages, byte[] payload) {
			messages.addLast(payload);
			if (messages.size() > MAX_REMEMBERED) {
				messages.pollFirst();
			}
		}

		private boolean mustAlign(Streams streams) {
			Set<String> granted = this.granted;
			return granted == null || granted.contains(streams.topic);
		}

		private void aligned(Streams streams) {
			if (!streams.aligned) {
				streams.aligned = true;
				if (this.unaligned.remove(streams) && this.unaligned.isEmpty()) {
					wakeWaiter();
				}
			}
		}

		private void wakeWaiter() {
			Thread waiter = this.waiter;
			if (waiter != null) {
				LockSupport.unpark(waiter);
			}
		}

		private void flushHeld(Streams streams, SessionFacts next) {
			for (Iterator<Arrival> held = streams.held.iterator(); held.hasNext();) {
				emit(next, held.next());
				held.remove();
			}
		}

		/**
		 * Start remembering what the old connection delivers: called just before the new
		 * connection's first SUBSCRIBE goes out.
		 */
		void subscribing() {
			this.recording = true;
		}

		/**
		 * Say which topics the new connection holds: only those have to line up. A topic
		 * the broker refused on the new connection, or one released meanwhile, cannot.
		 */
		void subscribed(Collection<String> granted) {
			Set<String> topics = Set.copyOf(granted);
			this.granted = topics;
			this.subscribedNanos = HandOverGate.this.nanoClock.getAsLong();
			this.unaligned.removeIf((streams) -> !topics.contains(streams.topic));
			if (this.unaligned.isEmpty()) {
				wakeWaiter();
			}
		}

		/**
		 * Return how many messages a topic holds in memory, both sides together.
		 */
		int remembered(String topic) {
			Streams streams = this.topics.get(topic);
			if (streams == null) {
				return 0;
			}
			synchronized (streams) {
				return streams.fromOld.size() + streams.held.size();
			}
		}

		/**
		 * Return how many messages the new connection received so far.
		 */
		long newArrivals() {
			return this.newArrivals.sum();
		}

		/**
		 * Wait until the two connections' streams line up: every topic the old connection
		 * delivered on since the new one subscribed has been matched, or has been quiet
		 * for the settle time, which lets in-flight messages reach the new connection.
		 * Returns early when either connection closes.
		 */
		Alignment awaitAligned(long settleNanos, long deadlineNanos, BooleanSupplier oldOpen, BooleanSupplier newOpen)
				throws InterruptedException {
			this.waiter = Thread.currentThread();
			try {
				while (true) {
					if (!newOpen.getAsBoolean()) {
						return Alignment.NEW_CLOSED;
					}
					if (!oldOpen.getAsBoolean()) {
						return Alignment.OLD_CLOSED;
					}
					long now = HandOverGate.this.nanoClock.getAsLong();
					if (isAligned(now, settleNanos)) {
						return Alignment.ALIGNED;
					}
					long remaining = deadlineNanos - now;
					if (remaining <= 0) {
						return Alignment.TIMED_OUT;
					}
					LockSupport.parkNanos(this, Math.min(remaining, Math.min(settleNanos, POLL_NANOS)));
					if (Thread.interrupted()) {
						throw new InterruptedException();
					}
				}
			}
			finally {
				this.waiter = null;
			}
		}

		private static boolean isQuiet(Streams streams, long now, long settleNanos) {
			return now - streams.lastOldNanos >= settleNanos;
		}

		private boolean isAligned(long now, long settleNanos) {
			if (now - this.subscribedNanos < settleNanos) {
				// what the old connection was sent before the new one subscribed may
				// still be on its way
				return false;
			}
			for (Streams streams : this.unaligned) {
				if (!isQuiet(streams, now, settleNanos)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Hand delivery over to the new connection: first what it held back, then
		 * whatever it receives next. A topic that never lined up and has been quiet on
		 * the old connection for the settle time forgets what the old one delivered.
		 */
		void handOver(SessionFacts facts, long settleNanos) {
			this.settleNanos = settleNanos;
			this.next = facts;
			HandOverGate.this.delivering = facts;
			long now = HandOverGate.this.nanoClock.getAsLong();
			for (Streams streams : this.topics.values()) {
				synchronized (streams) {
					flushHeld(streams, facts);
					if (!streams.aligned && isQuiet(streams, now, settleNanos)) {
						streams.fromOld.clear();
					}
				}
			}
		}

		/**
		 * End the overlap: after a hand-over the new connection's messages are delivered
		 * directly from now on, compared with nothing; without one, the old connection
		 * keeps delivering.
		 */
		void end() {
			if (HandOverGate.this.overlap == this) {
				HandOverGate.this.overlap = null;
			}
		}

	}

	/**
	 * One topic's two streams during an overlap; guarded by its own monitor.
	 */
	private static final class Streams {

		private final String topic;

		/**
		 * What the old connection delivered since the new one subscribed that the new one
		 * has not shown yet.
		 */
		private final ArrayDeque<byte[]> fromOld = new ArrayDeque<>();

		/**
		 * What the new connection received that the old one has not delivered yet.
		 */
		private final ArrayDeque<Arrival> held = new ArrayDeque<>();

		private boolean aligned;

		/**
		 * When the old connection last delivered on this topic; a day before the overlap
		 * began if it has not.
		 */
		private volatile long lastOldNanos;

		Streams(String topic, long createdNanos) {
			this.topic = topic;
			this.lastOldNanos = createdNanos - TimeUnit.DAYS.toNanos(1);
		}

	}

}
