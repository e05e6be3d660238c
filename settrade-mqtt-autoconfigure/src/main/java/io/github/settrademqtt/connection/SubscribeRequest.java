package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.jspecify.annotations.Nullable;

/**
 * The SUBSCRIBE packets sent for a set of topics, and the broker's answers as they come.
 * Sending does not wait: the request says when every packet is answered, so that the
 * connection's thread is free meanwhile, for a heal above all, on a connection that may
 * have stopped answering. Whoever waits decides how long.
 *
 * @author settrade-mqtt
 */
final class SubscribeRequest {

	/**
	 * The SUBACK return code of a refused subscription.
	 */
	private static final int SUBSCRIBE_FAILURE = 0x80;

	private final List<String> topics;

	private final long sentAtNanos;

	private final List<Packet> packets = new ArrayList<>();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final Consumer<SubscribeRequest> whenAnswered;

	/**
	 * Whether the answers were taken; the connection's thread's only.
	 */
	private boolean taken;

	/**
	 * Create a request; packets are added with {@link #send}.
	 * @param topics every topic of the request
	 * @param sentAtNanos when it was sent, on the monotonic clock
	 * @param whenAnswered called once every packet is answered or failed, on the thread
	 * that saw the last answer; it must not block
	 */
	SubscribeRequest(List<String> topics, long sentAtNanos, Consumer<SubscribeRequest> whenAnswered) {
		this.topics = List.copyOf(topics);
		this.sentAtNanos = sentAtNanos;
		this.whenAnswered = whenAnswered;
		// held until every packet is out, so an answer that comes at once cannot
		// complete the request early
		this.unanswered.set(1);
	}

	/**
	 * Send one SUBSCRIBE packet at QoS 0.
	 * @param sender sends the packet with the listener to tell of its answer
	 * @param batch the packet's topics
	 */
	void send(Sender sender, List<String> batch) {
		Packet packet = new Packet(batch);
		this.packets.add(packet);
		this.unanswered.incrementAndGet();
		try {
			packet.token = sender.send(batch.toArray(String[]::new), new int[batch.size()], packet);
		}
		catch (MqttException | RuntimeException ex) {
			packet.failure = ex;
			packet.answered();
		}
	}

	/**
	 * Mark the last packet sent: from now on the last answer completes the request.
	 * @return this request
	 */
	SubscribeRequest sent() {
		countDown();
		return this;
	}

	private void countDown() {
		if (this.unanswered.decrementAndGet() == 0) {
			this.whenAnswered.accept(this);
		}
	}

	List<String> topics() {
		return this.topics;
	}

	long sentAtNanos() {
		return this.sentAtNanos;
	}

	/**
	 * Return whether every packet was answered or failed.
	 * @return whether it is complete
	 */
	boolean isAnswered() {
		return this.unanswered.get() == 0;
	}

	/**
	 * Wait until every packet is answered, or the timeout passes, whichever comes first.
	 * @param timeoutMillis how long to wait for all of them together
	 */
	void await(long timeoutMillis) {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		for (Packet packet : this.packets) {
			IMqttToken token = packet.token;
			long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
			if (token == null || token.isComplete() || remaining <= 0) {
				continue;
			}
			try {
				token.waitForCompletion(remaining);
			}
			catch (MqttException ex) {
				// told by the outcome
			}
		}
	}

	/**
	 * Take the answers, once: the first caller of the connection's thread gets
	 * {@code true}, whether the answer or the timeout came first.
	 * @return whether the answers were not taken before
	 */
	boolean take() {
		boolean first = !this.taken;
		this.taken = true;
		return first;
	}

	/**
	 * Return the broker's answer for each topic so far: a packet not answered yet counts
	 * as unanswered.
	 * @param timeoutMillis the timeout waited, for the reason of an unanswered packet
	 * @return one outcome per topic, in order
	 */
	List<SubscribeOutcome> outcomes(long timeoutMillis) {
		List<SubscribeOutcome> outcomes = new ArrayList<>(this.topics.size());
		for (Packet packet : this.packets) {
			packet.outcomes(timeoutMillis, outcomes);
		}
		return outcomes;
	}

	/**
	 * Sends a SUBSCRIBE packet: Paho's {@code subscribe} with an action listener.
	 */
	@FunctionalInterface
	interface Sender {

		IMqttToken send(String[] topics, int[] qos, IMqttActionListener listener) throws MqttException;

	}

	/**
	 * One SUBSCRIBE packet: sent, answered, or failed to send.
	 */
	private final class Packet implements IMqttActionListener {

		private final List<String> topics;

		private volatile @Nullable IMqttToken token;

		private volatile @Nullable Exception failure;

		private final AtomicInteger answers = new AtomicInteger();

		Packet(List<String> topics) {
			this.topics = topics;
		}

		@Override
		public void onSuccess(IMqttToken asyncActionToken) {
			answered();
		}

		@Override
		public void onFailure(IMqttToken asyncActionToken, Throwable exception) {
			answered();
		}

		void answered() {
			// Paho tells once, but a send that throws after registering must not count
			// twice
			if (this.answers.getAndIncrement() == 0) {
				countDown();
			}
		}

		void outcomes(long timeoutMillis, List<SubscribeOutcome> outcomes) {
			IMqttToken token = this.token;
			Exception failure = this.failure;
			if (failure == null && token != null && token.getException() != null) {
				failure = token.getException();
			}
			if (failure != null) {
				String reason = "SUBSCRIBE failed: " + failure.getMessage();
				this.topics.forEach((topic) -> outcomes.add(SubscribeOutcome.unanswered(topic, reason)));
				return;
			}
			if (token == null || !token.isComplete()) {
				String reason = "no SUBACK within " + timeoutMillis + " ms";
				this.topics.forEach((topic) -> outcomes.add(SubscribeOutcome.unanswered(topic, reason)));
				return;
			}
			int[] granted = token.getGrantedQos();
			for (int i = 0; i < this.topics.size(); i++) {
				boolean refused = granted == null || i >= granted.length || granted[i] == SUBSCRIBE_FAILURE;
				outcomes.add(refused
						? SubscribeOutcome.refused(this.topics.get(i),
								"the broker refused the subscription (SUBACK 0x80)")
						: SubscribeOutcome.granted(this.topics.get(i)));
			}
		}

	}

}
