package io.github.settrademqtt.test.rest;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.Channel;
import reactor.core.publisher.Mono;
import reactor.netty.NettyOutbound;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * The REST requests left unanswered on purpose, each holding its connection open with no
 * thread held, until the client closes it or {@link #releaseAll()} does. Thread safe.
 *
 * @author settrade-mqtt
 */
public final class HungRequests {

	private static final Logger logger = Loggers.getLogger(HungRequests.class);

	private final Set<Channel> held = ConcurrentHashMap.newKeySet();

	private final RequestCounters stats;

	public HungRequests(RequestCounters stats) {
		this.stats = stats;
	}

	/**
	 * Holds a request's connection open without a response.
	 * @param <T> the type the caller expects
	 * @param response the response never to send
	 * @return a publisher that never signals: the exchange ends only with its connection
	 */
	<T> Mono<T> hold(NettyOutbound response) {
		return Mono.create((sink) -> response.withConnection((connection) -> {
			Channel channel = connection.channel();
			this.held.add(channel);
			this.stats.requestHung();
			// Whoever closes it, the client giving up included
			channel.closeFuture().addListener((closed) -> this.held.remove(channel));
			logger.debug("REST request left unanswered");
		}));
	}

	/**
	 * Returns how many hung requests still hold a connection.
	 * @return the number of hung requests still open
	 */
	public int pending() {
		return this.held.size();
	}

	/**
	 * Closes the connection of every hung request, without a response.
	 */
	public void releaseAll() {
		List<Channel> channels = List.copyOf(this.held);
		channels.forEach(Channel::close);
		if (!channels.isEmpty()) {
			logger.debug("Closed {} unanswered REST requests", channels.size());
		}
	}

}
