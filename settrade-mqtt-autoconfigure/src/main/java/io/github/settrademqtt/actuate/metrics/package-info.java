/**
 * Micrometer meters of the Settrade feed.
 */
@NullMarked
package io.github.settrademqtt.actuate.metrics;

import org.jspecify.annotations.NullMarked;
