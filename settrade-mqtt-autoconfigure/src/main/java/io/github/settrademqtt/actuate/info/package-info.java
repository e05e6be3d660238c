/**
 * Actuator info about the Settrade feed: starter version, broker and environment.
 */
@NullMarked
package io.github.settrademqtt.actuate.info;

import org.jspecify.annotations.NullMarked;
