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

	private final SettradeMqttProperties properties;

	private final ObjectProvider<RestClient.Builder> restClientBuilder;

	private final ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder;

	private final ObjectProvider<HttpClientSettings> httpClientSettings;

	private final ObjectProvider<SslBundles> sslBundles;

	private final ObjectProvider<SettradeLoginRestClientCustomizer> customizers;

	SettradeRestClientFactory(SettradeMqttProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<SettradeLoginRestClientCustomizer> customizers) {
		this.properties = properties;
		this.restClientBuilder = restClientBuilder;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.sslBundles = sslBundles;
		this.customizers = customizers;
	}

	RestClient create() {
		// reactive applications have no RestClient.Builder bean: fall back to a plain one
		RestClient.Builder builder = this.restClientBuilder.getIfAvailable(RestClient::builder);
		HttpClientSettings settings = this.httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(this.properties.getHttp().getConnectTimeout(), this.properties.getHttp().getReadTimeout());
		String bundle = this.properties.getSsl().getBundle();
		if (bundle != null) {
			SslBundles bundles = this.sslBundles.getObject();
			settings = settings.withSslBundle(bundles.getBundle(bundle));
		}
		builder.requestFactory(
				this.requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect).build(settings));
		this.customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
