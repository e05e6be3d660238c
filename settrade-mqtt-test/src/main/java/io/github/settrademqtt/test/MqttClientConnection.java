package io.github.settrademqtt.test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
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

	private final AtomicBoolean closing = new AtomicBoolean();

	private volatile @Nullable ScheduledFuture<?> expiryCheck;

	MqttClientConnection(Channel client, Connection broker) {
		this.client = client;
		this.broker = broker;
	}

	/**
	 * Closes the client's connection at once, without a WebSocket close frame, the way a
	 * connection dies when a server or the network goes away.
	 * @return whether this call closed the connection (rather than it being closed
	 * already)
	 */
	boolean drop() {
		if (!this.closing.compareAndSet(false, true)) {
			return false;
		}
		this.client.close();
		return true;
	}

	/**
	 * Ends the connection because the token it was opened with expired: a WebSocket close
	 * frame ({@code 1008}, policy violation), then the socket.
	 * @return whether this call closed the connection
	 */
	boolean closeForExpiry() {
		if (!this.closing.compareAndSet(false, true)) {
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
		if (this.closing.compareAndSet(false, true)) {
			this.client.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(CONNACK_BAD_CREDENTIALS)))
				.addListener(ChannelFutureListener.CLOSE);
		}
	}

	/**
	 * Runs {@code task} on the client channel's event loop after {@code delayNanos},
	 * replacing any check scheduled before. Nothing is scheduled once the connection is
	 * closing.
	 * @param task the task
	 * @param delayNanos the delay
	 */
	void scheduleExpiryCheck(Runnable task, long delayNanos) {
		if (!this.closing.get()) {
			this.expiryCheck = this.client.eventLoop().schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * Closes both sides, whatever state they are in, and forgets the pending expiry
	 * check: the relay calls it once either side has closed.
	 */
	void release() {
		this.closing.set(true);
		ScheduledFuture<?> check = this.expiryCheck;
		if (check != null) {
			check.cancel(false);
		}
		this.client.close();
		this.broker.dispose();
	}

	Connection broker() {
		return this.broker;
	}

	boolean isClosing() {
		return this.closing.get();
	}

}
