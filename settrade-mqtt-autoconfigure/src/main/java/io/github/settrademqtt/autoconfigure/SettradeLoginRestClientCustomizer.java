package io.github.settrademqtt.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Callback to customize the {@link RestClient.Builder} behind the Settrade login, refresh
 * and ticket calls, after the starter has applied its timeouts and TLS settings. Beans of
 * this type are applied in {@link org.springframework.core.annotation.Order} order.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@FunctionalInterface
public interface SettradeLoginRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder to customize
	 */
	void customize(RestClient.Builder builder);

}
