package io.github.settrademqtt.login;

import java.security.GeneralSecurityException;

/**
 * Hands tests in other packages a fresh app secret that no simulator knows.
 */
public final class P256Access {

	private P256Access() {
	}

	public static String randomSecret() throws GeneralSecurityException {
		return P256.settradeSecret(P256.generate());
	}

}
