package io.github.settrademqtt.benchmarks.harness;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.settrademqtt.test.SimulatorMqtt;

/**
 * Every dispatcher ticket presented to the simulator's MQTT endpoint over a whole run:
 * {@link SimulatorMqtt#reset()}, the only way to lift a denied subscription, also forgets
 * the tickets presented so far, so they are kept here first. A ticket presented between
 * the copy and the reset (microseconds) would be missed. Tickets are secrets: they are
 * compared here and never shown.
 *
 * @author settrade-mqtt
 */
public final class TicketLedger {

	private final SimulatorMqtt mqtt;

	private final List<String> beforeReset = new ArrayList<>();

	/**
	 * Create a ledger of a simulator's endpoint.
	 * @param mqtt the endpoint
	 */
	public TicketLedger(SimulatorMqtt mqtt) {
		this.mqtt = mqtt;
	}

	/**
	 * Reset the endpoint's faults and counters, keeping the tickets presented so far.
	 */
	public synchronized void resetEndpoint() {
		this.beforeReset.addAll(this.mqtt.presentedTickets());
		this.mqtt.reset();
	}

	/**
	 * Return how many tickets were presented so far.
	 * @return the count
	 */
	public synchronized int presented() {
		return this.beforeReset.size() + this.mqtt.presentedTickets().size();
	}

	/**
	 * Return where tickets were presented again: the positions, counting from 0 in the
	 * order presented, of tickets presented before.
	 * @return the positions
	 */
	public synchronized List<Integer> repeats() {
		List<String> all = new ArrayList<>(this.beforeReset);
		all.addAll(this.mqtt.presentedTickets());
		Set<String> seen = new HashSet<>();
		List<Integer> repeats = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			if (!seen.add(all.get(i))) {
				repeats.add(i);
			}
		}
		return repeats;
	}

}
