package io.github.settrademqtt.connection;

import org.jspecify.annotations.Nullable;

/**
 * A step of a connection attempt failed in a way the connection knows how to say: the
 * message is the reason logged and shown in health, without a stack trace.
 *
 * @author settrade-mqtt
 */
final class ConnectAttemptException extends RuntimeException {

	ConnectAttemptException(String reason, @Nullable Throwable cause) {
		super(reason, cause);
	}

}
