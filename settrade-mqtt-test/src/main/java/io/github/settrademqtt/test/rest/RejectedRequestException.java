package io.github.settrademqtt.test.rest;

import java.util.Locale;
import java.util.Map;

import io.github.settrademqtt.test.SimulatorFaults;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Thrown by an endpoint to answer with an error status and the service's
 * {@code {"code","message"}} body. The message never contains a secret, so the exception
 * is safe to log.
 *
 * @author settrade-mqtt
 */
final class RejectedRequestException extends RuntimeException {

	private final int status;

	private final String code;

	private final Map<String, String> headers;

	RejectedRequestException(int status, String code, String message) {
		this(status, code, message, Map.of());
	}

	RejectedRequestException(int status, String code, String message, Map<String, String> headers) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.headers = headers;
	}

	/**
	 * Creates the failure injected by a {@link SimulatorFaults} rule, named after the
	 * status as a gateway would (503 {@code SERVICE_UNAVAILABLE}, 429
	 * {@code TOO_MANY_REQUESTS}). A 429 says when to come back, as rate limiters do.
	 * @param status the injected status
	 * @return the exception
	 */
	static RejectedRequestException injected(int status) {
		String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
		String code = reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
		Map<String, String> headers = (status == 429) ? Map.of("Retry-After", "1", "X-RateLimit-Remaining-second", "0")
				: Map.of();
		return new RejectedRequestException(status, code, "Simulated failure: " + reason, headers);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	SimulatorResponse toResponse() {
		return SimulatorResponse.error(this.status, this.code, getMessage(), this.headers);
	}

}
