package io.github.settrademqtt.test.rest;

import java.util.Locale;
import java.util.Optional;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON object body of a login or refresh request, with the field rules of the
 * protocol. Reading never fails: a bad body is reported by {@link #requireValid()}, so
 * that an endpoint can still pick fields out of it (the signature, for the secret ledger)
 * and inject faults before rejecting it.
 *
 * @author settrade-mqtt
 */
final class JsonRequestBody {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final @Nullable JsonNode object;

	private final @Nullable RejectedRequestException problem;

	private JsonRequestBody(@Nullable JsonNode object, @Nullable RejectedRequestException problem) {
		this.object = object;
		this.problem = problem;
	}

	/**
	 * Reads the body of a request.
	 * @param request the request
	 * @return the body, possibly invalid
	 */
	static JsonRequestBody read(SimulatorRequest request) {
		JsonNode node = parse(request.body());
		if (node == null || !node.isObject()) {
			return new JsonRequestBody(null, badRequest("Request body must be a JSON object"));
		}
		String contentType = request.header(HttpHeaderNames.CONTENT_TYPE.toString());
		if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
			return new JsonRequestBody(node, new RejectedRequestException(415, "UNSUPPORTED_MEDIA_TYPE",
					"Content-Type must be application/json"));
		}
		return new JsonRequestBody(node, null);
	}

	private static @Nullable JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Fails when the body is not a JSON object or was not sent as JSON.
	 * @throws RejectedRequestException with status 400 or 415
	 */
	void requireValid() {
		if (this.problem != null) {
			throw this.problem;
		}
	}

	/**
	 * Returns a string field if the body has one, without any validation.
	 * @param field the field name
	 * @return the value, or empty
	 */
	Optional<String> peekString(String field) {
		JsonNode value = (this.object != null) ? this.object.get(field) : null;
		return (value != null && value.isString()) ? Optional.of(value.stringValue()) : Optional.empty();
	}

	/**
	 * Returns a required, non-empty string field.
	 * @param field the field name
	 * @return the value
	 * @throws RejectedRequestException (400) naming the field when it is missing, empty
	 * or not a string
	 */
	String requiredString(String field) {
		JsonNode value = field(field);
		if (value == null || value.isNull()) {
			throw badRequest("Missing required field '" + field + "'");
		}
		if (!value.isString()) {
			throw badRequest("Field '" + field + "' must be a string");
		}
		if (value.stringValue().isEmpty()) {
			throw badRequest("Field '" + field + "' must not be empty");
		}
		return value.stringValue();
	}

	/**
	 * Returns an optional string field.
	 * @param field the field name
	 * @return the value, or the empty string when missing or {@code null}
	 * @throws RejectedRequestException (400) when the field is present but not a string
	 */
	String optionalString(String field) {
		JsonNode value = field(field);
		if (value == null || value.isNull()) {
			return "";
		}
		if (!value.isString()) {
			throw badRequest("Field '" + field + "' must be a string");
		}
		return value.stringValue();
	}

	/**
	 * Returns a required timestamp in milliseconds since the epoch, sent as a string of
	 * digits or as a JSON integer.
	 * @param field the field name
	 * @return the timestamp exactly as the client wrote it (what it signed) and its value
	 * @throws RejectedRequestException (400) naming the field when it is missing or not a
	 * millisecond timestamp
	 */
	Timestamp requiredTimestamp(String field) {
		JsonNode value = field(field);
		if (value == null || value.isNull()) {
			throw badRequest("Missing required field '" + field + "'");
		}
		String text = null;
		if (value.isString()) {
			text = value.stringValue();
		}
		else if (value.isIntegralNumber() && value.canConvertToLong()) {
			text = Long.toString(value.longValue());
		}
		if (text == null || !text.matches("[0-9]{1,18}")) {
			throw badRequest("Field '" + field + "' must be milliseconds since the epoch");
		}
		return new Timestamp(text, Long.parseLong(text));
	}

	private @Nullable JsonNode field(String field) {
		requireValid();
		return (this.object != null) ? this.object.get(field) : null;
	}

	private static RejectedRequestException badRequest(String message) {
		return new RejectedRequestException(400, "BAD_REQUEST", message);
	}

	/**
	 * A timestamp field.
	 *
	 * @param text the decimal text, as signed by the client
	 * @param epochMillis its value
	 */
	record Timestamp(String text, long epochMillis) {

	}

}
