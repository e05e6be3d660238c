package io.github.settrademqtt.actuate.info;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * {@link RuntimeHintsRegistrar} for the {@link SettradeMqttInfoContributor}: the build
 * properties its version is read from.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttInfoRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(StarterVersion.RESOURCE);
	}

}
