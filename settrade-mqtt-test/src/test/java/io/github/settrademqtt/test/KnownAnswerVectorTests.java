package io.github.settrademqtt.test;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import io.github.settrademqtt.test.rest.LoginSignatureVerifier;
import io.github.settrademqtt.test.rest.P256Keys;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the simulator's signature verification against the known-answer vector Settrade
 * publishes with its signer.
 */
class KnownAnswerVectorTests {

	private static final String PRIVATE_KEY = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	private static final String PUBLIC_KEY = "BHgE2uNGubxdex5rWgKdGeVZZKat+DQQ5R+EGmW30d53SeYZ83frLak9MWbgcl3Wz68ROIu9kWLwzbaBqB6rciY=";

	private static final String API_KEY = "key1";

	private static final String TIMESTAMP = "1588137026555";

	private static final String SIGNATURE = "3045022041e4ffdf2ccb366b00a7b1c8983a39a71065c1506d696afa3701a61328d2fe86"
			+ "0221009075dd373cd35ce14c610eb9a7ba7f84ff84f4848cde237debefddc300dca0fe";

	private static final ECPublicKey publicKey = P256Keys
		.publicKeyFromUncompressedPoint(Base64.getDecoder().decode(PUBLIC_KEY));

	@Test
	void thePublishedSignatureVerifies() {
		assertThat(LoginSignatureVerifier.verify(publicKey, API_KEY, "", TIMESTAMP, SIGNATURE)).isTrue();
	}

	@Test
	void thePublishedSignatureDoesNotVerifyOtherContent() {
		assertThat(LoginSignatureVerifier.verify(publicKey, API_KEY, "", "1588137026556", SIGNATURE)).isFalse();
		assertThat(LoginSignatureVerifier.verify(publicKey, "key2", "", TIMESTAMP, SIGNATURE)).isFalse();
		assertThat(LoginSignatureVerifier.verify(publicKey, API_KEY, "x", TIMESTAMP, SIGNATURE)).isFalse();
		assertThat(LoginSignatureVerifier.verify(publicKey, API_KEY, "", TIMESTAMP, SIGNATURE.substring(2))).isFalse();
	}

	@Test
	void thePublishedPublicKeyDerivesFromThePublishedPrivateKey() {
		byte[] scalar = Base64.getDecoder().decode(PRIVATE_KEY);
		assertThat(scalar).hasSize(33).startsWith(0);
		byte[] derived = ECNamedCurveTable.getParameterSpec("secp256r1")
			.getG()
			.multiply(new BigInteger(1, scalar))
			.normalize()
			.getEncoded(false);
		assertThat(derived).isEqualTo(Base64.getDecoder().decode(PUBLIC_KEY));
	}

	@Test
	void theSimulatorAcceptsThePublishedLoginOverHttps() {
		Clock then = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(TIMESTAMP)), ZoneOffset.UTC);
		try (SettradeSimulator simulator = SettradeSimulator.builder().clock(then).build().start()) {
			simulator.registerApp(API_KEY, "ALGO", publicKey);
			SettradeTestClient client = new SettradeTestClient(simulator.baseUrl(),
					SettradeTestClient.sslContext(simulator.trustStore()), then);
			SimulatedApp app = new SimulatedApp(API_KEY, PRIVATE_KEY, "ALGO", simulator.brokerId());
			HttpResponse<String> published = client.postJson(SettradeTestClient.loginPath(app),
					SettradeTestClient.loginBody(API_KEY, "", TIMESTAMP, SIGNATURE));
			assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
			assertThat(published.headers().firstValue("Date")).hasValue("Wed, 29 Apr 2020 05:10:26 GMT");
			// A fresh signature made with the published private key verifies as well
			assertThat(client.login(app).statusCode()).isEqualTo(200);
		}
	}

}
