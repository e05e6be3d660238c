package io.github.settrademqtt.benchmarks.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.connection.event.RotatedEvent;
import io.github.settrademqtt.event.SettradeMqttEvent;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.SubscribableChannel;

/**
 * The starter as a user runs it: a Spring Boot application with the starter's
 * auto-configuration, pointed at a simulator, with the harness's listener beans.
 *
 * @author settrade-mqtt
 */
public final class StarterFeed implements AutoCloseable {

	/**
	 * What the cluster harness's dependencies (JDBC, H2, Kafka) would auto-configure and
	 * a single node does without: excluded unless the properties set
	 * {@code spring.autoconfigure.exclude} themselves, so that the other harnesses
	 * measure the starter alone, with no database pool or Kafka client beside it.
	 */
	private static final String SINGLE_NODE_EXCLUSIONS = String.join(",",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
			"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

	private final ConfigurableApplicationContext context;

	private final HealRecorder heals;

	private StarterFeed(ConfigurableApplicationContext context, HealRecorder heals) {
		this.context = context;
		this.heals = heals;
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
		Map<String, String> values = new LinkedHashMap<>(simulator.springProperties(app, "simulator"));
		values.putAll(properties);
		return start(values, beans);
	}

	/**
	 * Start the application against a simulator of another process.
	 * @param properties the simulator's connection properties (as
	 * {@link SettradeSimulator#springProperties(SimulatedApp, String)} gives them) and
	 * further {@code settrade.mqtt.*} (or other) properties
	 * @param beans beans to register by name, such as listeners
	 * @return the running application
	 */
	public static StarterFeed start(Map<String, String> properties, Map<String, Object> beans) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("spring.main.banner-mode", "off");
		values.put("logging.level.root", "WARN");
		// the harness's own report lines
		values.put("logging.level.io.github.settrademqtt.benchmarks", "INFO");
		values.put("spring.autoconfigure.exclude", SINGLE_NODE_EXCLUSIONS);
		values.putAll(properties);
		HealRecorder heals = new HealRecorder();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(HarnessApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties(values)
			.initializers((applicationContext) -> {
				beans.forEach((name, bean) -> applicationContext.getBeanFactory().registerSingleton(name, bean));
				applicationContext.addApplicationListener(heals);
			})
			.run();
		return new StarterFeed(context, heals);
	}

	/**
	 * Start the application's lifecycle beans, the starter's connection among them, as an
	 * application started with {@code settrade.mqtt.auto-startup=false} does when it is
	 * ready: for a harness that must hook into the connection before it opens.
	 */
	public void startLifecycle() {
		this.context.start();
	}

	/**
	 * Return the starter's connection.
	 * @return the connection
	 */
	public SettradeMqttConnection connection() {
		return bean(SettradeMqttConnection.class);
	}

	/**
	 * Return whether a rotation replaced a silent connection (a heal) rather than one
	 * whose token was about to expire.
	 * @param outcome the rotation, as {@link SettradeMqttConnection#getLastRotation()}
	 * gave it
	 * @return whether it was a heal
	 */
	public boolean wasHeal(RotationOutcome outcome) {
		return this.heals.heals.contains(outcome);
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
	 * Remembers the rotations that were heals: the connection publishes a
	 * {@link FeedHealedEvent} to replace right after the {@link RotatedEvent}, on the
	 * same thread.
	 */
	private static final class HealRecorder implements ApplicationListener<SettradeMqttEvent> {

		private final Set<RotationOutcome> heals = ConcurrentHashMap.newKeySet();

		private volatile @Nullable RotationOutcome lastRotation;

		@Override
		public void onApplicationEvent(SettradeMqttEvent event) {
			if (event instanceof RotatedEvent rotated) {
				this.lastRotation = rotated.getOutcome();
			}
			else if (event instanceof FeedHealedEvent healed && healed.getAction() == FeedHealedEvent.Action.REPLACE) {
				RotationOutcome rotation = this.lastRotation;
				if (rotation != null) {
					this.heals.add(rotation);
				}
			}
		}

	}

	/**
	 * An application with nothing but auto-configuration.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class HarnessApplication {

	}

}
