/**
 * Auto-configuration of cluster mode: the leader election that decides which replica
 * holds the Settrade upstream, and its default JDBC lock registry.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure.cluster;

import org.jspecify.annotations.NullMarked;
