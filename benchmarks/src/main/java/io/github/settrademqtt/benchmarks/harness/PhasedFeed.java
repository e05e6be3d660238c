package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.github.settrademqtt.test.SettradeSimulator;

/**
 * Publishes numbered messages round-robin over topics, on a thread of its own, through a
 * script of phases, each at its own rate: a market that is steady, then opens with a
 * burst, then calms down. Before the script starts it leads in at a rate of its own with
 * messages numbered 0, so that a client can connect to a market that is already
 * publishing.
 * <p>
 * Message {@code n} (1, 2, 3, ...) goes to topic {@code (n - 1) % topics}; its number is
 * appended to the topic's template as the last field of the payload (see
 * {@link Varints#withField} and {@link Varints#lastValue}), in a field the decoded event
 * shows, and {@link #publishedAt(long)} says when it was handed to the broker. A phase
 * publishes {@code rate × duration} messages evenly paced from its start: a phase starts
 * when the one before has published its last message, so that a rate the publisher cannot
 * reach stretches its phase rather than squeezing the next one.
 *
 * @author settrade-mqtt
 */
public final class PhasedFeed implements AutoCloseable {

	/**
	 * The name of the publishing thread.
	 */
	public static final String THREAD_NAME = "benchmark-phased-feed";

	private final SettradeSimulator simulator;

	private final List<String> topics;

	private final List<byte[]> templates;

	private final int[] numberFields;

	private final int leadInRate;

	private final List<Phase> phases;

	private final long[] firstNumbers;

	private final long[] publishedAt;

	private final long[] startedNanos;

	private final long[] endedNanos;

	private final long[] longestGaps;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile boolean scriptStarted;

	private volatile long published;

	private volatile int currentPhase = -1;

	/**
	 * Start leading in.
	 * @param simulator where to publish
	 * @param topics the topics
	 * @param templates each topic's payload, without its number
	 * @param numberFields each topic's field that carries the number
	 * @param leadInRate messages a second across all topics before the script starts
	 * @param phases the script
	 */
	public PhasedFeed(SettradeSimulator simulator, List<String> topics, List<byte[]> templates, int[] numberFields,
			int leadInRate, List<Phase> phases) {
		if (topics.isEmpty() || templates.size() != topics.size() || numberFields.length != topics.size()) {
			throw new IllegalArgumentException("Every topic needs a template and a number field");
		}
		this.simulator = simulator;
		this.topics = List.copyOf(topics);
		this.templates = List.copyOf(templates);
		this.numberFields = numberFields.clone();
		this.leadInRate = leadInRate;
		this.phases = List.copyOf(phases);
		this.firstNumbers = new long[phases.size() + 1];
		this.firstNumbers[0] = 1;
		for (int i = 0; i < phases.size(); i++) {
			this.firstNumbers[i + 1] = this.firstNumbers[i] + phases.get(i).count();
		}
		this.publishedAt = new long[(int) this.firstNumbers[phases.size()]];
		this.startedNanos = new long[phases.size()];
		this.endedNanos = new long[phases.size()];
		this.longestGaps = new long[phases.size()];
		this.thread = new Thread(this::publish, THREAD_NAME);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Start the script: the lead-in ends and the first phase begins.
	 */
	public void startScript() {
		this.scriptStarted = true;
	}

	/**
	 * Return the phases.
	 * @return the script
	 */
	public List<Phase> phases() {
		return this.phases;
	}

	/**
	 * Return the number of messages the script publishes in all.
	 * @return the count
	 */
	public long total() {
		return this.firstNumbers[this.phases.size()] - 1;
	}

	/**
	 * Return the number of the first message of a phase.
	 * @param phase the phase's index
	 * @return its first number; one past the last when the phase publishes nothing
	 */
	public long firstNumber(int phase) {
		return this.firstNumbers[phase];
	}

	/**
	 * Return the number following the last message of a phase.
	 * @param phase the phase's index
	 * @return the next phase's first number
	 */
	public long endNumber(int phase) {
		return this.firstNumbers[phase + 1];
	}

	/**
	 * Return the index of the phase a message was published in.
	 * @param number the message's number
	 * @return the phase, {@code -1} for a lead-in message
	 */
	public int phaseOf(long number) {
		for (int i = 0; i < this.phases.size(); i++) {
			if (number < this.firstNumbers[i + 1]) {
				return (number >= this.firstNumbers[i]) ? i : -1;
			}
		}
		return -1;
	}

	/**
	 * Return the number of the topic a message went to.
	 * @param number the message's number, from 1
	 * @return the topic's index
	 */
	public int topicOf(long number) {
		return (int) ((number - 1) % this.topics.size());
	}

	/**
	 * Return when a message was handed to the broker.
	 * @param number the message's number
	 * @return {@link System#nanoTime()} just before it was published, {@code 0} when not
	 * yet published or not a number of the script
	 */
	public long publishedAt(long number) {
		return (number > 0 && number < this.publishedAt.length) ? this.publishedAt[(int) number] : 0;
	}

	/**
	 * Return how many messages of the script have been published.
	 * @return the count
	 */
	public long published() {
		return this.published;
	}

	/**
	 * Return the phase being published.
	 * @return its index, {@code -1} while leading in, {@link #phases()}{@code .size()}
	 * once the script is over
	 */
	public int currentPhase() {
		return this.currentPhase;
	}

	/**
	 * Return when a phase started: when its first message was due.
	 * @param phase the phase's index
	 * @return {@link System#nanoTime()}, {@code 0} before it started
	 */
	public long startedNanos(int phase) {
		return this.startedNanos[phase];
	}

	/**
	 * Return when a phase ended: when its last message was published.
	 * @param phase the phase's index
	 * @return {@link System#nanoTime()}, {@code 0} before it ended
	 */
	public long endedNanos(int phase) {
		return this.endedNanos[phase];
	}

	/**
	 * Return the rate a phase achieved.
	 * @param phase the phase's index
	 * @return messages a second, from its start to its last message
	 */
	public double achievedRate(int phase) {
		long count = this.phases.get(phase).count();
		long took = this.endedNanos[phase] - this.startedNanos[phase];
		return (count > 1 && took > 0) ? (count - 1) * 1e9 / took : this.phases.get(phase).rate();
	}

	/**
	 * Return the longest time between two publications within a phase: a floor under any
	 * gap a subscriber can see then.
	 * @param phase the phase's index
	 * @return nanoseconds
	 */
	public long longestGap(int phase) {
		return this.longestGaps[phase];
	}

	/**
	 * Wait until a message has been published.
	 * @param number the message's number
	 * @param timeout the longest to wait
	 * @throws IllegalStateException if it was not published in time
	 */
	public void awaitPublished(long number, Duration timeout) {
		if (!NumberedRun.await(() -> this.published >= number || !this.thread.isAlive(), timeout)
				|| this.published < number) {
			throw new IllegalStateException("The publisher did not reach message " + number + " within " + timeout
					+ " (published " + this.published + ")");
		}
	}

	/**
	 * Wait until a phase has started, or the script is over when the phase is
	 * {@link #phases()}{@code .size()}.
	 * @param phase the phase's index
	 * @param timeout the longest to wait
	 * @throws IllegalStateException if it did not start in time
	 */
	public void awaitPhase(int phase, Duration timeout) {
		if (!NumberedRun.await(() -> this.currentPhase >= phase || !this.thread.isAlive(), timeout)
				|| this.currentPhase < phase) {
			throw new IllegalStateException("The publisher did not reach phase " + phase + " within " + timeout
					+ " (in phase " + this.currentPhase + ")");
		}
	}

	private void publish() {
		long leadInterval = 1_000_000_000L / Math.max(1, this.leadInRate);
		long due = System.nanoTime();
		for (long i = 0; this.running && !this.scriptStarted; i++) {
			pace(due);
			int topic = (int) (i % this.topics.size());
			this.simulator.mqtt()
				.publish(this.topics.get(topic),
						Varints.withField(this.templates.get(topic), this.numberFields[topic], 0));
			due += leadInterval;
		}
		long number = 1;
		for (int phase = 0; phase < this.phases.size() && this.running; phase++) {
			this.currentPhase = phase;
			Phase script = this.phases.get(phase);
			long interval = 1_000_000_000L / script.rate();
			long start = System.nanoTime();
			this.startedNanos[phase] = start;
			long previous = 0;
			for (long k = 0; k < script.count() && this.running; k++, number++) {
				pace(start + k * interval);
				int topic = (int) ((number - 1) % this.topics.size());
				byte[] payload = Varints.withField(this.templates.get(topic), this.numberFields[topic], number);
				long now = System.nanoTime();
				this.publishedAt[(int) number] = now;
				this.simulator.mqtt().publish(this.topics.get(topic), payload);
				if (previous != 0) {
					this.longestGaps[phase] = Math.max(this.longestGaps[phase], now - previous);
				}
				previous = now;
				this.published = number;
			}
			this.endedNanos[phase] = System.nanoTime();
		}
		this.currentPhase = this.phases.size();
	}

	private static void pace(long due) {
		long wait;
		while ((wait = due - System.nanoTime()) > 0) {
			LockSupport.parkNanos(wait);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join(Duration.ofSeconds(10).toMillis());
	}

	/**
	 * One phase of the script.
	 *
	 * @param name what to call it in the report
	 * @param rate messages a second across all topics
	 * @param duration how long it lasts at that rate
	 */
	public record Phase(String name, int rate, Duration duration) {

		public Phase {
			if (rate <= 0 || duration.isNegative()) {
				throw new IllegalArgumentException(
						"Phase '" + name + "' needs a positive rate and a duration of zero or more");
			}
		}

		/**
		 * Return the number of messages the phase publishes.
		 * @return {@code rate × duration}
		 */
		public long count() {
			return this.rate * this.duration.toMillis() / 1000;
		}

	}

}
