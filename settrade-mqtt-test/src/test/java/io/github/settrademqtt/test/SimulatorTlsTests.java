package io.github.settrademqtt.test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for the TLS identity of {@link SettradeSimulator}.
 */
class SimulatorTlsTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void aClientWithTheDefaultTrustFailsTheHandshake() throws Exception {
		SettradeTestClient untrusting = new SettradeTestClient(settrade.simulator().baseUrl(), SSLContext.getDefault());
		assertThatIllegalStateException().isThrownBy(() -> untrusting.login(settrade.app()))
			.withCauseInstanceOf(SSLHandshakeException.class);
		assertThat(settrade.simulator().stats().loginRequests()).isZero();
	}

	@Test
	void theCertificateCoversTheLoopbackNames() throws Exception {
		X509Certificate certificate = settrade.simulator().trustedCertificate();
		assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(2, "localhost"),
				List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
		Instant now = Instant.now();
		assertThat(certificate.getNotBefore().toInstant()).isBefore(now.minus(Duration.ofHours(23)));
		assertThat(certificate.getNotAfter().toInstant()).isAfter(now.plus(Duration.ofHours(23)));
		assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
	}

	@Test
	void thePemAndTheTrustStoreHoldTheServersCertificate() throws Exception {
		String pem = settrade.simulator().trustedCertificatePem();
		assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
		X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
			.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
		assertThat(parsed).isEqualTo(settrade.simulator().trustedCertificate());
		KeyStore trustStore = settrade.simulator().trustStore();
		assertThat(trustStore.size()).isOne();
		assertThat(trustStore.getCertificate(trustStore.aliases().nextElement())).isEqualTo(parsed);
	}

	@Test
	void aClientPreferringHttp2FallsBackToHttp11() throws Exception {
		// The JDK client offers h2 through ALPN by default; the simulator speaks HTTP/1.1
		// only, as the MQTT WebSocket upgrade on the same port needs
		HttpClient http = HttpClient.newBuilder()
			.sslContext(SettradeTestClient.sslContext(settrade.simulator().trustStore()))
			.build();
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(settrade.simulator().baseUrl() + "/api/dispatcher/v3/063/token"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
	}

	@Test
	void theIpAddressNameVerifiesToo() {
		SettradeTestClient byIp = new SettradeTestClient("https://127.0.0.1:" + settrade.simulator().port(),
				SettradeTestClient.sslContext(settrade.simulator().trustStore()));
		assertThat(byIp.login(settrade.app()).statusCode()).isEqualTo(200);
	}

}
