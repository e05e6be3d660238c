package io.github.settrademqtt.actuate.endpoint;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Settrade app secret wherever Actuator would show it ({@code /actuator/env},
 * {@code /actuator/configprops}), even when an operator sets
 * {@code management.endpoint.*.show-values=always}: as a property
 * ({@code settrade.mqtt.app-secret}), an environment variable
 * ({@code SETTRADE_MQTT_APP_SECRET}, or any other name ending in {@code APP_SECRET}) or a
 * bound field ({@code appSecret}).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeSecretSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isAppSecret(data.getKey()) ? data.withSanitizedValue() : data;
	}

	static boolean isAppSecret(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return normalized.endsWith("appsecret");
	}

}
