package io.github.settrademqtt.test.mqtt;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

/**
 * One client's MQTT connection through the simulator: the client's WebSocket and the
 * relay's TCP connection to the broker, and the ways the server side ends it. Each end
 * closes the client side only; the relay notices and {@linkplain #release() releases} the
 * broker side, so that a frame written just before the close is not cut off.
 * <p>
 * A connection can also be {@linkplain #stall() stalled}: half-open, its broker side gone
 * and its client side kept open, with nothing passed either way any more.
 *
 * @author settrade-mqtt
 */
final class MqttClientConnection {

	/**
	 * {@code CONNACK} with return code 4, "bad user name or password": what MQTT 3.1.1
	 * answers a {@code CONNECT} whose credentials are refused.
	 */
	private static final byte[] CONNACK_BAD_CREDENTIALS = { 0x20, 0x02, 0x00, 0x04 };

	private final Channel client;

	private final Connection broker;

	private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);

	private volatile @Nullable ScheduledFuture<?> expiryCheck;

	MqttClientConnection(Channel client, Connection broker) {
		this.client = client;
		this.broker = broker;
	}

	/**
	 * Closes the client's connection at once, without a WebSocket close frame, the way a
	 * connection dies when a server or the network goes away. Stalled connections too.
	 * @return whether this call closed the connection (rather than it being closed
	 * already)
	 */
	boolean drop() {
		if (this.state.getAndSet(State.CLOSING) == State.CLOSING) {
			return false;
		}
		this.client.close();
		return true;
	}

	/**
	 * Closes the client's connection whatever state it is in, stalled included.
	 * @return completes once the client's socket is closed
	 */
	ChannelFuture close() {
		this.state.set(State.CLOSING);
		return this.client.close();
	}

	/**
	 * Ends the connection because the token it was opened with expired: a WebSocket close
	 * frame ({@code 1008}, policy violation), then the socket. A stalled connection is
	 * left alone: its server side is gone, so nothing can tell the client.
	 * @return whether this call closed the connection
	 */
	boolean closeForExpiry() {
		if (!this.state.compareAndSet(State.OPEN, State.CLOSING)) {
			return false;
		}
		this.client.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "Token expired"))
			.addListener(ChannelFutureListener.CLOSE);
		return true;
	}

	/**
	 * Refuses the client's {@code CONNECT}: the refusing {@code CONNACK}, then the
	 * socket, as MQTT 3.1.1 requires.
	 */
	void refuseCredentials() {
		if (this.state.compareAndSet(State.OPEN, State.CLOSING)) {
			this.client.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(CONNACK_BAD_CREDENTIALS)))
				.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/**
	 * Makes the connection half-open: from now on nothing reaches the client and what the
	 * client sends is dropped. The broker side is closed at once, so that the broker
	 * forgets the client and its subscriptions as after a lost connection (kept open, it
	 * would also close on its own once the client's keep-alive passed without a ping).
	 * The client side stays open until the client closes it.
	 * @return whether this call stalled the connection (rather than it being stalled or
	 * closing already)
	 */
	boolean stall() {
		if (!this.state.compareAndSet(State.OPEN, State.STALLED)) {
			return false;
		}
		cancelExpiryCheck();
		this.broker.dispose();
		return true;
	}

	/**
	 * Passes bytes from the client on to the broker, or drops them once the connection no
	 * longer relays.
	 * @param bytes the bytes, owned by this call
	 */
	void toBroker(ByteBuf bytes) {
		if (!isRelaying()) {
			bytes.release();
			return;
		}
		// The broker connection shares the client's event loop: the write happens now,
		// in order, and releases the bytes when it fails
		this.broker.channel().writeAndFlush(bytes);
	}

	/**
	 * Tells whether bytes from the broker go on to the client. Bytes it turns away are
	 * released by the relay's send, which discards what a filter drops: releasing them
	 * here as well released them twice (Reactor Netty then failed on its own release).
	 * @param bytes the bytes
	 * @return whether to pass them on
	 */
	boolean toClient(ByteBuf bytes) {
		return isRelaying();
	}

	/**
	 * Runs {@code task} on the client channel's event loop after {@code delayNanos},
	 * replacing any check scheduled before. Nothing is scheduled once the connection is
	 * stalled or closing.
	 * @param task the task
	 * @param delayNanos the delay
	 */
	void scheduleExpiryCheck(Runnable task, long delayNanos) {
		if (isRelaying()) {
			this.expiryCheck = this.client.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Closes both sides, whatever state they are in, and forgets the pending expiry
	 * check: the relay calls it once either side has closed.
	 */
	void release() {
		this.state.set(State.CLOSING);
		cancelExpiryCheck();
		this.client.close();
		this.broker.dispose();
	}

	private void cancelExpiryCheck() {
		ScheduledFuture<?> check = this.expiryCheck;
		if (check != null) {
			check.cancel(false);
		}
	}

	Connection broker() {
		return this.broker;
	}

	/**
	 * Returns whether bytes still pass both ways: neither stalled nor closing.
	 * @return whether the connection relays
	 */
	boolean isRelaying() {
		return this.state.get() == State.OPEN;
	}

	boolean isStalled() {
		return this.state.get() == State.STALLED && this.client.isOpen();
	}

	/**
	 * Returns whether the client's socket is open and no end was asked for. The socket
	 * counts too: when the server stops, its event loops close every socket, and the
	 * relay may not have {@linkplain #release() released} the connection by then.
	 * @return whether the client side is open
	 */
	boolean isClientOpen() {
		return this.state.get() != State.CLOSING && this.client.isOpen();
	}

	private enum State {

		OPEN, STALLED, CLOSING

	}

}
