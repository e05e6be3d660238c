package io.github.settrademqtt.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.SubscribableChannel;

/**
 * The starter as a user runs it: a Spring Boot application with the starter's
 * auto-configuration, pointed at a simulator, with the harness's listener beans.
 *
 * @author settrade-mqtt
 */
public final class StarterFeed implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private StarterFeed(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Start the application.
	 * @param simulator the simulator to log in to and connect to
	 * @param app the simulator app whose credentials to use
	 * @param properties further {@code settrade.mqtt.*} (or other) properties
	 * @param beans beans to register by name, such as listeners
	 * @return the running application
	 */
	public static StarterFeed start(SettradeSimulator simulator, SimulatedApp app, Map<String, String> properties,
			Map<String, Object> beans) {
		Map<String, Object> values = new LinkedHashMap<>(simulator.springProperties(app, "simulator"));
		values.put("spring.main.banner-mode", "off");
		values.put("logging.level.root", "WARN");
		// the harness's own report lines
		values.put("logging.level.io.github.settrademqtt.benchmarks", "INFO");
		values.putAll(properties);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HarnessApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(values)
			.initializers((applicationContext) -> beans
				.forEach((name, bean) -> applicationContext.getBeanFactory().registerSingleton(name, bean)))
			.run();
		return new StarterFeed(context);
	}

	/**
	 * Return the starter's connection.
	 * @return the connection
	 */
	public SettradeMqttConnection connection() {
		return bean(SettradeMqttConnection.class);
	}

	/**
	 * Return the starter's raw channel: every MQTT message, before decoding.
	 * @return the {@code settradeMqttInboundChannel}
	 */
	public SubscribableChannel rawChannel() {
		return this.context.getBean("settradeMqttInboundChannel", SubscribableChannel.class);
	}

	/**
	 * Return a bean of the application.
	 * @param <T> the bean's type
	 * @param type the bean's type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * An application with nothing but auto-configuration.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class HarnessApplication {

	}

}
