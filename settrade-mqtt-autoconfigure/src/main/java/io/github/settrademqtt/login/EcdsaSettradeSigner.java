package io.github.settrademqtt.login;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.encoders.Hex;

import org.springframework.util.Assert;

/**
 * {@link SettradeSigner} using BouncyCastle's ECDSA on P-256 with SHA-256.
 * <p>
 * The nonce is derived deterministically (RFC 6979), so signing needs no random source
 * and cannot be weakened by a poor one; Settrade verifies such signatures like any other.
 * Instances are thread-safe.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class EcdsaSettradeSigner implements SettradeSigner {

	private final ECPrivateKeyParameters key;

	/**
	 * Create a signer for the given secret.
	 * @param secret the app secret
	 */
	public EcdsaSettradeSigner(AppSecret secret) {
		Assert.notNull(secret, "'secret' must not be null");
		this.key = new ECPrivateKeyParameters(secret.privateScalar(), AppSecret.P256.DOMAIN);
	}

	@Override
	public String sign(String content) {
		Assert.notNull(content, "'content' must not be null");
		byte[] hash = sha256(content.getBytes(StandardCharsets.UTF_8));
		// ECDSASigner keeps per-signature state: one per call keeps this thread-safe
		ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
		signer.init(true, this.key);
		BigInteger[] rs = signer.generateSignature(hash);
		try {
			byte[] der = StandardDSAEncoding.INSTANCE.encode(AppSecret.P256.DOMAIN.getN(), rs[0], rs[1]);
			return Hex.toHexString(der);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not DER-encode the signature", ex);
		}
	}

	private static byte[] sha256(byte[] content) {
		SHA256Digest digest = new SHA256Digest();
		digest.update(content, 0, content.length);
		byte[] hash = new byte[digest.getDigestSize()];
		digest.doFinal(hash, 0);
		return hash;
	}

	@Override
	public String toString() {
		return "EcdsaSettradeSigner[P-256, SHA-256]";
	}

}
