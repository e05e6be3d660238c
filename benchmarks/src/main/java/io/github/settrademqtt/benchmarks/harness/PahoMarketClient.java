package io.github.settrademqtt.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.proto.BidOfferV3;
import io.github.settrademqtt.test.proto.InfoV3;
import org.jspecify.annotations.Nullable;

/**
 * Bare Paho on the whole market, as a careful user writes it: one client over secure
 * WebSocket with a dispatcher ticket from the starter's login service (the starter itself
 * not started), every topic subscribed in batches of 100 filters per SUBSCRIBE, each
 * payload parsed with the generated class on Paho's callback thread. A rotation is
 * make-before-break by hand: a second client with a fresh ticket, subscribed to every
 * topic, then the first one closed; what both deliver meanwhile is dropped the second
 * time by each topic's last number, as such a user would.
 *
 * @author settrade-mqtt
 */
public final class PahoMarketClient implements MarketClient {

	/**
	 * The client's name in the report.
	 */
	public static final String NAME = "bare Paho v3";

	private static final String BOOK_TOPIC_PREFIX = bookTopicPrefix();

	private final List<BarePahoSubscriber> closed = new ArrayList<>();

	private @Nullable StarterFeed login;

	private @Nullable Connecting connecting;

	private @Nullable BarePahoSubscriber current;

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Opening connect(SettradeSimulator simulator, SimulatedApp app, List<String> symbols, PhasedFeed feed,
			MarketTape tape) throws Exception {
		StarterFeed login = StarterFeed.start(simulator, app, Map.of("settrade.mqtt.auto-startup", "false"), Map.of());
		this.login = login;
		Connecting connecting = new Connecting(simulator, login.bean(SettradeLoginService.class),
				Harness.bookAndInfoTopics(symbols), feed, tape);
		this.connecting = connecting;
		long start = System.nanoTime();
		BarePahoSubscriber subscriber = connecting.open();
		this.current = subscriber;
		return new Opening(start, subscriber.openingNanos(), subscriber.connectedNanos(), subscriber.subscribedNanos(),
				subscriber.subscribedNanos(), subscriber.subscribedNanos());
	}

	@Override
	public Opening rotate() throws Exception {
		BarePahoSubscriber old = this.current;
		if (this.connecting == null || old == null) {
			throw new IllegalStateException("Not connected");
		}
		long requested = System.nanoTime();
		BarePahoSubscriber next = this.connecting.open();
		this.current = next;
		old.close();
		synchronized (this.closed) {
			this.closed.add(old);
		}
		return new Opening(requested, next.openingNanos(), next.connectedNanos(), next.subscribedNanos(),
				next.subscribedNanos(), System.nanoTime());
	}

	@Override
	public long losses() {
		long losses = 0;
		synchronized (this.closed) {
			for (BarePahoSubscriber subscriber : this.closed) {
				losses += subscriber.losses();
			}
		}
		BarePahoSubscriber current = this.current;
		return losses + ((current != null) ? current.losses() : 0);
	}

	@Override
	public void close() throws Exception {
		try {
			if (this.current != null) {
				this.current.close();
			}
		}
		finally {
			if (this.login != null) {
				this.login.close();
			}
		}
	}

	private static String bookTopicPrefix() {
		String topic = SimulatorMarket.bidOfferTopic("X");
		return topic.substring(0, topic.length() - 1);
	}

	/**
	 * Opens connections, each numbered, all of them handing messages to the same tape.
	 */
	private static final class Connecting {

		private final SettradeSimulator simulator;

		private final SettradeLoginService login;

		private final List<String> topics;

		private final PhasedFeed feed;

		private final MarketTape tape;

		private final AtomicLongArray lastNumbers;

		private long connections;

		Connecting(SettradeSimulator simulator, SettradeLoginService login, List<String> topics, PhasedFeed feed,
				MarketTape tape) {
			this.simulator = simulator;
			this.login = login;
			this.topics = topics;
			this.feed = feed;
			this.tape = tape;
			this.lastNumbers = new AtomicLongArray(topics.size());
		}

		BarePahoSubscriber open() throws Exception {
			long connection = ++this.connections;
			return BarePahoSubscriber.connect(this.simulator, this.login.dispatcherTicket(), this.topics,
					(topic, payload) -> received(topic, payload, connection));
		}

		private void received(String topic, byte[] payload, long connection) throws Exception {
			long number = topic.startsWith(BOOK_TOPIC_PREFIX) ? BidOfferV3.parseFrom(payload).getAskVolume10()
					: InfoV3.parseFrom(payload).getTotalVolume();
			if (number > 0) {
				// two connections deliver the same messages while one replaces the other
				int index = this.feed.topicOf(number);
				if (this.lastNumbers.getAndAccumulate(index, number, Math::max) >= number) {
					return;
				}
			}
			this.tape.arrived(number, connection);
			this.tape.handed(number);
		}

	}

}
