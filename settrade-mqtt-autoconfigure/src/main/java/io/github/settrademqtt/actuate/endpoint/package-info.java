/**
 * Actuator endpoint support: keeping the Settrade secrets off every endpoint.
 */
@NullMarked
package io.github.settrademqtt.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
