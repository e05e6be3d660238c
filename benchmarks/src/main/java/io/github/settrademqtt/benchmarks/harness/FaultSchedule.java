package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The faults of a campaign, in the order a seed gives: rounds in which every fault kind
 * comes once, shuffled, each with the pause before it and its parameters drawn at random.
 * The same seed gives the same schedule to every client under test, whatever it does with
 * it (a client a fault does not apply to skips it).
 *
 * @author settrade-mqtt
 */
public final class FaultSchedule {

	private final Random random;

	private final List<Fault> faults;

	private final Duration minGap;

	private final Duration maxGap;

	private final Deque<PlannedFault> round = new ArrayDeque<>();

	private int rounds;

	private int number;

	/**
	 * Create a schedule.
	 * @param seed the seed
	 * @param faults the fault kinds, each once a round
	 * @param minGap the shortest pause before a fault
	 * @param maxGap the longest pause before a fault
	 */
	public FaultSchedule(long seed, List<Fault> faults, Duration minGap, Duration maxGap) {
		if (faults.isEmpty()) {
			throw new IllegalArgumentException("'faults' must not be empty");
		}
		if (maxGap.compareTo(minGap) < 0) {
			throw new IllegalArgumentException("'maxGap' must not be less than 'minGap'");
		}
		this.random = new Random(seed);
		this.faults = List.copyOf(faults);
		this.minGap = minGap;
		this.maxGap = maxGap;
	}

	/**
	 * Return the next fault.
	 * @return the fault, its pause and parameters
	 */
	public PlannedFault next() {
		if (this.round.isEmpty()) {
			this.rounds++;
			List<Fault> order = new ArrayList<>(this.faults);
			Collections.shuffle(order, this.random);
			for (Fault fault : order) {
				long gap = this.minGap.toMillis()
						+ (long) (this.random.nextDouble() * (this.maxGap.toMillis() - this.minGap.toMillis()));
				this.round.add(new PlannedFault(++this.number, this.rounds, fault, Duration.ofMillis(gap),
						this.random.nextDouble(), 1 + this.random.nextInt(2),
						Duration.ofMillis(1000 + this.random.nextInt(1001))));
			}
		}
		return this.round.poll();
	}

	/**
	 * One fault of the schedule.
	 *
	 * @param number its number in the schedule, from 1
	 * @param round its round, from 1
	 * @param fault its kind
	 * @param gap the pause before it
	 * @param pick a number in [0, 1) that picks a variant: the step for
	 * {@link Fault#STEP_EXCEPTION}, tickets or logins for {@link Fault#REST_ERROR}
	 * @param count how many requests fail, 1 or 2
	 * @param length how long upgrades are refused, 1 to 2 seconds
	 */
	public record PlannedFault(int number, int round, Fault fault, Duration gap, double pick, int count,
			Duration length) {

		/**
		 * Pick one of a list with {@link #pick()}.
		 * @param <T> the type of the elements
		 * @param choices the list
		 * @return one of them
		 */
		public <T> T pick(List<T> choices) {
			return choices.get(Math.min(choices.size() - 1, (int) (this.pick * choices.size())));
		}

	}

}
