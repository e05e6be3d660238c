package io.github.settrademqtt.login;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AppSecret}.
 */
class AppSecretTests {

	/**
	 * Settrade's published known-answer vector.
	 */
	static final String VECTOR_PRIVATE_KEY = "AIKi/X7lvfu0haz0SttdbCj+nXmWBt/jfrbPAHRjwNHq";

	static final String VECTOR_PUBLIC_KEY = "BHgE2uNGubxdex5rWgKdGeVZZKat+DQQ5R+EGmW30d53SeYZ83frLak9MWbgcl3Wz68ROIu9kWLwzbaBqB6rciY=";

	@Test
	void publicKeyOfPublishedVectorIsDerivedFromItsPrivateKey() {
		AppSecret secret = AppSecret.parse(VECTOR_PRIVATE_KEY);
		assertThat(Base64.getEncoder().encodeToString(secret.publicKey())).isEqualTo(VECTOR_PUBLIC_KEY);
	}

	@Test
	void toleratesMissingPaddingAndSurroundingWhiteSpace() throws Exception {
		String padded = P256.settradeSecret(P256.generate());
		String sloppy = "  \t" + padded.replace("=", "") + " \n";
		assertThat(AppSecret.parse(sloppy).publicKey()).isEqualTo(AppSecret.parse(padded).publicKey());
	}

	@Test
	void acceptsThirtyTwoBytesAndThirtyThreeWithLeadingZero() {
		byte[] plain = new byte[32];
		plain[31] = 7;
		byte[] signPadded = new byte[33];
		signPadded[32] = 7;
		assertThat(AppSecret.parse(Base64.getEncoder().encodeToString(plain)).publicKey())
			.isEqualTo(AppSecret.parse(Base64.getEncoder().encodeToString(signPadded)).publicKey());
	}

	@Test
	void lengthOneMoreThanMultipleOfFourFailsWithoutEchoingTheSecret() {
		String secret = VECTOR_PRIVATE_KEY + "Q";
		assertThatExceptionOfType(InvalidAppSecretException.class).isThrownBy(() -> AppSecret.parse(secret))
			.withMessageContaining("one more than a multiple of 4")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(VECTOR_PRIVATE_KEY));
	}

	@Test
	void charactersOutsideBase64Fail() {
		assertThatExceptionOfType(InvalidAppSecretException.class)
			.isThrownBy(() -> AppSecret.parse("AIKi/X7lvfu0haz0-ttdbCj+nXmWBt/jfrbPAHRjwNHq"))
			.withMessageContaining("not base64")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("AIKi"));
	}

	@Test
	void wrongLengthFails() {
		assertThatExceptionOfType(InvalidAppSecretException.class)
			.isThrownBy(() -> AppSecret.parse(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("decodes to 16 bytes");
	}

	@Test
	void thirtyThreeBytesWithoutLeadingZeroFails() {
		byte[] bytes = new byte[33];
		bytes[0] = 1;
		assertThatExceptionOfType(InvalidAppSecretException.class)
			.isThrownBy(() -> AppSecret.parse(Base64.getEncoder().encodeToString(bytes)))
			.withMessageContaining("decodes to 33 bytes");
	}

	@Test
	void scalarOutsideCurveRangeFails() {
		assertThatExceptionOfType(InvalidAppSecretException.class)
			.isThrownBy(() -> AppSecret.parse(Base64.getEncoder().encodeToString(new byte[32])))
			.withMessageContaining("outside the curve's range");
		byte[] allOnes = new byte[32];
		java.util.Arrays.fill(allOnes, (byte) 0xff);
		assertThatExceptionOfType(InvalidAppSecretException.class)
			.isThrownBy(() -> AppSecret.parse(Base64.getEncoder().encodeToString(allOnes)))
			.withMessageContaining("outside the curve's range");
	}

	@Test
	void blankFails() {
		assertThatExceptionOfType(InvalidAppSecretException.class).isThrownBy(() -> AppSecret.parse("  "))
			.withMessage("The app secret is empty");
	}

	@Test
	void toStringMasksTheSecret() {
		assertThat(AppSecret.parse(VECTOR_PRIVATE_KEY)).hasToString("AppSecret[******]");
	}

}
