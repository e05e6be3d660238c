/**
 * Auto-configuration of the Settrade feed's info contributor.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure.info;

import org.jspecify.annotations.NullMarked;
