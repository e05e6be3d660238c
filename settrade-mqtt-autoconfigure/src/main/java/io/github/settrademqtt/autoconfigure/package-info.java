/**
 * Auto-configuration for the Settrade Open API realtime feed: properties, connection
 * details, validation and failure analysis.
 */
@NullMarked
package io.github.settrademqtt.autoconfigure;

import org.jspecify.annotations.NullMarked;
