/**
 * The application events of cluster mode: leadership granted to this replica, and revoked
 * from it. Published by the {@link io.github.settrademqtt.cluster.UpstreamCandidate} on
 * the leader election's thread, once the upstream has started or stopped.
 */
@NullMarked
package io.github.settrademqtt.cluster.event;

import org.jspecify.annotations.NullMarked;
