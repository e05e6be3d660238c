package io.github.settrademqtt.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.SmartApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded Settrade simulator when no app secret is configured, and points
 * {@code settrade.mqtt.*} at it, so the sample runs with no credentials at all. With an
 * app secret set (for example {@code SETTRADE_MQTT_APP_SECRET}) it does nothing and the
 * application talks to Settrade.
 * <p>
 * The simulator's market generator publishes books and prices for the symbols in
 * {@code settrade.mqtt.subscriptions.bid-offer}, at {@code sample.simulator.rate}
 * messages per second per topic (two by default, readable in a browser).
 *
 * @author settrade-mqtt
 */
public class EmbeddedSimulatorLauncher implements SmartApplicationListener {

	/**
	 * Name of the simulator bean, for tests.
	 */
	public static final String BEAN_NAME = "settradeSimulator";

	/**
	 * Messages per second per topic the simulator publishes when
	 * {@code sample.simulator.rate} is not set.
	 */
	public static final double DEFAULT_RATE = 2;

	private static final String SSL_BUNDLE = "settrade-simulator";

	private static final Log logger = LogFactory.getLog(EmbeddedSimulatorLauncher.class);

	private @Nullable SettradeSimulator simulator;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType)
				|| ContextClosedEvent.class.isAssignableFrom(eventType)
				|| ApplicationFailedEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public int getOrder() {
		// after logging is initialised, so the banner line is printed
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			startIfUnconfigured(prepared.getEnvironment());
		}
		else if (event instanceof ApplicationPreparedEvent prepared && this.simulator != null) {
			prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this.simulator);
		}
		else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
			stop();
		}
	}

	private void startIfUnconfigured(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty("settrade.mqtt.app-secret")) || this.simulator != null) {
			return;
		}
		SettradeSimulator simulator = SettradeSimulator.builder().build().start();
		SimulatedApp app = simulator.registerApp();
		Map<String, Object> properties = new LinkedHashMap<>(simulator.springProperties(app, SSL_BUNDLE));
		environment.getPropertySources().addFirst(new MapPropertySource("embeddedSettradeSimulator", properties));
		this.simulator = simulator;
		Binder binder = Binder.get(environment);
		List<String> symbols = binder.bind("settrade.mqtt.subscriptions.bid-offer", Bindable.listOf(String.class))
			.orElse(List.of());
		double rate = binder.bind("sample.simulator.rate", Double.class).orElse(DEFAULT_RATE);
		if (!symbols.isEmpty() && rate > 0) {
			simulator.market().start(symbols, rate);
		}
		logger.info("No Settrade credentials set: using the embedded Settrade simulator at " + simulator.baseUrl()
				+ ", publishing " + symbols + " at " + rate
				+ " messages/s per topic (set SETTRADE_MQTT_APP_ID, SETTRADE_MQTT_APP_SECRET, SETTRADE_MQTT_APP_CODE"
				+ " and SETTRADE_MQTT_BROKER_ID to use Settrade)");
	}

	private void stop() {
		SettradeSimulator simulator = this.simulator;
		this.simulator = null;
		if (simulator != null) {
			simulator.close();
		}
	}

}
