package io.github.settrademqtt.test.rest;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A REST response of the simulator: a status, a JSON body and any headers beyond the ones
 * every response carries.
 *
 * @param status the HTTP status
 * @param body the JSON body
 * @param headers extra headers
 * @author settrade-mqtt
 */
record SimulatorResponse(int status, JsonNode body, Map<String, String> headers) {

	/**
	 * Creates a {@code 200 OK} response.
	 * @param body the JSON body
	 * @return the response
	 */
	static SimulatorResponse ok(JsonNode body) {
		return new SimulatorResponse(200, body, Map.of());
	}

	/**
	 * Creates an error response in the service's error shape.
	 * @param status the HTTP status
	 * @param code the error code, e.g. {@code INVALID_SIGNATURE}
	 * @param message the human-readable message
	 * @param headers extra headers
	 * @return the response
	 */
	static SimulatorResponse error(int status, String code, String message, Map<String, String> headers) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("code", code);
		body.put("message", message);
		return new SimulatorResponse(status, body, headers);
	}

}
