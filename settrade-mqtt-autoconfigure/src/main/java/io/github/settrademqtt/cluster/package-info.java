/**
 * Cluster mode: one Settrade upstream per cluster. The replicas elect a leader through
 * Spring Integration's leader election over a {@code LockRegistry}; the
 * {@link io.github.settrademqtt.cluster.UpstreamCandidate} starts the upstream (token
 * refresh, the MQTT connection and its watchdog) on the replica elected and stops it the
 * moment leadership is revoked or lost. Takes the upstream as plain lifecycles, so it
 * depends on nothing of the feed but {@code event} and {@code support}.
 */
@NullMarked
package io.github.settrademqtt.cluster;

import org.jspecify.annotations.NullMarked;
