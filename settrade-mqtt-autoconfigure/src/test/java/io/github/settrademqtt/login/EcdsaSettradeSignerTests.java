package io.github.settrademqtt.login;

import java.security.KeyPair;
import java.security.PublicKey;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EcdsaSettradeSigner}, checked against the JDK's own ECDSA.
 */
class EcdsaSettradeSignerTests {

	private static final String VECTOR_CONTENT = SettradeSigner.loginContent("key1", "", 1588137026555L);

	private static final String VECTOR_SIGNATURE = "3045022041e4ffdf2ccb366b00a7b1c8983a39a71065c1506d696afa3701a61328d2fe860221009075dd373cd35ce14c610eb9a7ba7f84ff84f4848cde237debefddc300dca0fe";

	@Test
	void loginContentJoinsAppIdParamsAndTimestampWithDots() {
		assertThat(VECTOR_CONTENT).isEqualTo("key1..1588137026555");
	}

	@Test
	void publishedVectorVerifiesAgainstPublishedPublicKey() throws Exception {
		PublicKey publicKey = P256.publicKey(java.util.Base64.getDecoder().decode(AppSecretTests.VECTOR_PUBLIC_KEY));
		assertThat(P256.verify(publicKey, VECTOR_CONTENT, VECTOR_SIGNATURE)).isTrue();
		assertThat(P256.verify(publicKey, VECTOR_CONTENT.replace("key1", "key2"), VECTOR_SIGNATURE)).isFalse();
	}

	@Test
	void signatureWithPublishedKeyVerifiesAgainstPublishedPublicKey() throws Exception {
		SettradeSigner signer = new EcdsaSettradeSigner(AppSecret.parse(AppSecretTests.VECTOR_PRIVATE_KEY));
		String signature = signer.sign(VECTOR_CONTENT);
		PublicKey publicKey = P256.publicKey(java.util.Base64.getDecoder().decode(AppSecretTests.VECTOR_PUBLIC_KEY));
		assertThat(signature).matches("30[0-9a-f]+");
		assertThat(P256.verify(publicKey, VECTOR_CONTENT, signature)).isTrue();
	}

	@RepeatedTest(20)
	void signaturesOfRandomKeysVerify() throws Exception {
		KeyPair keyPair = P256.generate();
		SettradeSigner signer = new EcdsaSettradeSigner(AppSecret.parse(P256.settradeSecret(keyPair)));
		String content = SettradeSigner.loginContent("app-" + System.nanoTime(), "", System.currentTimeMillis());
		String signature = signer.sign(content);
		assertThat(signature).isLowerCase();
		assertThat(P256.verify(keyPair.getPublic(), content, signature)).isTrue();
		assertThat(P256.verify(P256.generate().getPublic(), content, signature)).isFalse();
	}

	@Test
	void toStringShowsNoKey() {
		assertThat(new EcdsaSettradeSigner(AppSecret.parse(AppSecretTests.VECTOR_PRIVATE_KEY)))
			.hasToString("EcdsaSettradeSigner[P-256, SHA-256]");
	}

}
