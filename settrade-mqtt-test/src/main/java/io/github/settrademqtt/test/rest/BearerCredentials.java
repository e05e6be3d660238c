package io.github.settrademqtt.test.rest;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads the credential of an {@code Authorization: <type> <credential>} header, as the
 * ticket endpoint and the MQTT WebSocket endpoint both receive it.
 *
 * @author settrade-mqtt
 */
public final class BearerCredentials {

	private BearerCredentials() {
	}

	/**
	 * Extracts the credential of a {@code Bearer} authorization. The type is the
	 * {@code token_type} of the login response, which deployments spell {@code Bearer} or
	 * {@code bearer} and one public client capitalises itself, so the scheme is matched
	 * case-insensitively.
	 * @param authorization the header value, or {@code null} when absent
	 * @return the credential, or {@code null} when the header is absent, malformed or of
	 * another scheme
	 */
	public static @Nullable String parse(@Nullable String authorization) {
		if (authorization == null) {
			return null;
		}
		String[] parts = authorization.trim().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
			return null;
		}
		String credential = parts[1].trim();
		return credential.isEmpty() ? null : credential;
	}

}
