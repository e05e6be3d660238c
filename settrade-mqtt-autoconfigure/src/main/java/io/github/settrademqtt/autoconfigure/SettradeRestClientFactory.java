package io.github.settrademqtt.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} for the Open API calls from the application's own
 * {@link RestClient.Builder} (so its customizers and observations apply), with the
 * starter's timeouts and, when {@code settrade.mqtt.ssl.bundle} is set, that bundle's
 * trust material.
 *
 * @author settrade-mqtt
 */
final class SettradeRestClientFactory {

	private SettradeRestClientFactory() {
	}

	static RestClient create(SettradeMqttProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<SettradeLoginRestClientCustomizer> customizers) {
		// reactive applications have no RestClient.Builder bean: fall back to a plain one
		RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder);
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getHttp().getConnectTimeout(), properties.getHttp().getReadTimeout());
		String bundle = properties.getSsl().getBundle();
		if (bundle != null) {
			settings = settings.withSslBundle(sslBundles.getObject().getBundle(bundle));
		}
		builder.requestFactory(
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect).build(settings));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
