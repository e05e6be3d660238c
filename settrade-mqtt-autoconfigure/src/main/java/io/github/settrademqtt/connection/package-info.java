/**
 * The MQTT connection to Settrade: the credential-supplying client factory, the
 * connection that owns the Spring Integration adapters, rotation and recovery, the
 * subscription registry, session facts and the token refresher. Emits raw messages
 * (topic, bytes, session facts) to the application.
 */
@NullMarked
package io.github.settrademqtt.connection;

import org.jspecify.annotations.NullMarked;
