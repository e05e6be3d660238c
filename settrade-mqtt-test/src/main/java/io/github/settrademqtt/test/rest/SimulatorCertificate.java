package io.github.settrademqtt.test.rest;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's self-signed TLS identity: an EC P-256 key and a certificate for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, valid from a day ago to a day
 * ahead. Clients trust it explicitly (PEM or trust store) with hostname verification on,
 * exactly as they would trust a real server.
 * <p>
 * The validity window follows the real time, not the simulator clock: TLS clients check
 * certificates against their own clock, and a simulator clock set to the past (to replay
 * a published test vector, say) must not make the certificate unusable.
 *
 * @author settrade-mqtt
 */
public final class SimulatorCertificate {

	static final String ALIAS = "settrade-simulator";

	private static final Duration VALIDITY_MARGIN = Duration.ofDays(1);

	private final PrivateKey privateKey;

	private final X509Certificate certificate;

	private SimulatorCertificate(PrivateKey privateKey, X509Certificate certificate) {
		this.privateKey = privateKey;
		this.certificate = certificate;
	}

	/**
	 * Generates a new key pair and self-signed certificate.
	 * @return the new identity
	 */
	public static SimulatorCertificate generate() {
		KeyPair keyPair = P256Keys.generate();
		Instant now = Instant.now();
		X500Principal subject = new X500Principal("CN=localhost, O=Settrade Open API simulator");
		BigInteger serial = new BigInteger(64, new SecureRandom()).setBit(63);
		try {
			X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
					Date.from(now.minus(VALIDITY_MARGIN)), Date.from(now.plus(VALIDITY_MARGIN)), subject,
					keyPair.getPublic());
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
							new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
							new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()) }));
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			builder.addExtension(Extension.extendedKeyUsage, false,
					new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
			return new SimulatorCertificate(keyPair.getPrivate(), certificate);
		}
		catch (IOException | GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException("Could not create the simulator's TLS certificate", ex);
		}
	}

	PrivateKey privateKey() {
		return this.privateKey;
	}

	public X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Returns the certificate in PEM form.
	 * @return the PEM text, one {@code CERTIFICATE} block with a trailing newline
	 */
	public String pem() {
		try {
			Base64.Encoder encoder = Base64.getMimeEncoder(64, new byte[] { '\n' });
			return "-----BEGIN CERTIFICATE-----\n" + encoder.encodeToString(this.certificate.getEncoded())
					+ "\n-----END CERTIFICATE-----\n";
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not encode the simulator's TLS certificate", ex);
		}
	}

	/**
	 * Returns a new in-memory trust store holding only this certificate.
	 * @return a PKCS12 trust store, without a password
	 */
	public KeyStore trustStore() {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry(ALIAS, this.certificate);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Could not create a trust store", ex);
		}
	}

}
