package io.github.settrademqtt.sample;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses JSON text: what the page hands back as a JSON string, and the sample's
 * responses.
 */
final class HeadlessChromiumJson {

	private static final JsonMapper json = JsonMapper.builder().build();

	private HeadlessChromiumJson() {
	}

	static JsonNode parse(String text) {
		return json.readTree(text);
	}

}
