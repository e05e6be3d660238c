package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the {@link SettradeMqttConnection} knows at one moment, read at once so that its
 * parts agree. Never a token, ticket or secret.
 *
 * @param state the state
 * @param since when the connection entered that state
 * @param host the host the current connection was offered, or {@code null} when no
 * connection is delivering
 * @param session the facts of the connection that is delivering, or {@code null} when
 * none is
 * @param tokenExpiresIn how long, at the time of the snapshot, until the token behind the
 * current connection expires and Settrade closes it, or {@code null} when no connection
 * is delivering
 * @param lastRotation how the last rotation that replaced the connection went, or
 * {@code null} before the first
 * @param lastRotationFailure the last rotation that could not replace the connection,
 * unless one succeeded since, or {@code null}
 * @param lastFailure why the last connection attempt failed, or {@code null} once one
 * succeeded
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record ConnectionStatus(ConnectionState state, Instant since, @Nullable String host,
		@Nullable SessionFacts session, @Nullable Duration tokenExpiresIn, @Nullable RotationOutcome lastRotation,
		@Nullable RotationFailure lastRotationFailure, @Nullable String lastFailure) {

}
