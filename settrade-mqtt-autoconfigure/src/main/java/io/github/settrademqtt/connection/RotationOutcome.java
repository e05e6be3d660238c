package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * How the last rotation that replaced the connection went.
 *
 * @param strategy the strategy that replaced the connection
 * @param at when the rotation finished
 * @param gap how long no connection was delivering
 * @param took how long the rotation took
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record RotationOutcome(RotationStrategy strategy, Instant at, Duration gap, Duration took) {

}
