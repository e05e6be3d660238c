/**
 * The connection's application events: connected, rotated, lost and recovered, failed
 * attempts and rotations, refused subscriptions and healed feeds. Published by the
 * {@link io.github.settrademqtt.connection.SettradeMqttConnection} on the thread where
 * what they report happens; the starter's metrics count them too.
 */
@NullMarked
package io.github.settrademqtt.connection.event;

import org.jspecify.annotations.NullMarked;
