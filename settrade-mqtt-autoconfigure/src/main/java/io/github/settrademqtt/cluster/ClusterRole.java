package io.github.settrademqtt.cluster;

import java.util.Locale;

/**
 * The part a replica plays in holding the Settrade upstream.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum ClusterRole {

	/**
	 * Cluster mode is off: the replica holds its own upstream.
	 */
	STANDALONE,

	/**
	 * In cluster mode and not elected: the replica holds no upstream (no login, no token
	 * refresh, no MQTT connection).
	 */
	FOLLOWER,

	/**
	 * In cluster mode and elected: the replica holds the cluster's one upstream.
	 */
	LEADER;

	/**
	 * Return the role as shown by health and in the docs: {@code leader},
	 * {@code follower} or {@code standalone}.
	 * @return the role's name in lower case
	 */
	public String toDisplayName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
