package io.github.settrademqtt.test.rest;

import java.util.List;
import java.util.Objects;

import io.github.settrademqtt.test.ResponseStyle;
import io.github.settrademqtt.test.rest.TokenStore.IssuedTokens;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds successful response bodies in the current {@link ResponseStyle}. Errors keep one
 * shape whatever the style: that is what clients parse them by.
 *
 * @author settrade-mqtt
 */
public final class ResponseBodies {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private volatile ResponseStyle style = ResponseStyle.SNAKE_CASE;

	public ResponseStyle style() {
		return this.style;
	}

	public void style(ResponseStyle style) {
		this.style = Objects.requireNonNull(style, "'style' must not be null");
	}

	/**
	 * Builds the body of a successful login or refresh.
	 * @param tokens the issued tokens
	 * @return the body
	 */
	ObjectNode tokens(IssuedTokens tokens) {
		ResponseStyle style = this.style;
		boolean camel = style == ResponseStyle.CAMEL_CASE;
		ObjectNode body = NODES.objectNode();
		body.put(camel ? "accessToken" : "access_token", tokens.accessToken());
		body.put(camel ? "refreshToken" : "refresh_token", tokens.refreshToken());
		body.put(camel ? "tokenType" : "token_type", (style == ResponseStyle.LOWER_CASE_BEARER) ? "bearer" : "Bearer");
		body.put(camel ? "expiresIn" : "expires_in", tokens.expiresIn().toSeconds());
		body.put(camel ? "refreshExpiresIn" : "refresh_expires_in", tokens.refreshExpiresIn().toSeconds());
		return wrap(style, body);
	}

	/**
	 * Builds the body of a dispatcher ticket response.
	 * @param hosts the MQTT hosts
	 * @param ticket the dispatcher ticket
	 * @return the body
	 */
	ObjectNode ticket(List<String> hosts, String ticket) {
		ObjectNode body = NODES.objectNode();
		ArrayNode hostArray = body.putArray("hosts");
		hosts.forEach(hostArray::add);
		body.put("token", ticket);
		return wrap(this.style, body);
	}

	private ObjectNode wrap(ResponseStyle style, ObjectNode body) {
		if (style != ResponseStyle.DATA_WRAPPED) {
			return body;
		}
		ObjectNode envelope = NODES.objectNode();
		envelope.set("data", body);
		return envelope;
	}

}
