package io.github.settrademqtt.login;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a call to the Settrade Open API fails. The message names the operation, the
 * HTTP status and Settrade's own error code and message; it never contains a secret,
 * token or signature.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeApiException extends RuntimeException {

	/**
	 * The status of a call that got no HTTP response at all.
	 */
	public static final int NO_RESPONSE = 0;

	private final String operation;

	private final int status;

	private final @Nullable String errorCode;

	private final @Nullable Instant serverDate;

	/**
	 * Create a new exception.
	 * @param operation the operation that failed, such as 'login'
	 * @param status the HTTP status, or {@link #NO_RESPONSE}
	 * @param errorCode Settrade's error code, if it sent one
	 * @param detail what went wrong, from Settrade's message where it sent one
	 * @param serverDate the server's {@code Date} header, if it sent one
	 * @param cause the cause, if any
	 */
	public SettradeApiException(String operation, int status, @Nullable String errorCode, String detail,
			@Nullable Instant serverDate, @Nullable Throwable cause) {
		super(message(operation, status, errorCode, detail), cause);
		this.operation = operation;
		this.status = status;
		this.errorCode = errorCode;
		this.serverDate = serverDate;
	}

	private static String message(String operation, int status, @Nullable String errorCode, String detail) {
		StringBuilder message = new StringBuilder("Settrade ").append(operation).append(" failed");
		if (status != NO_RESPONSE) {
			message.append(" (HTTP ").append(status);
			if (errorCode != null) {
				message.append(' ').append(errorCode);
			}
			message.append(')');
		}
		return message.append(": ").append(detail).toString();
	}

	/**
	 * Return the operation that failed.
	 * @return the operation, such as 'login', 'refresh-token' or 'dispatcher ticket'
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Return the HTTP status of the failed call.
	 * @return the status, or {@link #NO_RESPONSE} when the call got no response
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Return Settrade's error code.
	 * @return the code, or {@code null} when the response carried none
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return the server's clock at the time of the response, from its {@code Date}
	 * header.
	 * @return the server time, or {@code null} when unknown
	 */
	public @Nullable Instant getServerDate() {
		return this.serverDate;
	}

	/**
	 * Return whether the same call may succeed if tried again: after an I/O error, a 5xx
	 * or a 429 (too many requests). A 400, 401 or 403 never gets better by retrying.
	 * @return whether the call may be retried
	 */
	public boolean isRetryable() {
		return this.status == NO_RESPONSE || this.status == 429 || this.status >= 500;
	}

	/**
	 * Return whether Settrade refused the credentials or the token presented.
	 * @return {@code true} for 401 and 403
	 */
	public boolean isAuthenticationFailure() {
		return this.status == 401 || this.status == 403;
	}

}
