/**
 * Internal: the simulator's MQTT side, the embedded Moquette broker and its logging, the
 * WebSocket endpoint, the admission of tickets, the relay between a client's WebSocket
 * and the broker with its {@code CONNECT} gate, the open connections, and the
 * subscription tracking, denial and error reports. Public only for the simulator's other
 * packages: not an API, it may change in any release. Tests use
 * {@link io.github.settrademqtt.test.SimulatorMqtt}.
 */
@NullMarked
package io.github.settrademqtt.test.mqtt;

import org.jspecify.annotations.NullMarked;
