package io.github.settrademqtt.test.context;

import java.util.List;

import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.MqttCredentialMode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EmbeddedSettradeContextCustomizerFactory}.
 */
class EmbeddedSettradeContextCustomizerFactoryTests {

	private final EmbeddedSettradeContextCustomizerFactory factory = new EmbeddedSettradeContextCustomizerFactory();

	@Test
	void aTestWithoutTheAnnotationGetsNoCustomizer() {
		assertThat(customizer(NotAnnotated.class)).isNull();
	}

	@Test
	void equalAttributesGiveEqualCustomizersSoTheContextIsCached() {
		ContextCustomizer first = customizer(Defaults.class);
		ContextCustomizer second = customizer(SameDefaults.class);
		assertThat(first).isNotNull().isEqualTo(second).hasSameHashCodeAs(second);
	}

	@Test
	void differentAttributesGiveDifferentCustomizers() {
		assertThat(customizer(Defaults.class)).isNotEqualTo(customizer(Custom.class));
	}

	@Test
	void attributesAreRead() {
		assertThat(customizer(Custom.class)).isEqualTo(new EmbeddedSettradeContextCustomizer("4s", "1m", "10s", "098",
				"sim", MqttCredentialMode.HEADER, List.of("PTT", "AOT"), 50));
		assertThat(customizer(Defaults.class)).isEqualTo(new EmbeddedSettradeContextCustomizer("30m", "2h", "60s",
				"063", "settrade-simulator", MqttCredentialMode.HEADER, List.of(), 10));
	}

	@Test
	void theCredentialModeIsRead() {
		assertThat(customizer(Defaults.class)).extracting("credentialMode").isEqualTo(MqttCredentialMode.HEADER);
		assertThat(customizer(PasswordMode.class)).extracting("credentialMode").isEqualTo(MqttCredentialMode.PASSWORD);
		assertThat(customizer(PasswordMode.class)).isNotEqualTo(customizer(Defaults.class));
	}

	@Test
	void theMarketAttributesTellContextsApart() {
		assertThat(customizer(NoMarket.class)).extracting("rate").isEqualTo(0.0);
		assertThat(customizer(NoMarket.class)).isNotEqualTo(customizer(Defaults.class));
	}

	@Test
	void aRateOutOfRangeIsRejectedNamingTheAttribute() {
		assertThatIllegalArgumentException().isThrownBy(() -> customizer(NegativeRate.class))
			.withMessageContaining("@EmbeddedSettrade rate")
			.withMessageContaining("-1.0");
	}

	@Test
	void theAnnotationIsInherited() {
		assertThat(customizer(Inheriting.class)).isEqualTo(customizer(Custom.class));
	}

	@Test
	void nestedTestsUseTheEnclosingAnnotation() {
		assertThat(customizer(Defaults.Inner.class)).isEqualTo(customizer(Defaults.class));
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	static class NotAnnotated {

	}

	@EmbeddedSettrade
	static class Defaults {

		@Nested
		class Inner {

		}

	}

	@EmbeddedSettrade
	static class SameDefaults {

	}

	@EmbeddedSettrade(tokenLifetime = "4s", refreshTokenLifetime = "1m", timestampTolerance = "10s", brokerId = "098",
			sslBundle = "sim", symbols = { "PTT", "AOT" }, rate = 50)
	static class Custom {

	}

	static class Inheriting extends Custom {

	}

	@EmbeddedSettrade(credentialMode = MqttCredentialMode.PASSWORD)
	static class PasswordMode {

	}

	@EmbeddedSettrade(rate = 0)
	static class NoMarket {

	}

	@EmbeddedSettrade(rate = -1)
	static class NegativeRate {

	}

}
