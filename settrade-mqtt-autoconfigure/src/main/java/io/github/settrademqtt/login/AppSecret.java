package io.github.settrademqtt.login;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A Settrade app secret: the base64 encoded private scalar of an ECDSA P-256 key.
 * <p>
 * The console sometimes hands the secret out without its '=' padding and with surrounding
 * white space, so both are tolerated. The decoded bytes are the big-endian scalar: 32
 * bytes, or 33 with a leading zero. The scalar is kept private to this package;
 * {@link #toString()} never shows it.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class AppSecret {

	private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*");

	private final BigInteger privateScalar;

	private AppSecret(BigInteger privateScalar) {
		this.privateScalar = privateScalar;
	}

	/**
	 * Parse an app secret as issued by the Settrade console.
	 * @param secret the base64 secret, padded or not, with or without surrounding white
	 * space
	 * @return the parsed secret
	 * @throws InvalidAppSecretException if the value is not a P-256 private key in
	 * base64; the message never contains the value
	 */
	public static AppSecret parse(String secret) {
		if (secret == null || secret.isBlank()) {
			throw new InvalidAppSecretException("The app secret is empty");
		}
		String unpadded = stripPadding(secret.strip());
		if (!BASE64.matcher(unpadded).matches()) {
			throw new InvalidAppSecretException(
					"The app secret is not base64: it has characters outside the standard base64 alphabet");
		}
		if (unpadded.length() % 4 == 1) {
			throw new InvalidAppSecretException("The app secret is not base64: its length (" + unpadded.length()
					+ " characters without padding) is one more than a multiple of 4, which no base64 text can be; "
					+ "a character was probably lost when it was copied");
		}
		byte[] decoded = Base64.getDecoder().decode(repad(unpadded));
		try {
			return new AppSecret(toScalar(decoded));
		}
		finally {
			Arrays.fill(decoded, (byte) 0);
		}
	}

	private static String stripPadding(String value) {
		int end = value.length();
		while (end > 0 && value.charAt(end - 1) == '=') {
			end--;
		}
		return value.substring(0, end);
	}

	private static String repad(String unpadded) {
		int remainder = unpadded.length() % 4;
		return (remainder != 0) ? unpadded + "=".repeat(4 - remainder) : unpadded;
	}

	private static BigInteger toScalar(byte[] decoded) {
		boolean plain = decoded.length == 32;
		boolean signPadded = decoded.length == 33 && decoded[0] == 0;
		if (!plain && !signPadded) {
			throw new InvalidAppSecretException("The app secret does not decode to a P-256 private key: expected 32 "
					+ "bytes, or 33 with a leading zero, but it decodes to " + decoded.length + " bytes");
		}
		BigInteger scalar = new BigInteger(1, decoded);
		BigInteger order = P256.DOMAIN.getN();
		if (scalar.signum() == 0 || scalar.compareTo(order) >= 0) {
			throw new InvalidAppSecretException(
					"The app secret does not decode to a P-256 private key: the scalar is outside the curve's range");
		}
		return scalar;
	}

	BigInteger privateScalar() {
		return this.privateScalar;
	}

	/**
	 * Return the public key that belongs to this secret, as an uncompressed curve point
	 * (65 bytes, leading 0x04). The public key is not secret.
	 * @return the encoded public key
	 */
	public byte[] publicKey() {
		ECPoint point = P256.DOMAIN.getG().multiply(this.privateScalar).normalize();
		return point.getEncoded(false);
	}

	@Override
	public String toString() {
		return "AppSecret[******]";
	}

	/**
	 * The curve Settrade signs with.
	 */
	static final class P256 {

		static final ECDomainParameters DOMAIN = new ECDomainParameters(
				org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256r1"));

		private P256() {
		}

	}

}
