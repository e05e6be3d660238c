package io.github.settrademqtt.cluster.event;

import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when this replica is elected leader of the cluster, once it has started the
 * upstream (token refresh, the MQTT connection and its watchdog): the connection's own
 * events follow as it logs in and connects.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see LeadershipRevokedEvent
 */
public class LeadershipGrantedEvent extends SettradeMqttEvent {

	private final String role;

	private final String candidateId;

	/**
	 * Create an event.
	 * @param source the candidate that was elected
	 * @param role the role of the leader election
	 * @param candidateId the id of this replica's candidate
	 */
	public LeadershipGrantedEvent(Object source, String role, String candidateId) {
		super(source);
		this.role = role;
		this.candidateId = candidateId;
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

	@Override
	protected String describe() {
		return "role=" + this.role + ", candidate=" + this.candidateId;
	}

}
