package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of fault a {@link FaultCampaign} fires, each with the bound its recovery is
 * held to. Tokens shorter than the refresh margin are not among them: they are always on.
 *
 * @author settrade-mqtt
 */
public enum Fault {

	/**
	 * Every connection dropped at once, without a close frame, as when the network or the
	 * service fails. What is published while disconnected is lost.
	 */
	DROP_ALL("every connection dropped without a close frame", Duration.ofSeconds(15), false, false),

	/**
	 * Every open connection made half-open: the socket stays open, nothing reaches the
	 * client any more, not even a {@code PINGRESP}. The starter notices the silent feed
	 * at the application level and opens a second connection; a bare client only through
	 * its MQTT keep-alive.
	 */
	HALF_OPEN("every open connection stalled: socket open, nothing delivered", Duration.ofSeconds(15), false, false),

	/**
	 * Every open connection made half-open just as a topic is claimed at run time, so
	 * that its SUBSCRIBE is never answered: waiting for that answer must not hold up the
	 * heal.
	 */
	HALF_OPEN_WHILE_SUBSCRIBING("every open connection stalled as a topic is claimed at run time",
			Duration.ofSeconds(15), false, true),

	/**
	 * Every open connection made half-open during a token rotation, once the new
	 * connection is open beside the old one (for a client that does not rotate: just
	 * before its connection expires).
	 */
	HALF_OPEN_AT_ROTATION("every open connection stalled during a token rotation", Duration.ofSeconds(15), false,
			false),

	/**
	 * WebSocket upgrades refused for one to two seconds from just before a token rotation
	 * is due (for a client that does not rotate: just before its connection expires).
	 */
	UPGRADES_REFUSED("upgrades refused for 1-2 s from just before a token rotation", Duration.ofSeconds(15), true,
			false),

	/**
	 * One or two REST calls answered {@code 503} at a token rotation: ticket requests, or
	 * logins after the service refuses a refresh.
	 */
	REST_ERROR("1-2 ticket or login requests answered 503 at a token rotation", Duration.ofSeconds(15), true, false),

	/**
	 * A ticket request left unanswered at a token rotation, until the client's read
	 * timeout.
	 */
	REST_HANG("a ticket request left unanswered at a token rotation", Duration.ofSeconds(15), true, false),

	/**
	 * A topic claimed at run time that the broker refuses, then allows again: the starter
	 * must retry it on the connection it has.
	 */
	SUBSCRIPTION_DENIED("a topic claimed at run time refused by the broker, then allowed", Duration.ofSeconds(15),
			false, true),

	/**
	 * A symbol claimed at run time that the service reports unknown after granting the
	 * subscription: it must show {@code FAILED} while the rest flows.
	 */
	SUBSCRIPTION_ERROR("a symbol claimed at run time reported unknown by the service", Duration.ofSeconds(15), false,
			true),

	/**
	 * An exception thrown once before one of the connection's steps, through its step
	 * hook.
	 */
	STEP_EXCEPTION("an exception thrown once at a connection step", Duration.ofSeconds(15), true, true);

	private final String description;

	private final Duration recoveryBound;

	private final boolean absorbedByOverlap;

	private final boolean starterOnly;

	Fault(String description, Duration recoveryBound, boolean absorbedByOverlap, boolean starterOnly) {
		this.description = description;
		this.recoveryBound = recoveryBound;
		this.absorbedByOverlap = absorbedByOverlap;
		this.starterOnly = starterOnly;
	}

	/**
	 * Return the fault's name on the command line and in reports, such as
	 * {@code drop-all}.
	 * @return the name
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * Return what the fault does.
	 * @return a description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Return the longest the feed may go without a message on a topic after this fault.
	 * @return the bound
	 */
	public Duration recoveryBound() {
		return this.recoveryBound;
	}

	/**
	 * Return whether make-before-break rotation must absorb the fault without losing a
	 * message: it hits a rotation while the old connection still delivers.
	 * @return whether nothing may be lost with {@code overlap} rotation
	 */
	public boolean absorbedByOverlap() {
		return this.absorbedByOverlap;
	}

	/**
	 * Return whether the fault stalls connections, after which a rotation may replace a
	 * silent connection rather than an expiring one.
	 * @return whether it makes connections half-open
	 */
	public boolean stalls() {
		return this == HALF_OPEN || this == HALF_OPEN_WHILE_SUBSCRIBING || this == HALF_OPEN_AT_ROTATION;
	}

	/**
	 * Return whether the fault needs the starter (its registry or its step hook).
	 * @return whether it does not apply to a bare client
	 */
	public boolean starterOnly() {
		return this.starterOnly;
	}

	/**
	 * Parse a comma-separated list of labels, or {@code all}.
	 * @param labels the labels
	 * @return the faults, in declaration order
	 * @throws IllegalArgumentException naming a label that is not a fault
	 */
	public static List<Fault> parse(String labels) {
		if (labels.strip().equals("all")) {
			return List.of(values());
		}
		List<String> wanted = Arrays.stream(labels.split(",")).map(String::strip).toList();
		for (String label : wanted) {
			if (Arrays.stream(values()).noneMatch((fault) -> fault.label().equals(label))) {
				throw new IllegalArgumentException("Unknown fault '" + label + "'; known: "
						+ Arrays.stream(values()).map(Fault::label).toList() + " or all");
			}
		}
		return Arrays.stream(values()).filter((fault) -> wanted.contains(fault.label())).toList();
	}

}
