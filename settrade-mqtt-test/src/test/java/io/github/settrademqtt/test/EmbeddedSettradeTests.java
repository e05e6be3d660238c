package io.github.settrademqtt.test;

import java.net.http.HttpResponse;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedSettrade @EmbeddedSettrade} in a Spring test context.
 */
@SpringJUnitConfig
@EmbeddedSettrade(tokenLifetime = "4s")
@ImportAutoConfiguration(SslAutoConfiguration.class)
class EmbeddedSettradeTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private SettradeSimulator settradeSimulator;

	@Autowired
	private SimulatedApp settradeSimulatedApp;

	@Autowired
	private SslBundles sslBundles;

	@Test
	void theSimulatorAndItsAppAreBeans() {
		assertThat(this.settradeSimulator.isRunning()).isTrue();
		assertThat(this.context.getBean("settradeSimulator")).isSameAs(this.settradeSimulator);
		assertThat(this.context.getBean("settradeSimulatedApp")).isSameAs(this.settradeSimulatedApp);
		assertThat(this.settradeSimulator.mqtt().credentialMode()).isEqualTo(MqttCredentialMode.HEADER);
	}

	@Test
	void propertiesComeFirstInTheEnvironmentAndNotFromSystemProperties() {
		assertThat(this.environment.getPropertySources().iterator().next().getName()).isEqualTo("embeddedSettrade");
		SimulatedApp app = this.settradeSimulatedApp;
		assertThat(this.environment.getProperty("settrade.mqtt.base-url")).isEqualTo(this.settradeSimulator.baseUrl());
		assertThat(this.environment.getProperty("settrade.mqtt.app-id")).isEqualTo(app.appId());
		assertThat(this.environment.getProperty("settrade.mqtt.app-secret")).isEqualTo(app.appSecret());
		assertThat(this.environment.getProperty("settrade.mqtt.app-code")).isEqualTo(app.appCode());
		assertThat(this.environment.getProperty("settrade.mqtt.broker-id")).isEqualTo("063");
		assertThat(this.environment.getProperty("settrade.mqtt.ssl.bundle")).isEqualTo("settrade-simulator");
		assertThat(this.environment.getProperty("spring.ssl.bundle.pem.settrade-simulator.truststore.certificate"))
			.isEqualTo(this.settradeSimulator.trustedCertificatePem());
		assertThat(System.getProperty("settrade.mqtt.base-url")).isNull();
	}

	@Test
	void theSslBundleCompletesARealLogin() {
		SSLContext sslContext = this.sslBundles.getBundle(this.environment.getProperty("settrade.mqtt.ssl.bundle"))
			.createSslContext();
		SettradeTestClient client = new SettradeTestClient(this.environment.getProperty("settrade.mqtt.base-url"),
				sslContext);
		SimulatedApp app = new SimulatedApp(this.environment.getProperty("settrade.mqtt.app-id"),
				this.environment.getProperty("settrade.mqtt.app-secret"),
				this.environment.getProperty("settrade.mqtt.app-code"),
				this.environment.getProperty("settrade.mqtt.broker-id"));
		HttpResponse<String> response = client.login(app);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = SettradeTestClient.json(response);
		assertThat(body.get("expires_in").longValue()).isEqualTo(4);
	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}
