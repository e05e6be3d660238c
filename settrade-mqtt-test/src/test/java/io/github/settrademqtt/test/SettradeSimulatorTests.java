package io.github.settrademqtt.test;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.github.settrademqtt.test.rest.P256Keys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the lifecycle, app registration and configuration of
 * {@link SettradeSimulator}.
 */
class SettradeSimulatorTests {

	@Test
	void startIsIdempotentAndStopReleasesThePort() {
		SettradeSimulator simulator = SettradeSimulator.builder().build();
		assertThat(simulator.isRunning()).isFalse();
		simulator.start();
		int port = simulator.port();
		assertThat(simulator.start().port()).isEqualTo(port);
		assertThat(simulator.baseUrl()).isEqualTo("https://localhost:" + port);
		simulator.stop();
		assertThat(simulator.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(simulator::port);
		simulator.stop();
	}

	@Test
	void aRestartedSimulatorKeepsItsCertificateAndApps() {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			SimulatedApp app = simulator.registerApp();
			String pem = simulator.trustedCertificatePem();
			simulator.stop();
			simulator.start();
			assertThat(simulator.trustedCertificatePem()).isEqualTo(pem);
			assertThat(SettradeTestClient.trusting(simulator).login(app).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void closeStopsTheSimulator() {
		SettradeSimulator simulator = SettradeSimulator.builder().build().start();
		try (simulator) {
			assertThat(simulator.isRunning()).isTrue();
		}
		assertThat(simulator.isRunning()).isFalse();
	}

	@Test
	void theCertificateIsOnlyAvailableOnceStarted() {
		SettradeSimulator simulator = SettradeSimulator.builder().build();
		assertThatIllegalStateException().isThrownBy(simulator::trustedCertificatePem);
		assertThatIllegalStateException().isThrownBy(simulator::trustStore);
		assertThatIllegalStateException().isThrownBy(simulator::baseUrl);
	}

	@Test
	void registeredAppsHaveSettradeShapedSecrets() {
		SettradeSimulator simulator = SettradeSimulator.builder().build();
		SimulatedApp app = simulator.registerApp();
		assertThat(app.brokerId()).isEqualTo("063");
		assertThat(app.appId()).matches("[A-Za-z0-9]{20}");
		assertThat(app.appCode()).matches("[A-Z0-9]+");
		assertThat(Base64.getDecoder().decode(app.appSecret()).length).isIn(32, 33);
		assertThat(simulator.registerApp().appId()).isNotEqualTo(app.appId());
		for (int i = 0; i < 300; i++) {
			byte[] scalar = Base64.getDecoder()
				.decode(P256Keys.encodeSecret((ECPrivateKey) P256Keys.generate().getPrivate()));
			assertThat(scalar.length).isIn(32, 33);
			if (scalar.length == 33) {
				assertThat(scalar[0]).isZero();
			}
		}
	}

	@Test
	void theBrokerIdAndLifetimesAreConfigurable() {
		try (SettradeSimulator simulator = SettradeSimulator.builder()
			.brokerId("098")
			.tokenLifetime(Duration.ofSeconds(4))
			.refreshTokenLifetime(Duration.ofMinutes(1))
			.build()
			.start()) {
			SimulatedApp app = simulator.registerApp();
			assertThat(app.brokerId()).isEqualTo("098");
			var login = SettradeTestClient.trusting(simulator).loginOk(app);
			assertThat(login.get("expires_in").longValue()).isEqualTo(4);
			assertThat(login.get("refresh_expires_in").longValue()).isEqualTo(60);
		}
	}

	@Test
	void aKnownPublicKeyCanBeRegistered() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		var keyPair = generator.generateKeyPair();
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			simulator.registerApp("my-app", "MYCODE", (ECPublicKey) keyPair.getPublic());
			String secret = Base64.getEncoder()
				.encodeToString(((ECPrivateKey) keyPair.getPrivate()).getS().toByteArray());
			SimulatedApp app = new SimulatedApp("my-app", secret, "MYCODE", "063");
			assertThat(SettradeTestClient.trusting(simulator).login(app).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void aPublicKeyOnAnotherCurveIsRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp384r1"));
		ECPublicKey publicKey = (ECPublicKey) generator.generateKeyPair().getPublic();
		SettradeSimulator simulator = SettradeSimulator.builder().build();
		assertThatIllegalArgumentException().isThrownBy(() -> simulator.registerApp("a", "b", publicKey))
			.withMessageContaining("P-256");
	}

	@Test
	void builderArgumentsAreChecked() {
		SettradeSimulator.Builder builder = SettradeSimulator.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.tokenLifetime(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.refreshTokenLifetime(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.timestampTolerance(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.brokerId(" "));
	}

	@Test
	void theMqttCredentialModeIsConfigurable() {
		assertThat(SettradeSimulator.builder().build().mqtt().credentialMode()).isEqualTo(MqttCredentialMode.HEADER);
		SettradeSimulator simulator = SettradeSimulator.builder().credentialMode(MqttCredentialMode.PASSWORD).build();
		assertThat(simulator.mqtt().credentialMode()).isEqualTo(MqttCredentialMode.PASSWORD);
		assertThat(simulator).hasToString("SettradeSimulator[stopped, brokerId=063, mqttCredentialMode=PASSWORD]");
		assertThatNullPointerException().isThrownBy(() -> SettradeSimulator.builder().credentialMode(null));
	}

	@Test
	void springPropertiesPointTheStarterAtTheSimulator() {
		try (SettradeSimulator simulator = SettradeSimulator.builder().build().start()) {
			SimulatedApp app = simulator.registerApp();
			Map<String, String> properties = simulator.springProperties(app, "sim");
			assertThat(properties).containsExactly(Map.entry("settrade.mqtt.base-url", simulator.baseUrl()),
					Map.entry("settrade.mqtt.app-id", app.appId()),
					Map.entry("settrade.mqtt.app-secret", app.appSecret()),
					Map.entry("settrade.mqtt.app-code", app.appCode()), Map.entry("settrade.mqtt.broker-id", "063"),
					Map.entry("settrade.mqtt.ssl.bundle", "sim"),
					Map.entry("spring.ssl.bundle.pem.sim.truststore.certificate", simulator.trustedCertificatePem()),
					Map.entry("settrade.simulator.base-url", simulator.baseUrl()));
		}
	}

}
