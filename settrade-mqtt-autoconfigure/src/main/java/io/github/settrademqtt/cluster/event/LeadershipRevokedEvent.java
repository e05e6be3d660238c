package io.github.settrademqtt.cluster.event;

import java.time.Duration;

import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when this replica is no longer the leader of the cluster (it yielded, its
 * lock was lost or broken, or it is shutting down), once the upstream has stopped: the
 * MQTT connection is closed and no token refresh runs.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see LeadershipGrantedEvent
 */
public class LeadershipRevokedEvent extends SettradeMqttEvent {

	private final String role;

	private final String candidateId;

	private final Duration ledFor;

	/**
	 * Create an event.
	 * @param source the candidate that led
	 * @param role the role of the leader election
	 * @param candidateId the id of this replica's candidate
	 * @param ledFor how long this replica led
	 */
	public LeadershipRevokedEvent(Object source, String role, String candidateId, Duration ledFor) {
		super(source);
		this.role = role;
		this.candidateId = candidateId;
		this.ledFor = ledFor;
	}

	/**
	 * Return the role of the leader election: {@code settrade.mqtt.cluster.role}.
	 * @return the role
	 */
	public String getRole() {
		return this.role;
	}

	/**
	 * Return the id of this replica's candidate, as its log lines name it.
	 * @return the candidate id
	 */
	public String getCandidateId() {
		return this.candidateId;
	}

	/**
	 * Return how long this replica led, from the grant to the revocation.
	 * @return how long it led
	 */
	public Duration getLedFor() {
		return this.ledFor;
	}

	@Override
	protected String describe() {
		return "role=" + this.role + ", candidate=" + this.candidateId + ", ledFor=" + this.ledFor.toMillis() + "ms";
	}

}
