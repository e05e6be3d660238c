/**
 * Auto-configuration of Actuator endpoint support.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
