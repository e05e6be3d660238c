/**
 * Actuator health of the Settrade feed: connection, subscriptions and liveness.
 */
@NullMarked
package io.github.settrademqtt.actuate.health;

import org.jspecify.annotations.NullMarked;
