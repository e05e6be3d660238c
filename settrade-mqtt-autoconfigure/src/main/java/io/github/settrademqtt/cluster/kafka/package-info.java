/**
 * The cluster's fan-out over Kafka: the leader publishes every raw message of its
 * upstream to one compacted topic keyed by the Settrade topic, and every replica, the
 * leader included, reads that topic back into its own delivery path. A leader term, taken
 * from Kafka's own order, fences a deposed leader out of the stream.
 */
@NullMarked
package io.github.settrademqtt.cluster.kafka;

import org.jspecify.annotations.NullMarked;
