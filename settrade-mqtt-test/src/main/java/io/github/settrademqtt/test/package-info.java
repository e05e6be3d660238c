/**
 * An embedded simulator of the Settrade Open API (login, refresh and dispatcher ticket
 * endpoints over real HTTPS, and the MQTT-over-secure-WebSocket feed with a market data
 * generator) with JUnit 5 and Spring test support.
 * <p>
 * Start with {@link io.github.settrademqtt.test.SettradeSimulator}, the
 * {@link io.github.settrademqtt.test.SettradeSimulatorExtension JUnit extension} or
 * {@link io.github.settrademqtt.test.EmbeddedSettrade @EmbeddedSettrade}. This package
 * holds those entry points and the types their public methods take and return; the
 * sub-packages hold the simulator's internals.
 */
@NullMarked
package io.github.settrademqtt.test;

import org.jspecify.annotations.NullMarked;
