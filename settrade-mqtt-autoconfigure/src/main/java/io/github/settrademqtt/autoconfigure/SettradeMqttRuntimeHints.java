package io.github.settrademqtt.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for what the starter's MQTT client loads by name. The
 * starter itself reflects on nothing: its properties are bound by Boot (which brings
 * their hints), responses are read as JSON trees, the feed is decoded with protobuf's
 * {@code CodedInputStream} (no generated classes) and the login is signed with
 * BouncyCastle's lightweight API (no JCA provider). Paho, on the other hand, creates its
 * logger and message catalog by class name, reads both as resource bundles, and finds its
 * network modules (TCP, TLS, WebSocket) with a {@link java.util.ServiceLoader}.
 *
 * @author settrade-mqtt
 */
class SettradeMqttRuntimeHints implements RuntimeHintsRegistrar {

	private static final String PAHO = "org.eclipse.paho.client.mqttv3.";

	/**
	 * Classes Paho instantiates by name with their public no-argument constructor: its
	 * {@code java.util.logging} logger, its message catalog, and the network module
	 * factories listed in {@link #NETWORK_MODULE_FACTORIES_SERVICE}.
	 */
	static final List<String> PAHO_INSTANTIATED = List.of(PAHO + "logging.JSR47Logger",
			PAHO + "internal.ResourceBundleCatalog", PAHO + "internal.TCPNetworkModuleFactory",
			PAHO + "internal.SSLNetworkModuleFactory", PAHO + "internal.websocket.WebSocketNetworkModuleFactory",
			PAHO + "internal.websocket.WebSocketSecureNetworkModuleFactory");

	/**
	 * The resource bundles of Paho's log messages and of its exception messages.
	 */
	static final List<String> PAHO_BUNDLES = List.of(PAHO + "internal.nls.logcat", PAHO + "internal.nls.messages");

	/**
	 * The service file Paho's network modules are listed in.
	 */
	static final String NETWORK_MODULE_FACTORIES_SERVICE = "META-INF/services/" + PAHO + "spi.NetworkModuleFactory";

	/**
	 * Paho checks that this class exists, by name, before it creates its message catalog.
	 */
	private static final String RESOURCE_BUNDLE = "java.util.ResourceBundle";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(PAHO + "MqttAsyncClient", classLoader)) {
			return;
		}
		for (String type : PAHO_INSTANTIATED) {
			hints.reflection().registerType(TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		}
		hints.reflection().registerType(TypeReference.of(RESOURCE_BUNDLE));
		PAHO_BUNDLES.forEach(hints.resources()::registerResourceBundle);
		hints.resources().registerPattern(NETWORK_MODULE_FACTORIES_SERVICE);
	}

}
