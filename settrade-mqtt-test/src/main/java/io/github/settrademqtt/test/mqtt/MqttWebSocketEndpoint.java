package io.github.settrademqtt.test.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.settrademqtt.test.MqttCredentialMode;
import io.github.settrademqtt.test.TicketInfo;
import io.github.settrademqtt.test.rest.BearerCredentials;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code GET /api/dispatcher/v3/{brokerId}/mqtt}: the MQTT-over-WebSocket endpoint. It
 * answers the upgrade with the {@code mqtt} sub-protocol when the ticket is good (or, in
 * {@link MqttCredentialMode#PASSWORD} mode, always, the ticket being checked in the
 * {@code CONNECT}), and with {@code 401} otherwise, then hands the connection to the
 * {@link MqttRelay}.
 *
 * @author settrade-mqtt
 */
public final class MqttWebSocketEndpoint {

	public static final String PATH = "/api/dispatcher/v3/{brokerId}/mqtt";

	private static final WebsocketServerSpec WEBSOCKET = WebsocketServerSpec.builder()
		.protocols("mqtt")
		// Above the broker's own packet limit, so that the broker is the one to refuse
		.maxFramePayloadLength(256 * 1024)
		.build();

	private static final byte[] UNAUTHORIZED = "{\"code\":\"UNAUTHORIZED\",\"message\":\"Dispatcher ticket is invalid, used or expired\"}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] NOT_AN_UPGRADE = "{\"code\":\"BAD_REQUEST\",\"message\":\"Expected a WebSocket upgrade\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final MqttCredentialMode credentialMode;

	private final MqttAdmission admission;

	private final MqttRelay relay;

	public MqttWebSocketEndpoint(MqttCredentialMode credentialMode, MqttAdmission admission, MqttRelay relay) {
		this.credentialMode = credentialMode;
		this.admission = admission;
		this.relay = relay;
	}

	public Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		HttpHeaders headers = request.requestHeaders();
		// Checked before the ticket, so that a plain GET cannot use one up
		if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
			return send(response, HttpResponseStatus.BAD_REQUEST, NOT_AN_UPGRADE);
		}
		String brokerId = request.param("brokerId");
		if (brokerId == null) {
			throw new IllegalStateException("Route has no brokerId variable");
		}
		if (this.credentialMode == MqttCredentialMode.PASSWORD) {
			if (this.admission.isRefusing()) {
				this.admission.reject("upgrades refused for now");
				return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED);
			}
			return response.sendWebsocket((in, out) -> this.relay.relayWithConnectCredentials(in, out, brokerId),
					WEBSOCKET);
		}
		String ticket = BearerCredentials.parse(headers.get(HttpHeaderNames.AUTHORIZATION));
		if (ticket == null) {
			this.admission.reject("no Bearer authorization");
			return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED);
		}
		Optional<TicketInfo> admitted = this.admission.admit(ticket, brokerId, null);
		if (admitted.isEmpty()) {
			return send(response, HttpResponseStatus.UNAUTHORIZED, UNAUTHORIZED);
		}
		return response.sendWebsocket((in, out) -> this.relay.relayAdmitted(in, out, admitted.get()), WEBSOCKET);
	}

	private static Mono<Void> send(HttpServerResponse response, HttpResponseStatus status, byte[] body) {
		response.status(status);
		response.responseHeaders()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			// A refused client may still write (Paho sends a WebSocket close frame after
			// a
			// failed handshake): closing spares the HTTP decoder those bytes
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		if (status == HttpResponseStatus.UNAUTHORIZED) {
			response.responseHeaders().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
		}
		return response.sendByteArray(Mono.just(body)).then();
	}

}
