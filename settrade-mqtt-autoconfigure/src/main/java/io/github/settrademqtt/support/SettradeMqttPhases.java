package io.github.settrademqtt.support;

import org.springframework.context.SmartLifecycle;

/**
 * The {@link SmartLifecycle#getPhase() phases} of the feed's lifecycle beans, in one
 * place so that their order reads top to bottom. Spring starts lower phases first and
 * stops them last; beans of one phase start in no particular order among themselves.
 * <p>
 * All of them run well before Boot's {@link SmartLifecycle#DEFAULT_PHASE default phase}
 * (web servers and most application lifecycle beans), so the feed is up before the
 * application serves requests and is still up while those stop.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class SettradeMqttPhases {

	/**
	 * The feed publisher's, in cluster mode: before everything of the upstream, so that
	 * the leader's term is claimed before its connection delivers, and every message the
	 * connection delivered is sent before it stops.
	 */
	public static final int FEED_PUBLISHER = SmartLifecycle.DEFAULT_PHASE - 4097;

	/**
	 * The leader's claims for the other replicas, in cluster mode: with the feed
	 * publisher, before the connection, so that its first connection subscribes what any
	 * replica claims.
	 */
	public static final int PEER_SUBSCRIPTIONS = FEED_PUBLISHER;

	/**
	 * The token refresher's: first of the single-node feed (only the cluster's feed
	 * publisher comes before it). It keeps the access token alive for as long as any
	 * connection is open, so it starts before the connection opens one and stops only
	 * once every connection is closed.
	 */
	public static final int TOKEN_REFRESHER = SmartLifecycle.DEFAULT_PHASE - 4096;

	/**
	 * The connection's: after the token refresher, whose token it connects with, and
	 * before the message producer and the watchdog, which need a connection to deliver
	 * from and to watch.
	 */
	public static final int CONNECTION = TOKEN_REFRESHER + 1;

	/**
	 * The market data delivery's: with the connection, before the message producer, so
	 * that its threads run before the producer sends anything and until it has stopped.
	 */
	public static final int MARKET_DATA_DELIVERY = CONNECTION;

	/**
	 * The message producer's: after the connection and the delivery, so that it stops
	 * delivering before the connection closes and the rest of the application shuts down.
	 */
	public static final int MESSAGE_PRODUCER = CONNECTION + 1;

	/**
	 * The feed watchdog's: after the connection, so that it starts once there is a
	 * connection to watch and stops before it, never healing a connection being closed.
	 */
	public static final int FEED_WATCHDOG = CONNECTION + 1;

	/**
	 * The feed follower's, in cluster mode: with the message producer, after the delivery
	 * it feeds from Kafka.
	 */
	public static final int FEED_FOLLOWER = MESSAGE_PRODUCER;

	/**
	 * The leader election's, in cluster mode: last. The replica elected leader starts the
	 * token refresher, the connection and the watchdog, so the delivery and the message
	 * producer run before it can be elected; it is the first to stop, so the upstream
	 * stops and the lock is released while the rest still runs.
	 */
	public static final int LEADER_ELECTION = MESSAGE_PRODUCER + 1;

	private SettradeMqttPhases() {
	}

}
