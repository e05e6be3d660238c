package io.github.settrademqtt.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.internal.MessageCatalog;
import org.eclipse.paho.client.mqttv3.logging.LoggerFactory;
import org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.aot.AotServices;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SettradeMqttRuntimeHints}: the hints cover what Paho, as found on the
 * classpath, loads by name, and Boot's ahead-of-time processing finds the registrar.
 *
 * @author settrade-mqtt
 */
class SettradeMqttRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	SettradeMqttRuntimeHintsTests() {
		new SettradeMqttRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredForAheadOfTimeProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(SettradeMqttRuntimeHints.class::isInstance);
	}

	@Test
	void pahoLoggerAndMessageCatalogCanBeCreatedByName() throws Exception {
		// the names Paho itself uses
		String logger = (String) ReflectionTestUtils.getField(LoggerFactory.class, "jsr47LoggerClassName");
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Class.forName(logger).getConstructor()))
			.accepts(this.hints);
		Class<?> catalog = Class.forName("org.eclipse.paho.client.mqttv3.internal.ResourceBundleCatalog");
		assertThat(catalog).isAssignableTo(MessageCatalog.class);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(catalog.getConstructor()))
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ResourceBundle.class)).accepts(this.hints);
	}

	@Test
	void pahoResourceBundlesAreIncluded() {
		assertThat(RuntimeHintsPredicates.resource().forBundle(LoggerFactory.MQTT_CLIENT_MSG_CAT)).accepts(this.hints);
		assertThat(SettradeMqttRuntimeHints.PAHO_BUNDLES).contains(LoggerFactory.MQTT_CLIENT_MSG_CAT);
		for (String bundle : SettradeMqttRuntimeHints.PAHO_BUNDLES) {
			assertThat(ResourceBundle.getBundle(bundle, Locale.ROOT).keySet()).as(bundle).isNotEmpty();
			assertThat(RuntimeHintsPredicates.resource().forBundle(bundle)).as(bundle).accepts(this.hints);
		}
	}

	@Test
	void everyNetworkModuleFactoryPahoListsCanBeLoaded() throws Exception {
		String service = "META-INF/services/" + NetworkModuleFactory.class.getName();
		assertThat(SettradeMqttRuntimeHints.NETWORK_MODULE_FACTORIES_SERVICE).isEqualTo(service);
		assertThat(RuntimeHintsPredicates.resource().forResource(service)).accepts(this.hints);
		List<String> factories = providers(service);
		assertThat(factories).hasSize(4);
		for (String factory : factories) {
			Class<?> type = Class.forName(factory);
			assertThat(type).isAssignableTo(NetworkModuleFactory.class);
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(type.getConstructor())).as(factory)
				.accepts(this.hints);
		}
	}

	@Test
	void everyHintedTypeExists() throws Exception {
		for (String type : SettradeMqttRuntimeHints.PAHO_INSTANTIATED) {
			assertThat(Class.forName(type).getConstructor()).as(type).isNotNull();
		}
	}

	@Test
	void withoutPahoNothingIsRegistered() {
		RuntimeHints hints = new RuntimeHints();
		ClassLoader withoutPaho = new FilteredClassLoader(MqttAsyncClient.class);
		new SettradeMqttRuntimeHints().registerHints(hints, withoutPaho);
		assertThat(hints.reflection().typeHints()).isEmpty();
		assertThat(hints.resources().resourcePatternHints()).isEmpty();
	}

	private static List<String> providers(String service) throws IOException {
		try (InputStream input = new ClassPathResource(service).getInputStream()) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
	}

}
