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
			String key = property.path("name").asString().substring(PREFIX.length());
			if (!reference.contains("`" + key + "`") && !reference.contains("`" + key + "` (s)")) {
				missing.add(key);
			}
		}
		assertThat(missing).as("properties missing from docs/configuration.md").isEmpty();
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
