package io.github.settrademqtt.login;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Open API response bodies, tolerant of the variants seen in the field: snake or
 * camel case names, an optional {@code data} wrapper, {@code bearer} in lower case,
 * numbers sent as strings. Errors name the missing field and never quote the body, which
 * may hold tokens.
 *
 * @author settrade-mqtt
 */
final class SettradeResponseReader {

	private static final String BEARER = "Bearer";

	private final JsonMapper mapper;

	SettradeResponseReader(JsonMapper mapper) {
		this.mapper = mapper;
	}

	AccessToken readToken(String operation, byte[] body, long obtainedAtNanos) {
		JsonNode root = unwrap(operation, body);
		String accessToken = requiredText(operation, root, "access_token", "accessToken");
		String refreshToken = optionalText(root, "refresh_token", "refreshToken");
		String tokenType = normaliseTokenType(optionalText(root, "token_type", "tokenType"));
		long expiresIn = requiredPositiveLong(operation, root, "expires_in", "expiresIn");
		return new AccessToken(accessToken, refreshToken, tokenType, Duration.ofSeconds(expiresIn), obtainedAtNanos);
	}

	DispatcherTicket readTicket(String operation, byte[] body, AccessToken accessToken) {
		JsonNode root = unwrap(operation, body);
		JsonNode hostsNode = field(root, "hosts", "hosts");
		if (hostsNode == null || !hostsNode.isArray()) {
			throw malformed(operation, "the response has no 'hosts' list");
		}
		List<String> hosts = new ArrayList<>();
		for (JsonNode host : hostsNode.values()) {
			if (host.isString() && !host.stringValue().isBlank()) {
				hosts.add(host.stringValue().strip());
			}
		}
		if (hosts.isEmpty()) {
			throw malformed(operation, "the response's 'hosts' list is empty: Settrade offered no MQTT host");
		}
		String token = requiredText(operation, root, "token", "token");
		return new DispatcherTicket(hosts, token, accessToken.tokenType(), accessToken.expiresAtNanos());
	}

	/**
	 * Read Settrade's {@code {"code": ..., "message": ...}} error body, if it is one.
	 */
	ErrorBody readError(byte[] body) {
		try {
			JsonNode root = this.mapper.readTree(body);
			if (root == null || !root.isObject()) {
				return ErrorBody.NONE;
			}
			JsonNode error = root.has("data") && root.get("data").isObject() && !root.has("message") ? root.get("data")
					: root;
			return new ErrorBody(optionalText(error, "code", "errorCode"), optionalText(error, "message", "message"));
		}
		catch (JacksonException ex) {
			return ErrorBody.NONE;
		}
	}

	private JsonNode unwrap(String operation, byte[] body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw malformed(operation, "the response is not JSON");
		}
		if (root == null || !root.isObject()) {
			throw malformed(operation, "the response is not a JSON object");
		}
		JsonNode data = root.get("data");
		return (data != null && data.isObject()) ? data : root;
	}

	private static String normaliseTokenType(@Nullable String tokenType) {
		// RFC 6750 makes the scheme case-insensitive; Settrade sometimes sends 'bearer'
		return (tokenType == null || BEARER.equalsIgnoreCase(tokenType)) ? BEARER : tokenType;
	}

	private static String requiredText(String operation, JsonNode node, String snake, String camel) {
		String value = optionalText(node, snake, camel);
		if (value == null) {
			throw malformed(operation, "the response has no '" + snake + "'" + alias(snake, camel) + " field");
		}
		return value;
	}

	private static long requiredPositiveLong(String operation, JsonNode node, String snake, String camel) {
		JsonNode value = field(node, snake, camel);
		if (value == null) {
			throw malformed(operation, "the response has no '" + snake + "'" + alias(snake, camel) + " field");
		}
		long number = value.isString() ? parseLong(value.stringValue())
				: (value.canConvertToLong() ? value.asLong() : -1);
		if (number <= 0) {
			throw malformed(operation, "the response's '" + snake + "' field is not a positive number of seconds");
		}
		return number;
	}

	private static long parseLong(String text) {
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static @Nullable String optionalText(JsonNode node, String snake, String camel) {
		JsonNode value = field(node, snake, camel);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

	private static @Nullable JsonNode field(JsonNode node, String snake, String camel) {
		JsonNode value = node.get(snake);
		return (value != null) ? value : node.get(camel);
	}

	private static String alias(String snake, String camel) {
		return snake.equals(camel) ? "" : " (or '" + camel + "')";
	}

	private static SettradeApiException malformed(String operation, String detail) {
		return new SettradeApiException(operation, 200, null, detail, null, null);
	}

	/**
	 * Settrade's error code and message.
	 *
	 * @param code the error code
	 * @param message the message
	 */
	record ErrorBody(@Nullable String code, @Nullable String message) {

		static final ErrorBody NONE = new ErrorBody(null, null);

	}

}
