package io.github.settrademqtt.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

import static org.awaitility.Awaitility.await;

/**
 * An MQTT client that writes packets by hand and records every packet the server sends,
 * in order, so that a test can see exactly what reaches the wire (a {@code PINGRESP} or
 * not, a {@code SUBACK} before a {@code PUBLISH}), which Paho hides. Connects over secure
 * WebSocket with a ticket in the {@code Authorization} header.
 */
final class RawMqttClient implements AutoCloseable {

	private final EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);

	private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder());

	private final ConcurrentLinkedQueue<Packet> received = new ConcurrentLinkedQueue<>();

	private final Sinks.Many<BinaryWebSocketFrame> outbound = Sinks.many().unicast().onBackpressureBuffer();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Disposable connection;

	private RawMqttClient(SettradeSimulator simulator, @Nullable String ticket) {
		Http11SslContextSpec ssl = Http11SslContextSpec.forClient()
			.configure((builder) -> builder.trustManager(simulator.trustedCertificate()));
		this.connection = HttpClient.create().secure((spec) -> spec.sslContext(ssl)).headers((headers) -> {
			if (ticket != null) {
				headers.set("Authorization", "Bearer " + ticket);
			}
		})
			.websocket(WebsocketClientSpec.builder().protocols("mqtt").build())
			.uri(MqttTestClient.uri(simulator, simulator.brokerId()))
			.handle((in, out) -> {
				in.withConnection((connection) -> connection.onDispose(() -> this.closed.set(true)));
				return out.sendObject(this.outbound.asFlux()).then().and(in.receive().doOnNext(this::decode).then());
			})
			.subscribe(null, (ex) -> this.closed.set(true), () -> this.closed.set(true));
	}

	/**
	 * Connects and waits for the {@code CONNACK}.
	 */
	static RawMqttClient connect(SettradeSimulator simulator, String ticket, int keepAliveSeconds) {
		RawMqttClient client = new RawMqttClient(simulator, ticket);
		client.send(connectPacket(keepAliveSeconds).build());
		await().until(() -> client.types().contains(MqttMessageType.CONNACK));
		return client;
	}

	/**
	 * Opens the WebSocket and sends nothing: the caller writes the {@code CONNECT}.
	 * @param ticket the ticket for the {@code Authorization} header, or {@code null} to
	 * send none
	 */
	static RawMqttClient open(SettradeSimulator simulator, @Nullable String ticket) {
		return new RawMqttClient(simulator, ticket);
	}

	/**
	 * Returns a clean-session MQTT 3.1.1 {@code CONNECT} with a client id of its own.
	 */
	static MqttMessageBuilders.ConnectBuilder connectPacket(int keepAliveSeconds) {
		return MqttMessageBuilders.connect()
			.clientId("raw-" + System.nanoTime())
			.protocolVersion(MqttVersion.MQTT_3_1_1)
			.cleanSession(true)
			.keepAlive(keepAliveSeconds);
	}

	void send(MqttMessage packet) {
		sendInOneFrame(packet);
	}

	/**
	 * Sends packets back to back in a single WebSocket frame, as a client that does not
	 * wait for one answer before its next packet may.
	 */
	void sendInOneFrame(MqttMessage... packets) {
		CompositeByteBuf bytes = Unpooled.compositeBuffer();
		for (MqttMessage packet : packets) {
			this.encoder.writeOutbound(packet);
			bytes.addComponent(true, this.encoder.readOutbound());
		}
		this.outbound.emitNext(new BinaryWebSocketFrame(bytes),
				Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
	}

	static MqttMessage subscribePacket(int packetId, String topicFilter) {
		return MqttMessageBuilders.subscribe()
			.messageId(packetId)
			.addSubscription(MqttQoS.AT_MOST_ONCE, topicFilter)
			.build();
	}

	static MqttMessage pingPacket() {
		return new MqttMessage(new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));
	}

	void subscribe(int packetId, String topicFilter) {
		send(subscribePacket(packetId, topicFilter));
	}

	void ping() {
		send(pingPacket());
	}

	private void decode(ByteBuf bytes) {
		this.decoder.writeInbound(bytes.retain());
		for (Object packet = this.decoder.readInbound(); packet != null; packet = this.decoder.readInbound()) {
			try {
				this.received.add(Packet.of((MqttMessage) packet));
			}
			finally {
				ReferenceCountUtil.release(packet);
			}
		}
	}

	/**
	 * Returns the types of the packets received so far, in order.
	 */
	List<MqttMessageType> types() {
		return this.received.stream().map(Packet::type).toList();
	}

	List<Packet> received() {
		return List.copyOf(this.received);
	}

	boolean isClosed() {
		return this.closed.get();
	}

	@Override
	public void close() {
		this.outbound.tryEmitComplete();
		this.connection.dispose();
		this.encoder.finishAndReleaseAll();
		this.decoder.finishAndReleaseAll();
	}

	@Override
	public String toString() {
		return this.received.stream().map(Packet::toString).collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * A packet received: its type, the topic and text of a {@code PUBLISH}, the packet id
	 * of a {@code SUBACK}.
	 */
	record Packet(MqttMessageType type, String topic, String text, int packetId) {

		static Packet of(MqttMessage packet) {
			MqttMessageType type = packet.fixedHeader().messageType();
			if (packet instanceof MqttPublishMessage publish) {
				return new Packet(type, publish.variableHeader().topicName(),
						publish.payload().toString(StandardCharsets.UTF_8), -1);
			}
			if (packet instanceof MqttSubAckMessage subAck) {
				return new Packet(type, "", "", subAck.variableHeader().messageId());
			}
			return new Packet(type, "", "", -1);
		}

	}

}
