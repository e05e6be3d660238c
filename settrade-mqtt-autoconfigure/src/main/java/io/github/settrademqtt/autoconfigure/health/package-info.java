/**
 * Auto-configuration of the Settrade feed's health indicator.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
