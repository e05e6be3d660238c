package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

/**
 * A rotation that could not replace the connection. The connection it meant to replace
 * kept delivering; the rotation is tried again after {@code retryIn}, for as long as that
 * connection lives.
 *
 * @param at when the rotation gave up
 * @param reason why
 * @param retryIn how long until the next rotation may start
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record RotationFailure(Instant at, String reason, Duration retryIn) {

}
