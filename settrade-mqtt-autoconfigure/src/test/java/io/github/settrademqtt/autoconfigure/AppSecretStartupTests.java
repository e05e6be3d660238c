package io.github.settrademqtt.autoconfigure;

import java.math.BigInteger;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How an application starts with app secrets as users paste them, against the simulator.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppSecretStartupTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void secretWithoutPaddingAndWithTrailingWhiteSpaceLogsIn() {
		String padded = thirtyTwoByteSecret(settrade.app().appSecret());
		assertThat(padded).endsWith("=");
		String sloppy = padded.replace("=", "") + "  \t\n";
		try (ConfigurableApplicationContext context = application(sloppy).run()) {
			assertThat(context.getBean(SettradeLoginService.class).accessToken().value()).isNotBlank();
			assertThat(settrade.simulator().stats().successfulLogins()).isEqualTo(1);
		}
	}

	@Test
	void secretOfLengthFourKPlusOneFailsStartupNamingTheKeyAndNeverShowingTheSecret(CapturedOutput output) {
		String unpadded = thirtyTwoByteSecret(settrade.app().appSecret()).replace("=", "");
		String broken = unpadded + "AB";
		assertThat(broken.length() % 4).isEqualTo(1);
		assertThatException().isThrownBy(() -> application(broken).run());
		assertThat(output).contains("settrade.mqtt.app-secret")
			.contains("one more than a multiple of 4")
			.contains("Update your application's configuration");
		assertThat(output.toString()).doesNotContain(broken)
			.doesNotContain(unpadded)
			.doesNotContain(settrade.app().appSecret());
		assertThat(settrade.simulator().stats().loginRequests()).isZero();
	}

	private SpringApplicationBuilder application(String secret) {
		Map<String, Object> properties = new LinkedHashMap<>(
				settrade.simulator().springProperties(settrade.app(), "simulator"));
		properties.put("settrade.mqtt.app-secret", secret);
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE).properties(properties);
	}

	/**
	 * Re-encode a secret as exactly 32 bytes, the form whose base64 carries padding.
	 */
	private static String thirtyTwoByteSecret(String secret) {
		BigInteger scalar = new BigInteger(1, Base64.getDecoder().decode(secret));
		byte[] bytes = new byte[32];
		byte[] magnitude = scalar.toByteArray();
		int length = Math.min(magnitude.length, 32);
		System.arraycopy(magnitude, magnitude.length - length, bytes, 32 - length, length);
		return Base64.getEncoder().encodeToString(bytes);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
