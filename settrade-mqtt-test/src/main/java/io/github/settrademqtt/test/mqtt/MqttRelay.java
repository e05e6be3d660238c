package io.github.settrademqtt.test.mqtt;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.github.settrademqtt.test.TicketInfo;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.resolver.DefaultAddressResolverGroup;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.tcp.TcpClient;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Relays the bytes of an upgraded WebSocket to the broker's TCP port and back: binary
 * frames in, their content out to the broker; the broker's bytes back as binary frames.
 * MQTT packets may straddle frames, as the MQTT-over-WebSocket binding allows. What a
 * client sends passes a {@link ConnectGate} first, which holds what follows the
 * {@code CONNECT} until the broker took it. Once a connection is
 * {@linkplain MqttClientConnection#stall() stalled} the relay drops what either side
 * sends and waits for the client to close.
 * <p>
 * The broker connection runs on the client channel's own event loop, so the relay adds no
 * thread, and hands nothing over between threads but the broker's report that it took a
 * {@code CONNECT}.
 *
 * @author settrade-mqtt
 */
public final class MqttRelay {

	private static final Logger logger = Loggers.getLogger(MqttRelay.class);

	private final MoquetteBroker broker;

	private final MqttAdmission admission;

	private final MqttConnections connections;

	public MqttRelay(MoquetteBroker broker, MqttAdmission admission, MqttConnections connections) {
		this.broker = broker;
		this.admission = admission;
		this.connections = connections;
	}

	/**
	 * Relays a connection whose ticket came with the upgrade.
	 * @param in the client's frames
	 * @param out frames to the client
	 * @param ticket what the accepted ticket was issued for
	 * @return completes when the connection is over
	 */
	Mono<Void> relayAdmitted(WebsocketInbound in, WebsocketOutbound out, TicketInfo ticket) {
		return relay(in, out, (connection, brokerConnected) -> {
			this.connections.opened(connection, ticket.expiresAt());
			return ConnectGate.admitted(brokerConnected);
		});
	}

	/**
	 * Relays a connection whose ticket is to come in the {@code CONNECT} packet, as user
	 * name (the app code) and password (the ticket).
	 * @param in the client's frames
	 * @param out frames to the client
	 * @param brokerId the broker id of the endpoint path
	 * @return completes when the connection is over
	 */
	Mono<Void> relayWithConnectCredentials(WebsocketInbound in, WebsocketOutbound out, String brokerId) {
		return relay(in, out,
				(connection, brokerConnected) -> ConnectGate.checkingCredentials(
						(userName, password) -> admitConnect(connection, brokerId, userName, password),
						new ConnectGate.Outcome() {

							@Override
							public void refused() {
								connection.refuseCredentials();
							}

							@Override
							public void protocolError(String reason) {
								MqttRelay.this.admission.reject(reason);
								connection.drop();
							}

						}, brokerConnected));
	}

	private boolean admitConnect(MqttClientConnection connection, String brokerId, @Nullable String userName,
			byte @Nullable [] password) {
		if (password == null || password.length == 0) {
			this.admission.reject("CONNECT without a password");
			return false;
		}
		// A missing user name must not skip the app check: it matches no app code
		String appCode = (userName != null) ? userName : "";
		return this.admission.admit(new String(password, StandardCharsets.UTF_8), brokerId, appCode).map((ticket) -> {
			this.connections.opened(connection, ticket.expiresAt());
			return true;
		}).orElse(false);
	}

	private Mono<Void> relay(WebsocketInbound in, WebsocketOutbound out, GateFactory gates) {
		AtomicReference<Connection> client = new AtomicReference<>();
		in.withConnection(client::set);
		Channel clientChannel = client.get().channel();
		// The first connection starts the broker, on this event loop: a one-off pause
		// of a fraction of a second on a loop that serves tests only
		return Mono.fromCallable(this.broker::ensureStarted)
			.flatMap((port) -> connectToBroker(clientChannel, port))
			.flatMap((broker) -> {
				MqttClientConnection connection = new MqttClientConnection(clientChannel, broker);
				ConnectGate gate = gates.create(connection, brokerConnected(clientChannel));
				// The relay ends once the gate let go: a client gone must end a hold
				clientChannel.closeFuture().addListener((closed) -> gate.close());
				return pipe(in, out, connection, gate);
			})
			.doOnError((ex) -> logger.debug("MQTT relay ended with {}", ex.getClass().getName()));
	}

	/**
	 * Returns the broker's signal that it took a client's {@code CONNECT}, moved to the
	 * client channel's event loop: the bytes the gate held then go on from the thread
	 * that writes every other byte to the broker, so nothing overtakes them.
	 */
	private Function<String, Mono<Void>> brokerConnected(Channel clientChannel) {
		Scheduler clientLoop = Schedulers.fromExecutor(clientChannel.eventLoop());
		return (clientId) -> this.broker.connected(clientId).publishOn(clientLoop);
	}

	private static Mono<? extends Connection> connectToBroker(Channel clientChannel, int port) {
		return TcpClient.newConnection()
			.runOn(clientChannel.eventLoop())
			.resolver(DefaultAddressResolverGroup.INSTANCE)
			.remoteAddress(() -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
			.option(ChannelOption.TCP_NODELAY, true)
			.connect();
	}

	private Mono<Void> pipe(WebsocketInbound in, WebsocketOutbound out, MqttClientConnection connection,
			ConnectGate gate) {
		// concatMap offers the next frame once the gate passed on all it let through
		// for the last one: frames sent while it holds wait in line, in order
		Flux<ByteBuf> fromClient = in.receive()
			.retain()
			.concatMap(gate::offer)
			.doOnDiscard(ByteBuf.class, ReferenceCountUtil::release);
		// Read until the client closes, even once nothing goes to the broker any more
		Mono<Void> upstream = fromClient.doOnNext(connection::toBroker).then();
		Mono<Void> downstream = out.send(connection.broker().inbound().receive().retain().filter(connection::toClient))
			.then()
			// A stalled connection lost its broker side on purpose: the client's side
			// alone ends it then
			.then(Mono.defer(() -> connection.isRelaying() ? Mono.empty() : Mono.never()));
		// Either side ending ends the connection
		return Mono.firstWithSignal(upstream, downstream).doFinally((signal) -> {
			gate.close();
			this.connections.closed(connection);
		});
	}

	/**
	 * Decides how a new connection is let in: registers it at once or once its
	 * {@code CONNECT} passed, and returns the gate its bytes pass.
	 */
	@FunctionalInterface
	private interface GateFactory {

		ConnectGate create(MqttClientConnection connection, Function<String, Mono<Void>> brokerConnected);

	}

}
