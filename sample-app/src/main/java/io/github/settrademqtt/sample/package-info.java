/**
 * The settrade-mqtt sample application.
 */
@NullMarked
package io.github.settrademqtt.sample;

import org.jspecify.annotations.NullMarked;
