package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How the last rotation went.
 *
 * @param strategy the strategy that replaced the connection,
 * {@link RotationStrategy#RESTART} when an overlap fell back to it
 * @param at when the rotation finished
 * @param gap how long no connection was delivering
 * @param took how long the rotation took
 * @param fallbackReason why an overlap fell back to a restart, or {@code null}
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record RotationOutcome(RotationStrategy strategy, Instant at, Duration gap, Duration took,
		@Nullable String fallbackReason) {

}
