package io.github.settrademqtt.test.rest;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the simulator's random tokens and remembers every secret that passed through
 * it, so that tests can check that none of them leaks into logs or messages.
 *
 * @author settrade-mqtt
 */
public final class IssuedSecrets {

	private static final int RANDOM_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final Set<String> secrets = ConcurrentHashMap.newKeySet();

	/**
	 * Creates a new URL-safe random secret and remembers it.
	 * @param prefix a short prefix telling the kind of secret apart (e.g. {@code at-})
	 * @return the prefix followed by 43 random base64url characters
	 */
	String issue(String prefix) {
		byte[] bytes = new byte[RANDOM_BYTES];
		this.random.nextBytes(bytes);
		String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.secrets.add(secret);
		return secret;
	}

	/**
	 * Remembers a secret that came from elsewhere (an app secret, a received signature).
	 * @param secret the secret, ignored when empty
	 */
	public void remember(String secret) {
		if (!secret.isEmpty()) {
			this.secrets.add(secret);
		}
	}

	/**
	 * Returns a snapshot of the secrets seen so far.
	 * @return an immutable copy
	 */
	public Set<String> snapshot() {
		return Set.copyOf(this.secrets);
	}

	/**
	 * Masks a secret for a debug log line, keeping only its kind prefix and length.
	 * @param secret the secret
	 * @return a masked form such as {@code at-****(46)}
	 */
	public static String mask(String secret) {
		int dash = secret.indexOf('-');
		String prefix = (dash > 0 && dash <= 3) ? secret.substring(0, dash + 1) : "";
		return prefix + "****(" + secret.length() + ")";
	}

}
