package io.github.settrademqtt.test.rest;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.Logger;
import reactor.util.Loggers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds the REST endpoints to Reactor Netty routes and does what every JSON exchange
 * shares: reading the body, turning rejections into error bodies, the injected latency
 * and hangs, and the common headers.
 *
 * @author settrade-mqtt
 */
public final class RestRoutes {

	private static final Logger logger = Loggers.getLogger(RestRoutes.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final byte[] NO_BODY = new byte[0];

	private final ResponseHeaders headers;

	private final Supplier<Duration> latency;

	private final HungRequests hungRequests;

	public RestRoutes(ResponseHeaders headers, Supplier<Duration> latency, HungRequests hungRequests) {
		this.headers = headers;
		this.latency = latency;
		this.hungRequests = hungRequests;
	}

	/**
	 * Registers a {@code POST} endpoint.
	 * @param routes the routes to add to
	 * @param path the path template
	 * @param endpoint the endpoint
	 */
	public void post(HttpServerRoutes routes, String path, RestEndpoint endpoint) {
		routes.post(path, handler(endpoint));
	}

	/**
	 * Registers a {@code GET} endpoint.
	 * @param routes the routes to add to
	 * @param path the path template
	 * @param endpoint the endpoint
	 */
	public void get(HttpServerRoutes routes, String path, RestEndpoint endpoint) {
		routes.get(path, handler(endpoint));
	}

	/**
	 * Registers the JSON {@code 404} for every request no earlier route took. Must be
	 * registered last: routes are matched in registration order.
	 * @param routes the routes to add to
	 */
	public void notFound(HttpServerRoutes routes) {
		routes.route((request) -> true, handler((request) -> SimulatorResponse.error(404, "NOT_FOUND",
				"No endpoint for this method and path", Map.of())));
	}

	private BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler(RestEndpoint endpoint) {
		return (request, response) -> {
			Duration delay = this.latency.get();
			return request.receive()
				.aggregate()
				.asByteArray()
				.defaultIfEmpty(NO_BODY)
				.flatMap((body) -> handle(endpoint, request, response, body))
				.delayUntil((ignored) -> delay.isZero() ? Mono.empty() : Mono.delay(delay))
				.flatMap((simulatorResponse) -> send(response, simulatorResponse));
		};
	}

	private Mono<SimulatorResponse> handle(RestEndpoint endpoint, HttpServerRequest request,
			HttpServerResponse response, byte[] body) {
		Map<String, String> pathParams = request.params();
		SimulatorRequest simulatorRequest = new SimulatorRequest(request.fullPath(),
				(pathParams != null) ? pathParams : Map.of(), request.requestHeaders(), body);
		try {
			return Mono.just(endpoint.handle(simulatorRequest));
		}
		catch (UnansweredRequestException ex) {
			return this.hungRequests.hold(response);
		}
		catch (RejectedRequestException ex) {
			return Mono.just(ex.toResponse());
		}
		catch (RuntimeException ex) {
			// Only the type: an unexpected message might quote request content
			logger.warn("Simulator endpoint failed with {}", ex.getClass().getName());
			return Mono.just(SimulatorResponse.error(500, "INTERNAL_SERVER_ERROR", "Simulator error", Map.of()));
		}
	}

	private Mono<Void> send(HttpServerResponse response, SimulatorResponse simulatorResponse) {
		byte[] bytes = MAPPER.writeValueAsBytes(simulatorResponse.body());
		response.status(HttpResponseStatus.valueOf(simulatorResponse.status()));
		this.headers.next().forEach(response.responseHeaders()::set);
		simulatorResponse.headers().forEach(response.responseHeaders()::set);
		response.responseHeaders()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
		return response.sendByteArray(Mono.just(bytes)).then();
	}

}
