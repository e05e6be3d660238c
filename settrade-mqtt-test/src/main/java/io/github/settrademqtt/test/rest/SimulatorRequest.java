package io.github.settrademqtt.test.rest;

import java.util.Map;

import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;

/**
 * A REST request as the simulator's endpoints see it, free of Reactor Netty types so that
 * the protocol rules read without the plumbing.
 *
 * @param path the request path, without the query
 * @param pathParams the values of the route's path template variables
 * @param headers the request headers
 * @param body the request body, empty when there is none
 * @author settrade-mqtt
 */
record SimulatorRequest(String path, Map<String, String> pathParams, HttpHeaders headers, byte[] body) {

	/**
	 * Returns a path variable of the route.
	 * @param name the variable name
	 * @return the value
	 */
	String pathParam(String name) {
		String value = this.pathParams.get(name);
		if (value == null) {
			throw new IllegalStateException("Route has no path variable '" + name + "'");
		}
		return value;
	}

	/**
	 * Returns a request header.
	 * @param name the header name (case-insensitive)
	 * @return the first value, or {@code null} when absent
	 */
	@Nullable String header(String name) {
		return this.headers.get(name);
	}

}
