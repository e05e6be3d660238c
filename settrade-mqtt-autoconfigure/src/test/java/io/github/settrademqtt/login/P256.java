package io.github.settrademqtt.login;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Plain JCA helpers for P-256 keys, independent of the code under test, so that what the
 * starter signs is checked by a second implementation.
 */
final class P256 {

	private P256() {
	}

	static KeyPair generate() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	/**
	 * Encode a private key the way the Settrade console does: base64 of the scalar as
	 * {@link BigInteger#toByteArray()} (33 bytes when the top bit is set), left-padded to
	 * 32 bytes when the scalar happens to be shorter.
	 */
	static String settradeSecret(KeyPair keyPair) {
		BigInteger scalar = ((ECPrivateKey) keyPair.getPrivate()).getS();
		byte[] bytes = scalar.toByteArray();
		if (bytes.length < 32) {
			byte[] padded = new byte[32];
			System.arraycopy(bytes, 0, padded, 32 - bytes.length, bytes.length);
			bytes = padded;
		}
		return Base64.getEncoder().encodeToString(bytes);
	}

	static PublicKey publicKey(byte[] uncompressedPoint) throws GeneralSecurityException {
		ECParameterSpec params = ((ECPublicKey) generate().getPublic()).getParams();
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 1, 33));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressedPoint, 33, 65));
		return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
	}

	static boolean verify(PublicKey key, String content, String hexSignature) throws GeneralSecurityException {
		Signature verifier = Signature.getInstance("SHA256withECDSA");
		verifier.initVerify(key);
		verifier.update(content.getBytes(StandardCharsets.UTF_8));
		return verifier.verify(HexFormat.of().parseHex(hexSignature));
	}

}
