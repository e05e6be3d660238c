package io.github.settrademqtt.actuate.info;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The starter's version, read once from the build: the Maven-filtered {@value #RESOURCE}
 * is on the class path both in the jar and in {@code target/classes} (an IDE, the
 * reactor), where no jar manifest exists.
 *
 * @author settrade-mqtt
 */
final class StarterVersion {

	/**
	 * Where the build writes the version.
	 */
	static final String RESOURCE = "META-INF/settrade-mqtt/build.properties";

	static final String UNKNOWN = "unknown";

	private static final String VERSION = read(StarterVersion.class.getClassLoader().getResource(RESOURCE),
			StarterVersion.class);

	private StarterVersion() {
	}

	/**
	 * Return the starter's version, or {@code unknown} when the build did not say.
	 */
	static String get() {
		return VERSION;
	}

	/**
	 * Read the version from build properties, else from the manifest of the jar a class
	 * of the starter was loaded from, else {@code unknown}.
	 */
	static String read(@Nullable URL buildProperties, Class<?> type) {
		if (buildProperties != null) {
			Properties properties = new Properties();
			try (InputStream input = buildProperties.openStream()) {
				properties.load(input);
			}
			catch (IOException ex) {
				// fall back to the manifest
			}
			String version = properties.getProperty("version");
			// an unfiltered copy (an IDE build that skipped Maven's filtering) still says
			// @...@
			if (StringUtils.hasText(version) && !version.startsWith("@")) {
				return version.strip();
			}
		}
		String version = type.getPackage().getImplementationVersion();
		return StringUtils.hasText(version) ? version : UNKNOWN;
	}

}
