package io.github.settrademqtt.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
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
 * <p>
 * Replicas in cluster mode ({@code settrade.mqtt.cluster.enabled}, the {@code cluster}
 * profile) must talk to one Settrade, so they start no simulator of their own: they use
 * the one a process started with {@code sample.simulator.share=true} (the
 * {@code cluster-shared} profile) shares through a {@link SharedSimulatorFile}, and fail
 * to start without it.
 * <p>
 * The simulator is a bean of the context and closes with it, once the starter's client
 * has stopped. Under ahead-of-time processing nothing is started: the build only learns
 * that the run will have credentials, and the run starts the simulator as usual.
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

	private static final String PROPERTY_SOURCE = "embeddedSettradeSimulator";

	private static final String APP_SECRET = "settrade.mqtt.app-secret";

	private static final String CLUSTER_ENABLED = "settrade.mqtt.cluster.enabled";

	private static final String SHARE = "sample.simulator.share";

	private static final String USE_SETTRADE = "set SETTRADE_MQTT_APP_ID, SETTRADE_MQTT_APP_SECRET, "
			+ "SETTRADE_MQTT_APP_CODE and SETTRADE_MQTT_BROKER_ID to use Settrade";

	/**
	 * What ahead-of-time processing sees as the app secret: not a key, only a sign that
	 * the run will have one.
	 */
	private static final String AOT_APP_SECRET = "provided-by-the-embedded-simulator-at-run-time";

	private static final Log logger = LogFactory.getLog(EmbeddedSimulatorLauncher.class);

	private @Nullable SettradeSimulator simulator;

	private @Nullable SharedSimulatorFile sharedFile;

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType)
				|| ApplicationPreparedEvent.class.isAssignableFrom(eventType)
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
			register(this.simulator, prepared.getApplicationContext());
		}
		else if (event instanceof ApplicationFailedEvent) {
			stop();
		}
	}

	/**
	 * Register the simulator as a bean that the context destroys like any other (as
	 * {@code @EmbeddedSettrade} and Spring Kafka's {@code @EmbeddedKafka} do): beans are
	 * destroyed after every lifecycle bean has stopped, so the starter's client
	 * disconnects before the simulator goes away and has no loss to report.
	 */
	private void register(SettradeSimulator simulator, ConfigurableApplicationContext context) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		beanFactory.registerSingleton(BEAN_NAME, simulator);
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(BEAN_NAME, this::stop);
	}

	private void startIfUnconfigured(ConfigurableEnvironment environment) {
		if (StringUtils.hasText(environment.getProperty(APP_SECRET)) || this.simulator != null) {
			return;
		}
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			// ahead-of-time processing decides which beans exist from the environment
			// of the build: the run will have the simulator's credentials, so the
			// starter is configured. Its address and credentials are the run's own.
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(APP_SECRET, AOT_APP_SECRET)));
			return;
		}
		Binder binder = Binder.get(environment);
		SharedSimulatorFile sharedFile = SharedSimulatorFile.get(binder);
		if (binder.bind(CLUSTER_ENABLED, Boolean.class).orElse(false)) {
			useSharedSimulator(environment, sharedFile);
			return;
		}
		SettradeSimulator simulator = SettradeSimulator.builder().build().start();
		SimulatedApp app = simulator.registerApp();
		Map<String, String> properties = simulator.springProperties(app, SSL_BUNDLE);
		usePropertiesOf(environment, properties);
		this.simulator = simulator;
		List<String> symbols = binder.bind("settrade.mqtt.subscriptions.bid-offer", Bindable.listOf(String.class))
			.orElse(List.of());
		double rate = binder.bind("sample.simulator.rate", Double.class).orElse(DEFAULT_RATE);
		if (!symbols.isEmpty() && rate > 0) {
			simulator.market().start(symbols, rate);
		}
		logger.info("No Settrade credentials set: using the embedded Settrade simulator at " + simulator.baseUrl()
				+ ", publishing " + symbols + " at " + rate + " messages/s per topic (" + USE_SETTRADE + ")");
		if (binder.bind(SHARE, Boolean.class).orElse(false)) {
			sharedFile.write(properties);
			this.sharedFile = sharedFile;
			logger.info("Sharing the embedded Settrade simulator with the replicas of the cluster profile through "
					+ sharedFile.path());
		}
	}

	/**
	 * Point the starter at the simulator another process shares: a replica in cluster
	 * mode starting one of its own would talk to another Settrade than the others.
	 */
	private void useSharedSimulator(ConfigurableEnvironment environment, SharedSimulatorFile sharedFile) {
		Map<String, String> properties = sharedFile.read()
			.orElseThrow(() -> new IllegalStateException("Settrade MQTT cluster mode (" + CLUSTER_ENABLED
					+ "=true) without Settrade credentials needs the simulator all replicas share, and none shares "
					+ "itself through " + sharedFile.path() + ": start one first (the sample with "
					+ "--spring.profiles.active=cluster-shared), or " + USE_SETTRADE));
		usePropertiesOf(environment, properties);
		logger.info("No Settrade credentials set: using the shared Settrade simulator at "
				+ properties.get("settrade.mqtt.base-url") + " (from " + sharedFile.path() + "; " + USE_SETTRADE + ")");
	}

	private void usePropertiesOf(ConfigurableEnvironment environment, Map<String, String> properties) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, new LinkedHashMap<>(properties)));
	}

	private void stop() {
		SharedSimulatorFile sharedFile = this.sharedFile;
		this.sharedFile = null;
		if (sharedFile != null) {
			sharedFile.delete();
		}
		SettradeSimulator simulator = this.simulator;
		this.simulator = null;
		if (simulator != null) {
			simulator.close();
		}
	}

}
