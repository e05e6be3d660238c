package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of numbered messages published at a fixed rate to several clients at once: the
 * publication time of each message, and what each client received of them. A message's
 * number travels in its payload; a client hands it back with
 * {@link #received(int, long, long)} the moment its handler has the decoded message.
 *
 * @author settrade-mqtt
 */
public final class NumberedRun {

	private static final long DRAIN_QUIET_NANOS = Duration.ofSeconds(1).toNanos();

	private static final long DRAIN_MAX_NANOS = Duration.ofSeconds(15).toNanos();

	private final long firstNumber;

	private final int rate;

	private final long[] publishedAt;

	private final List<Reception> receptions;

	private volatile long publishNanos;

	/**
	 * Create a run.
	 * @param firstNumber the number of its first message
	 * @param rate messages a second
	 * @param count the number of messages
	 * @param clients the number of clients receiving them
	 */
	public NumberedRun(long firstNumber, int rate, int count, int clients) {
		this.firstNumber = firstNumber;
		this.rate = rate;
		this.publishedAt = new long[count];
		this.receptions = java.util.stream.IntStream.range(0, clients).mapToObj((i) -> new Reception(count)).toList();
	}

	/**
	 * Publish every message, evenly paced at the run's rate, on the calling thread.
	 * @param publisher publishes the message with the given number and index
	 */
	public void publish(Publisher publisher) {
		long interval = 1_000_000_000L / this.rate;
		long start = System.nanoTime();
		for (int i = 0; i < this.publishedAt.length; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			this.publishedAt[i] = System.nanoTime();
			publisher.publish(this.firstNumber + i, i);
		}
		this.publishNanos = System.nanoTime() - start;
	}

	/**
	 * Record that a client's handler has a message.
	 * @param client the client's index
	 * @param number the message's number
	 * @param nowNanos {@link System#nanoTime()} when the handler had it
	 */
	public void received(int client, long number, long nowNanos) {
		long index = number - this.firstNumber;
		if (index >= 0 && index < this.publishedAt.length) {
			int i = (int) index;
			this.receptions.get(client).record(i, nowNanos - this.publishedAt[i]);
		}
	}

	/**
	 * Wait until every client has every message, or none received anything for a second
	 * (what is missing then is lost).
	 */
	public void awaitDrained() {
		long deadline = System.nanoTime() + DRAIN_MAX_NANOS;
		long total = -1;
		long lastProgress = System.nanoTime();
		while (System.nanoTime() < deadline) {
			long now = this.receptions.stream().mapToLong(Reception::received).sum();
			if (now == (long) this.publishedAt.length * this.receptions.size()) {
				return;
			}
			if (now != total) {
				total = now;
				lastProgress = System.nanoTime();
			}
			else if (System.nanoTime() - lastProgress > DRAIN_QUIET_NANOS) {
				return;
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}
	}

	/**
	 * Wait until a condition holds, polling.
	 * @param condition the condition
	 * @param timeout how long to wait
	 * @return whether it held in time
	 */
	public static boolean await(BooleanSupplier condition, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		return true;
	}

	/**
	 * Let a measurement window pass: the run's figures are what happened meanwhile, not a
	 * condition to wait for.
	 * @param window how long to measure
	 */
	public static void measureFor(Duration window) {
		long end = System.nanoTime() + window.toNanos();
		long left;
		while ((left = end - System.nanoTime()) > 0) {
			LockSupport.parkNanos(left);
		}
	}

	/**
	 * Return the number following this run's last message.
	 * @return the next free number
	 */
	public long nextNumber() {
		return this.firstNumber + this.publishedAt.length;
	}

	/**
	 * Return the rate the publisher achieved.
	 * @return messages a second
	 */
	public double achievedRate() {
		return this.publishedAt.length * 1e9 / Math.max(1, this.publishNanos);
	}

	/**
	 * Return the number of messages.
	 * @return the count
	 */
	public int count() {
		return this.publishedAt.length;
	}

	/**
	 * Return what a client received.
	 * @param client the client's index
	 * @return its reception
	 */
	public Reception reception(int client) {
		return this.receptions.get(client);
	}

	/**
	 * Publishes one numbered message.
	 */
	@FunctionalInterface
	public interface Publisher {

		/**
		 * Publish a message.
		 * @param number its number, to carry in the payload
		 * @param index its index in the run
		 */
		void publish(long number, int index);

	}

}
