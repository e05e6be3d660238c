package io.github.settrademqtt.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated configuration metadata describes every property, and the configuration
 * reference in {@code docs/} lists every one of them.
 */
class ConfigurationMetadataTests {

	private static final String PREFIX = "settrade.mqtt.";

	@Test
	void everyPropertyHasADescription() throws IOException {
		assertThat(properties()).isNotEmpty()
			.allSatisfy((property) -> assertThat(property.path("description").asString())
				.as(property.path("name").asString())
				.isNotBlank());
	}

	@Test
	void everyPropertyIsInTheConfigurationReference() throws IOException {
		String reference = Files.readString(Path.of("..", "docs", "configuration.md"));
		List<String> missing = new ArrayList<>();
		for (JsonNode property : properties()) {
			String name = property.path("name").asString();
			String key = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
			if (!reference.contains("`" + key + "`") && !reference.contains("`" + key + "` (s)")) {
				missing.add(key);
			}
		}
		assertThat(missing).as("properties missing from docs/configuration.md").isEmpty();
	}

	@Test
	void healthSettingsAreUnderManagementHealthSettrade() throws IOException {
		assertThat(property("management.health.settrade.connect-grace-period").path("defaultValue").asString())
			.isEqualTo("30s");
		assertThat(property("management.health.settrade.connect-grace-period").path("deprecation").isMissingNode())
			.isTrue();
		assertThat(property("management.health.settrade.enabled").path("defaultValue").asBoolean()).isTrue();
	}

	@Test
	void theOldHealthKeyIsDeprecatedInFavourOfTheNewOne() throws IOException {
		JsonNode deprecation = property("settrade.mqtt.health.connect-grace-period").path("deprecation");
		assertThat(deprecation.path("replacement").asString())
			.isEqualTo("management.health.settrade.connect-grace-period");
		assertThat(deprecation.path("since").asString()).isEqualTo("0.2.0");
		assertThat(property("settrade.mqtt.health.connect-grace-period").path("deprecated").asBoolean()).isTrue();
		// Boot writes no level for its default, "warning": the key still works
		assertThat(deprecation.path("level").asString("warning")).isEqualTo("warning");
	}

	private static JsonNode property(String name) throws IOException {
		return properties().stream()
			.filter((property) -> property.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not in the metadata"));
	}

	private static List<JsonNode> properties() throws IOException {
		try (InputStream metadata = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			List<JsonNode> properties = new ArrayList<>();
			JsonMapper.builder().build().readTree(metadata).path("properties").values().forEach(properties::add);
			return properties;
		}
	}

}
