package io.github.settrademqtt.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Quiets the one Paho logger that reports an expected event as an error: when the MQTT
 * keep-alive finds a connection half-open, Paho's {@code ClientState} logs
 * {@code SEVERE Timed out as no activity} (its only {@code SEVERE} lines are the two
 * keep-alive timeouts), and the connection reports the same loss, with its cause, in one
 * {@code WARN} of its own. The level is a default at the lowest precedence: any
 * {@code logging.level.org.eclipse.paho...} the application sets wins.
 *
 * @author settrade-mqtt
 */
class PahoLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * The name of the property source that holds the default.
	 */
	static final String PROPERTY_SOURCE_NAME = "settradeMqttPahoLogging";

	/**
	 * Paho's logger of keep-alive timeouts.
	 */
	static final String CLIENT_STATE_LOGGER = "org.eclipse.paho.client.mqttv3.internal.ClientState";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("logging.level." + CLIENT_STATE_LOGGER, "off")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
