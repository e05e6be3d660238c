/**
 * Delivery of decoded market data to the application, off the MQTT client's thread:
 * conflation of snapshots, a bounded queue for order updates, error isolation.
 */
@NullMarked
package io.github.settrademqtt.feed.delivery;

import org.jspecify.annotations.NullMarked;
