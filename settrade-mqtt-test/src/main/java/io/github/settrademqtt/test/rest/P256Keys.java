package io.github.settrademqtt.test.rest;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * P-256 (secp256r1) keys in the formats Settrade uses: app secrets as a base64 private
 * scalar and public keys as uncompressed points. Only the JDK's own providers are used,
 * so nothing is registered globally.
 *
 * @author settrade-mqtt
 */
public final class P256Keys {

	private static final String CURVE = "secp256r1";

	private static final int FIELD_BYTES = 32;

	private P256Keys() {
	}

	/**
	 * Generates a key pair whose secret encodes to 32 or 33 bytes, as Settrade's own
	 * secrets do. A scalar with a leading zero byte (about one in 256) would encode to 31
	 * bytes, a shape clients never meet in practice, so it is drawn again.
	 * @return a key pair on P-256
	 */
	public static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(CURVE));
			while (true) {
				KeyPair keyPair = generator.generateKeyPair();
				int length = ((ECPrivateKey) keyPair.getPrivate()).getS().toByteArray().length;
				if (length == FIELD_BYTES || length == FIELD_BYTES + 1) {
					return keyPair;
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("P-256 is not available in this JDK", ex);
		}
	}

	/**
	 * Encodes a private key the way the Settrade console hands out app secrets.
	 * @param privateKey the private key
	 * @return base64 (standard, padded) of the scalar's two's-complement bytes
	 */
	public static String encodeSecret(ECPrivateKey privateKey) {
		return Base64.getEncoder().encodeToString(privateKey.getS().toByteArray());
	}

	/**
	 * Decodes an uncompressed point ({@code 0x04 || X || Y}), the format of the public
	 * key in Settrade's published signer test vector.
	 * @param point the encoded point
	 * @return the public key
	 */
	public static ECPublicKey publicKeyFromUncompressedPoint(byte[] point) {
		if (point.length != 1 + 2 * FIELD_BYTES || point[0] != 0x04) {
			throw new IllegalArgumentException("Not an uncompressed P-256 point");
		}
		BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + FIELD_BYTES));
		BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 1 + FIELD_BYTES, point.length));
		try {
			return (ECPublicKey) KeyFactory.getInstance("EC")
				.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), parameters()));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Not a valid P-256 public key", ex);
		}
	}

	/**
	 * Returns the domain parameters of P-256.
	 * @return the curve parameters
	 */
	static ECParameterSpec parameters() {
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec(CURVE));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("P-256 is not available in this JDK", ex);
		}
	}

	/**
	 * Whether the key is on P-256; other curves would make signature checks meaningless.
	 * @param publicKey the key to check
	 * @return whether the key uses the P-256 domain parameters
	 */
	public static boolean isP256(ECPublicKey publicKey) {
		ECParameterSpec expected = parameters();
		ECParameterSpec actual = publicKey.getParams();
		return actual.getCurve().equals(expected.getCurve()) && actual.getGenerator().equals(expected.getGenerator())
				&& actual.getOrder().equals(expected.getOrder());
	}

}
