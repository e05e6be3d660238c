package io.github.settrademqtt.test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Holds back what a client sends until its first packet, the {@code CONNECT}, has arrived
 * whole and its user name and password passed the check; then lets everything through
 * unchanged. Used in {@link MqttCredentialMode#PASSWORD} mode, where the ticket travels
 * in the {@code CONNECT}. Called on the client channel's event loop only.
 *
 * @author settrade-mqtt
 */
final class ConnectCredentialsGate {

	/**
	 * A {@code CONNECT} carrying a ticket is a few hundred bytes; anything much larger is
	 * not one.
	 */
	private static final int MAX_CONNECT_BYTES = 8 * 1024;

	private final CredentialsCheck check;

	private final Outcome outcome;

	private final EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(MAX_CONNECT_BYTES));

	private final CompositeByteBuf held = Unpooled.compositeBuffer();

	private State state = State.WAITING;

	ConnectCredentialsGate(CredentialsCheck check, Outcome outcome) {
		this.check = check;
		this.outcome = outcome;
	}

	/**
	 * Takes the next bytes from the client.
	 * @param bytes the bytes, owned by this gate from now on
	 * @return what may be passed to the broker now: nothing while the {@code CONNECT} is
	 * incomplete or after a refusal, all bytes held so far once it is accepted, the bytes
	 * themselves afterwards
	 */
	Mono<ByteBuf> offer(ByteBuf bytes) {
		if (this.state == State.OPEN) {
			return Mono.just(bytes);
		}
		if (this.state == State.CLOSED) {
			bytes.release();
			return Mono.empty();
		}
		this.held.addComponent(true, bytes);
		this.decoder.writeInbound(bytes.retainedDuplicate());
		Object packet = this.decoder.readInbound();
		if (packet == null) {
			if (this.held.readableBytes() > MAX_CONNECT_BYTES) {
				close();
				this.outcome.protocolError("first packet too large");
			}
			return Mono.empty();
		}
		try {
			return decide(packet);
		}
		finally {
			ReferenceCountUtil.release(packet);
		}
	}

	private Mono<ByteBuf> decide(Object packet) {
		if (!(packet instanceof MqttConnectMessage connect) || connect.decoderResult().isFailure()) {
			close();
			this.outcome.protocolError("first packet is not a valid CONNECT");
			return Mono.empty();
		}
		String userName = connect.variableHeader().hasUserName() ? connect.payload().userName() : null;
		byte[] password = connect.variableHeader().hasPassword() ? connect.payload().passwordInBytes() : null;
		if (!this.check.accepts(userName, password)) {
			close();
			this.outcome.refused();
			return Mono.empty();
		}
		this.state = State.OPEN;
		this.decoder.finishAndReleaseAll();
		return Mono.just(this.held);
	}

	/**
	 * Releases what the gate holds; the client connection is being closed.
	 */
	void close() {
		if (this.state != State.CLOSED) {
			if (this.state == State.WAITING) {
				this.held.release();
			}
			this.state = State.CLOSED;
			this.decoder.finishAndReleaseAll();
		}
	}

	private enum State {

		WAITING, OPEN, CLOSED

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
