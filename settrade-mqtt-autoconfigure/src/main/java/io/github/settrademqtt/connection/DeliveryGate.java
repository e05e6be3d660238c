package io.github.settrademqtt.connection;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

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
 *
 * @author settrade-mqtt
 */
final class DeliveryGate {

	/**
	 * Messages remembered per topic while the streams line up; a topic far busier than
	 * this during one rotation falls back to best effort.
	 */
	private static final int MAX_REMEMBERED = 8192;

	private final Downstream downstream;

	private final LongSupplier nanoClock;

	private final LongAdder superseded = new LongAdder();

	private volatile @Nullable Delivering delivering;

	private volatile @Nullable Overlap overlap;

	DeliveryGate(Downstream downstream, LongSupplier nanoClock) {
		this.downstream = downstream;
		this.nanoClock = nanoClock;
	}

	/**
	 * Deliver the given connection's messages from now on, and nobody else's.
	 * @param facts the facts of the connection
	 */
	void deliverFrom(SessionFacts facts) {
		this.overlap = null;
		this.delivering = new Delivering(facts);
	}

	/**
	 * Deliver nothing until {@link #deliverFrom} is called again.
	 */
	void close() {
		this.overlap = null;
		this.delivering = null;
	}

	/**
	 * Accept a message from a connection. Never throws: Paho drops a connection whose
	 * listener throws.
	 * @param epoch the epoch of the connection the message arrived on
	 * @param message the message
	 * @param received when it arrived
	 */
	void accept(long epoch, Message<?> message, Received received) {
		Overlap overlap = this.overlap;
		if (overlap != null) {
			overlap.accept(epoch, new Arrival(message, received));
			return;
		}
		Delivering delivering = this.delivering;
		if (delivering != null && delivering.facts.epoch() == epoch) {
			emit(delivering, new Arrival(message, received));
		}
		else {
			this.superseded.increment();
		}
	}

	/**
	 * Start an overlap with a new connection, while the current one keeps delivering.
	 * @param newEpoch the epoch of the new connection
	 * @return the overlap
	 */
	Overlap beginOverlap(long newEpoch) {
		Delivering old = this.delivering;
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
	 * @return the count
	 */
	long supersededCount() {
		return this.superseded.sum();
	}

	private void emit(Delivering delivering, Arrival arrival) {
		try {
			this.downstream.deliver(MessageBuilder.fromMessage(arrival.message)
				.setHeader(SettradeMqttHeaders.SESSION, delivering.facts)
				.setHeader(SettradeMqttHeaders.EPOCH, delivering.facts.epoch())
				.setHeader(SettradeMqttHeaders.RECEIVED_AT, arrival.received.at())
				.setHeader(SettradeMqttHeaders.RECEIVED_NANOS, arrival.received.nanos())
				.build());
		}
		catch (RuntimeException ex) {
			this.downstream.failed(arrival.message, ex);
		}
	}

	private static @Nullable String topic(Message<?> message) {
		return message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
	}

	/**
	 * Where delivered messages go.
	 */
	interface Downstream {

		void deliver(Message<?> message);

		void failed(Message<?> message, RuntimeException ex);

	}

	private record Delivering(SessionFacts facts) {

	}

	/**
	 * When a message arrived: stamped on Paho's thread, before anything else.
	 *
	 * @param at the wall-clock time
	 * @param nanos the monotonic time
	 */
	record Received(Instant at, long nanos) {

	}

	private record Arrival(Message<?> message, Received received) {

		byte[] payload() {
			return (this.message.getPayload() instanceof byte[] bytes) ? bytes : new byte[0];
		}

	}

	/**
	 * One rotation's overlap of an old and a new connection.
	 */
	final class Overlap {

		private final Delivering old;

		private final long newEpoch;

		private final Map<String, Streams> topics = new HashMap<>();

		private @Nullable Delivering next;

		private long newSubscribedNanos;

		Overlap(Delivering old, long newEpoch) {
			this.old = old;
			this.newEpoch = newEpoch;
		}

		synchronized void accept(long epoch, Arrival arrival) {
			String topic = topic(arrival.message);
			if (topic == null) {
				DeliveryGate.this.superseded.increment();
				return;
			}
			Streams streams = this.topics.computeIfAbsent(topic, (key) -> new Streams());
			if (epoch == this.old.facts.epoch()) {
				acceptFromOld(streams, arrival);
			}
			else if (epoch == this.newEpoch) {
				acceptFromNew(streams, arrival);
			}
			else {
				DeliveryGate.this.superseded.increment();
			}
		}

		private void acceptFromOld(Streams streams, Arrival arrival) {
			if (this.next != null) {
				// handed over: the new connection has this one, or had it already
				DeliveryGate.this.superseded.increment();
				return;
			}
			streams.lastOldNanos = DeliveryGate.this.nanoClock.getAsLong();
			Arrival held = streams.heldFromNew.peekFirst();
			if (held != null && Arrays.equals(held.payload(), arrival.payload())) {
				streams.heldFromNew.pollFirst();
				streams.aligned = true;
			}
			else {
				streams.deliveredByOld.addLast(arrival.payload());
				if (streams.deliveredByOld.size() > MAX_REMEMBERED) {
					streams.deliveredByOld.pollFirst();
				}
			}
			emit(this.old, arrival);
			notifyAll();
		}

		private void acceptFromNew(Streams streams, Arrival arrival) {
			if (dropIfDeliveredByOld(streams, arrival.payload())) {
				streams.aligned = true;
				notifyAll();
				return;
			}
			Delivering next = this.next;
			if (next != null) {
				emit(next, arrival);
			}
			else if (streams.heldFromNew.size() < MAX_REMEMBERED) {
				streams.heldFromNew.addLast(arrival);
			}
		}

		/**
		 * Drop a message the old connection already delivered, with everything the old
		 * one delivered before it: the new connection subscribed after those and will
		 * never see them.
		 */
		private boolean dropIfDeliveredByOld(Streams streams, byte[] payload) {
			int index = 0;
			for (byte[] delivered : streams.deliveredByOld) {
				if (Arrays.equals(delivered, payload)) {
					for (int i = 0; i <= index; i++) {
						streams.deliveredByOld.pollFirst();
					}
					return true;
				}
				index++;
			}
			return false;
		}

		synchronized void newSubscribed() {
			this.newSubscribedNanos = DeliveryGate.this.nanoClock.getAsLong();
		}

		/**
		 * Wait until the two connections' streams line up: every topic the old connection
		 * delivered on since the new one subscribed has been matched, or has been quiet
		 * for the settle time, which lets in-flight messages reach the old connection.
		 * @param settle the settle time
		 * @param deadlineNanos when to stop waiting
		 * @return whether the streams lined up before the deadline
		 */
		synchronized boolean awaitAligned(long settle, long deadlineNanos) throws InterruptedException {
			while (true) {
				long now = DeliveryGate.this.nanoClock.getAsLong();
				if (isAligned(now, settle)) {
					return true;
				}
				long remaining = deadlineNanos - now;
				if (remaining <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this, Math.min(remaining, settle));
			}
		}

		private boolean isAligned(long now, long settle) {
			if (now - this.newSubscribedNanos < settle) {
				return false;
			}
			for (Streams streams : this.topics.values()) {
				boolean busySinceSubscribed = streams.lastOldNanos - this.newSubscribedNanos > 0;
				boolean quiet = now - streams.lastOldNanos >= settle;
				if (busySinceSubscribed && !streams.aligned && !quiet) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Hand delivery over to the new connection: first what it held back, then
		 * whatever it receives next.
		 * @param facts the facts of the new connection
		 */
		synchronized void handOver(SessionFacts facts) {
			Delivering next = new Delivering(facts);
			this.next = next;
			for (Streams streams : this.topics.values()) {
				for (Iterator<Arrival> held = streams.heldFromNew.iterator(); held.hasNext();) {
					emit(next, held.next());
					held.remove();
				}
			}
			DeliveryGate.this.delivering = next;
		}

		/**
		 * End the overlap: from now on only the new connection's messages are compared
		 * with nothing and delivered directly.
		 */
		void finish() {
			if (DeliveryGate.this.overlap == this) {
				DeliveryGate.this.overlap = null;
			}
		}

		/**
		 * Abandon the overlap without handing over: the old connection keeps delivering.
		 */
		void cancel() {
			if (DeliveryGate.this.overlap == this) {
				DeliveryGate.this.overlap = null;
			}
		}

	}

	private static final class Streams {

		private final Deque<byte[]> deliveredByOld = new ArrayDeque<>();

		private final Deque<Arrival> heldFromNew = new ArrayDeque<>();

		private boolean aligned;

		private long lastOldNanos = Long.MIN_VALUE / 2;

	}

}
