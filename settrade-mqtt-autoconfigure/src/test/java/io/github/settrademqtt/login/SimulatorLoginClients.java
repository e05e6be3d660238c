package io.github.settrademqtt.login;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

import io.github.settrademqtt.support.ExponentialBackoff;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.web.client.RestClient;

/**
 * Builds login clients wired to a simulator, trusting its generated certificate, with
 * short back-off so retry tests run fast.
 */
final class SimulatorLoginClients {

	private SimulatorLoginClients() {
	}

	static SettradeLoginClient client(SettradeSimulator simulator, SimulatedApp app) {
		return client(simulator, app, app.appSecret(), Clock.systemUTC());
	}

	static SettradeLoginClient client(SettradeSimulator simulator, SimulatedApp app, String secret, Clock clock) {
		return client(simulator, app, secret, clock, System::nanoTime);
	}

	static SettradeLoginClient client(SettradeSimulator simulator, SimulatedApp app, String secret, Clock clock,
			LongSupplier nanoClock) {
		SslBundle trust = SslBundle.of(SslStoreBundle.of(null, null, simulator.trustStore()));
		RestClient restClient = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.build(HttpClientSettings.ofSslBundle(trust)
					.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))))
			.build();
		SettradeCredentials credentials = new SettradeCredentials(URI.create(simulator.baseUrl()), app.brokerId(),
				app.appId(), app.appCode());
		ExponentialBackoff backOff = new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0.2);
		return new SettradeLoginClient(restClient, credentials, new EcdsaSettradeSigner(AppSecret.parse(secret)),
				SettradeLoginClient.retry(5, backOff), clock, nanoClock);
	}

}
