/**
 * Auto-configuration of the Settrade feed's metrics.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
