package io.github.settrademqtt.test.rest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Checks the signature of a login request: ECDSA P-256 over SHA-256 of the UTF-8 content
 * {@code apiKey + "." + params + "." + timestamp}, DER encoded, as lower-case hex.
 *
 * @author settrade-mqtt
 */
public final class LoginSignatureVerifier {

	private static final String ALGORITHM = "SHA256withECDSA";

	private LoginSignatureVerifier() {
	}

	/**
	 * Verifies a login signature.
	 * @param publicKey the registered public key of the app
	 * @param apiKey the app id as sent
	 * @param params the params as sent, empty when absent
	 * @param timestamp the timestamp exactly as it was signed (decimal milliseconds)
	 * @param signatureHex the signature as sent
	 * @return whether the signature is valid
	 */
	public static boolean verify(ECPublicKey publicKey, String apiKey, String params, String timestamp,
			String signatureHex) {
		byte[] der = decodeLowerCaseHex(signatureHex);
		if (der == null) {
			return false;
		}
		byte[] content = (apiKey + "." + params + "." + timestamp).getBytes(StandardCharsets.UTF_8);
		try {
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(publicKey);
			verifier.update(content);
			return verifier.verify(der);
		}
		catch (GeneralSecurityException ex) {
			// A malformed DER structure is a bad signature, not a server error
			return false;
		}
	}

	/**
	 * The protocol specifies lower-case hex, so anything else is refused: a client that
	 * upper-cases its hex should learn it here rather than against the live service.
	 */
	private static byte @Nullable [] decodeLowerCaseHex(String hex) {
		if (hex.isEmpty() || hex.length() % 2 != 0) {
			return null;
		}
		for (int i = 0; i < hex.length(); i++) {
			char c = hex.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return null;
			}
		}
		return HexFormat.of().parseHex(hex);
	}

}
