package io.github.settrademqtt.test.mqtt;

import java.util.function.Function;

import io.github.settrademqtt.test.MqttCredentialMode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Holds back what a client sends until the broker has taken its first packet, the
 * {@code CONNECT}; then lets everything through unchanged. Called on the client channel's
 * event loop only.
 * <p>
 * It holds for two reasons:
 * <ul>
 * <li>In {@link MqttCredentialMode#PASSWORD} mode the ticket travels in the
 * {@code CONNECT}: nothing reaches the broker before its user name and password passed
 * the check.</li>
 * <li>MQTT 3.1.1 (section 3.1.4) lets a client send packets right after its
 * {@code CONNECT}, without waiting for the {@code CONNACK}. Moquette refuses them until
 * it has marked the connection connected, which it does in a listener of the
 * {@code CONNACK} write, and that listener may run after the broker read the next
 * packets: it then drops the client ("SUBSCRIBE received on already closed connection").
 * Even a client that waits for the {@code CONNACK} can lose that race. So the
 * {@code CONNECT} goes on at once and what follows waits until the broker reports the
 * client connected, which it does after setting that flag (see
 * {@link ConnectInterceptor}).</li>
 * </ul>
 *
 * @author settrade-mqtt
 */
final class ConnectGate {

	/**
	 * A {@code CONNECT} carrying a ticket is a few hundred bytes; anything much larger is
	 * not one.
	 */
	private static final int MAX_CONNECT_BYTES = 8 * 1024;

	/**
	 * The check and what to do when it fails, or {@code null} when the ticket came with
	 * the upgrade.
	 */
	private final @Nullable Credentials credentials;

	private final Function<String, Mono<Void>> brokerConnected;

	private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(MAX_CONNECT_BYTES));

	private final CompositeByteBuf held = Unpooled.compositeBuffer();

	/**
	 * Ends the hold when the gate closes first: a connection stalled before the broker
	 * reported it may never be reported, and the relay ends only once the hold did.
	 */
	private final Sinks.Empty<Void> closed = Sinks.empty();

	private State state = State.WAITING;

	private ConnectGate(@Nullable Credentials credentials, Function<String, Mono<Void>> brokerConnected) {
		this.credentials = credentials;
		this.brokerConnected = brokerConnected;
	}

	/**
	 * Creates a gate for a connection whose ticket came with the upgrade. It checks no
	 * credentials, and passes on a first packet it cannot read: the broker answers it as
	 * MQTT requires.
	 * @param brokerConnected completes, on the client channel's event loop, once the
	 * broker reports the client of the given id connected; subscribed to before the
	 * {@code CONNECT} reaches the broker
	 * @return the gate
	 */
	static ConnectGate admitted(Function<String, Mono<Void>> brokerConnected) {
		return new ConnectGate(null, brokerConnected);
	}

	/**
	 * Creates a gate that lets a connection in once the user name and password of its
	 * {@code CONNECT} pass a check.
	 * @param check the check
	 * @param outcome what to do when the gate stays shut
	 * @param brokerConnected see {@link #admitted(Function)}
	 * @return the gate
	 */
	static ConnectGate checkingCredentials(CredentialsCheck check, Outcome outcome,
			Function<String, Mono<Void>> brokerConnected) {
		return new ConnectGate(new Credentials(check, outcome), brokerConnected);
	}

	/**
	 * Takes the next bytes from the client. The caller passes on what the returned flux
	 * emits and offers nothing more before it completed.
	 * @param bytes the bytes, owned by this gate from now on
	 * @return what may be passed to the broker: nothing while the {@code CONNECT} is
	 * incomplete or after a refusal; once it is accepted, the {@code CONNECT}, then, once
	 * the broker took it, whatever the client sent after it; the bytes themselves
	 * afterwards
	 */
	Flux<ByteBuf> offer(ByteBuf bytes) {
		if (this.state == State.OPEN) {
			return Flux.just(bytes);
		}
		if (this.state != State.WAITING) {
			bytes.release();
			return Flux.empty();
		}
		this.held.addComponent(true, bytes);
		this.decoder.writeInbound(bytes.retainedDuplicate());
		Object packet = this.decoder.readInbound();
		if (packet == null) {
			return (this.held.readableBytes() > MAX_CONNECT_BYTES) ? notAConnect("first packet too large")
					: Flux.empty();
		}
		try {
			return decide(packet);
		}
		finally {
			ReferenceCountUtil.release(packet);
		}
	}

	private Flux<ByteBuf> decide(Object packet) {
		if (!(packet instanceof MqttConnectMessage connect) || connect.decoderResult().isFailure()) {
			return notAConnect("first packet is not a valid CONNECT");
		}
		if (this.credentials != null && !this.credentials.accept(connect)) {
			close();
			this.credentials.outcome().refused();
			return Flux.empty();
		}
		this.decoder.finishAndReleaseAll();
		ByteBuf connectBytes = this.held.readRetainedSlice(packetLength(connect.fixedHeader().remainingLength()));
		String clientId = connect.payload().clientIdentifier();
		if (clientId == null || clientId.isEmpty()) {
			// The broker refuses an empty client id (MQTT 3.1.1) or makes one up (MQTT
			// 5): no report names it, and no packet after the CONNECT is served anyway
			return Flux.concat(Mono.just(connectBytes), Mono.fromSupplier(this::open));
		}
		this.state = State.HOLDING;
		// Subscribed before the CONNECT goes on, so that the report cannot pass unseen
		Mono<Void> connected = this.brokerConnected.apply(clientId);
		return Flux.concat(Mono.just(connectBytes),
				Mono.firstWithSignal(connected, this.closed.asMono()).then(Mono.fromSupplier(this::open)));
	}

	/**
	 * Returns the length of the first packet held, whose remaining length is given: the
	 * type byte, the remaining length as encoded (one to four bytes, read rather than
	 * computed, since a longer encoding than needed is still readable), then the rest.
	 */
	private int packetLength(int remainingLength) {
		int lengthEnd = this.held.readerIndex() + 1;
		while ((this.held.getByte(lengthEnd) & 0x80) != 0) {
			lengthEnd++;
		}
		return lengthEnd + 1 - this.held.readerIndex() + remainingLength;
	}

	private Flux<ByteBuf> notAConnect(String reason) {
		if (this.credentials == null) {
			this.decoder.finishAndReleaseAll();
			return Mono.fromSupplier(this::open).flux();
		}
		close();
		this.credentials.outcome().protocolError(reason);
		return Flux.empty();
	}

	/**
	 * Opens the gate.
	 * @return the bytes held, or {@code null} when there are none or the gate closed
	 * meanwhile
	 */
	private @Nullable ByteBuf open() {
		if (this.state == State.CLOSED) {
			return null;
		}
		this.state = State.OPEN;
		if (this.held.isReadable()) {
			return this.held;
		}
		this.held.release();
		return null;
	}

	/**
	 * Releases what the gate holds and drops what comes later; the client connection is
	 * being closed.
	 */
	void close() {
		if (this.state != State.CLOSED) {
			if (this.state != State.OPEN) {
				this.held.release();
			}
			this.state = State.CLOSED;
			this.decoder.finishAndReleaseAll();
			this.closed.tryEmitEmpty();
		}
	}

	private enum State {

		/**
		 * Reading the {@code CONNECT}.
		 */
		WAITING,

		/**
		 * The {@code CONNECT} went on; holding what followed it until the broker took it.
		 */
		HOLDING,

		/**
		 * Letting everything through.
		 */
		OPEN,

		/**
		 * Dropping everything: the connection is being closed.
		 */
		CLOSED

	}

	private record Credentials(CredentialsCheck check, Outcome outcome) {

		boolean accept(MqttConnectMessage connect) {
			String userName = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
			byte[] password = connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null;
			return this.check.accepts(userName, password);
		}

	}

	/**
	 * Checks the credentials of a {@code CONNECT}.
	 */
	@FunctionalInterface
	interface CredentialsCheck {

		/**
		 * Returns whether the credentials open a connection.
		 * @param userName the user name, or {@code null} when absent
		 * @param password the password, or {@code null} when absent
		 * @return whether to accept the connection
		 */
		boolean accepts(@Nullable String userName, byte @Nullable [] password);

	}

	/**
	 * What to do when the gate does not open.
	 */
	interface Outcome {

		/**
		 * The credentials were refused.
		 */
		void refused();

		/**
		 * The client did not start with a {@code CONNECT}.
		 * @param reason what was wrong, for a log line; never packet content
		 */
		void protocolError(String reason);

	}

}
