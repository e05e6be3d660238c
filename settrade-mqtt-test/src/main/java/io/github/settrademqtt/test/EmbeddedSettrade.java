package io.github.settrademqtt.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link SettradeSimulator} for a Spring test context and points the settrade-mqtt
 * starter at it, in the manner of spring-kafka-test's {@code @EmbeddedKafka}.
 * <p>
 * The simulated market publishes order books (BidOfferV3) and prices (InfoV3) for every
 * symbol the application subscribes to, {@link #rate()} messages a second per topic, with
 * no further set-up (see {@link SimulatorMarket#startForSubscriptions(double)});
 * {@link #symbols()} publishes for fixed symbols instead, and a rate of {@code 0} leaves
 * the market to the test. {@link SettradeSimulator#reset()} stops the market as it stops
 * any generator. The embedded broker's logging is quiet unless a level is configured for
 * {@code io.moquette} ({@code logging.level.io.moquette=info} shows it).
 * <p>
 * The simulator is a bean named {@code settradeSimulator}, the app registered with it a
 * bean named {@code settradeSimulatedApp}; the simulator stops when the context closes. A
 * property source named {@code embeddedSettrade}, first in the environment, holds the
 * properties of {@link SettradeSimulator#springProperties(SimulatedApp, String)}:
 * {@code settrade.mqtt.*} and an SSL bundle trusting the simulator's certificate.
 * Contexts with the same attributes are cached and share one simulator.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedSettrade {

	/**
	 * Access token lifetime, in Spring Boot duration syntax ({@code 30m}, {@code 4s},
	 * {@code PT1H}).
	 * @return the access token lifetime
	 */
	String tokenLifetime() default "30m";

	/**
	 * Refresh token lifetime, in Spring Boot duration syntax.
	 * @return the refresh token lifetime
	 */
	String refreshTokenLifetime() default "2h";

	/**
	 * How far a login timestamp may be from the server clock, in Spring Boot duration
	 * syntax.
	 * @return the timestamp tolerance
	 */
	String timestampTolerance() default "60s";

	/**
	 * Broker id the app is registered under.
	 * @return the broker id
	 */
	String brokerId() default "063";

	/**
	 * Name of the Spring Boot SSL bundle that trusts the simulator's certificate and that
	 * {@code settrade.mqtt.ssl.bundle} names.
	 * @return the SSL bundle name
	 */
	String sslBundle() default "settrade-simulator";

	/**
	 * Where the simulator's MQTT endpoint expects dispatcher tickets.
	 * @return the credential mode
	 */
	MqttCredentialMode credentialMode() default MqttCredentialMode.HEADER;

	/**
	 * Symbols the market publishes order books and prices for, whether subscribed or not.
	 * Empty (the default): every symbol the application subscribes to, as it subscribes.
	 * @return the symbols, or none to follow the application's subscriptions
	 */
	String[] symbols() default {};

	/**
	 * Messages a second the market publishes on each topic, at most
	 * {@link SimulatorMarket#MAX_MESSAGES_PER_SECOND}. {@code 0} publishes nothing: the
	 * test publishes itself through {@link SettradeSimulator#market()} or
	 * {@link SettradeSimulator#mqtt()}.
	 * @return the rate of each topic
	 */
	double rate() default 10;

}
