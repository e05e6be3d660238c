package io.github.settrademqtt.test.context;

import java.util.LinkedHashMap;
import java.util.List;

import io.github.settrademqtt.test.EmbeddedSettrade;
import io.github.settrademqtt.test.MqttCredentialMode;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.Assert;

/**
 * Starts a {@link SettradeSimulator} for a test context, registers it and its app as
 * beans and adds the {@code embeddedSettrade} property source. A record, so that equal
 * attributes give equal customizers and the test context cache shares the context.
 *
 * @param tokenLifetime the access token lifetime
 * @param refreshTokenLifetime the refresh token lifetime
 * @param timestampTolerance the login timestamp tolerance
 * @param brokerId the broker id
 * @param sslBundle the SSL bundle name
 * @param credentialMode where the MQTT endpoint expects tickets
 * @param symbols the symbols the market publishes for, empty to follow the application's
 * subscriptions
 * @param rate messages a second per topic, {@code 0} for no market
 * @author settrade-mqtt
 */
record EmbeddedSettradeContextCustomizer(String tokenLifetime, String refreshTokenLifetime, String timestampTolerance,
		String brokerId, String sslBundle, MqttCredentialMode credentialMode, List<String> symbols,
		double rate) implements ContextCustomizer {

	static final String SIMULATOR_BEAN_NAME = "settradeSimulator";

	static final String APP_BEAN_NAME = "settradeSimulatedApp";

	static final String PROPERTY_SOURCE_NAME = "embeddedSettrade";

	EmbeddedSettradeContextCustomizer {
		symbols = List.copyOf(symbols);
		if (!(rate >= 0 && rate <= SimulatorMarket.MAX_MESSAGES_PER_SECOND)) {
			throw new IllegalArgumentException("@EmbeddedSettrade rate must be 0 (no market) or above, and at most "
					+ SimulatorMarket.MAX_MESSAGES_PER_SECOND + ", but was " + rate);
		}
	}

	static EmbeddedSettradeContextCustomizer of(EmbeddedSettrade annotation) {
		return new EmbeddedSettradeContextCustomizer(annotation.tokenLifetime(), annotation.refreshTokenLifetime(),
				annotation.timestampTolerance(), annotation.brokerId(), annotation.sslBundle(),
				annotation.credentialMode(), List.of(annotation.symbols()), annotation.rate());
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Assert.isInstanceOf(DefaultSingletonBeanRegistry.class, beanFactory,
				"@EmbeddedSettrade needs a bean factory that can register disposable beans");
		SettradeSimulator simulator = SettradeSimulator.builder()
			.tokenLifetime(DurationStyle.detectAndParse(this.tokenLifetime))
			.refreshTokenLifetime(DurationStyle.detectAndParse(this.refreshTokenLifetime))
			.timestampTolerance(DurationStyle.detectAndParse(this.timestampTolerance))
			.brokerId(this.brokerId)
			.credentialMode(this.credentialMode)
			.build();
		// Registered as disposable before it starts, so a context that fails to refresh
		// still stops it
		((DefaultSingletonBeanRegistry) beanFactory).registerDisposableBean(SIMULATOR_BEAN_NAME, simulator::stop);
		simulator.start();
		SimulatedApp app = simulator.registerApp();
		beanFactory.registerSingleton(SIMULATOR_BEAN_NAME, simulator);
		beanFactory.registerSingleton(APP_BEAN_NAME, app);
		startMarket(simulator.market());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					new LinkedHashMap<>(simulator.springProperties(app, this.sslBundle))));
	}

	private void startMarket(SimulatorMarket market) {
		if (this.rate == 0) {
			return;
		}
		if (this.symbols.isEmpty()) {
			market.startForSubscriptions(this.rate);
		}
		else {
			market.start(this.symbols, this.rate);
		}
	}

}
