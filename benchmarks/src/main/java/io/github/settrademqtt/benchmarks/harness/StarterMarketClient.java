package io.github.settrademqtt.benchmarks.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.connection.ConnectionStep;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.connection.StepHook;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.connection.event.ConnectionLostEvent;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.PriceInfoListener;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;

/**
 * The starter on the whole market, as a user runs it: a Spring Boot application
 * subscribed to every symbol's order book and price information by properties, with a
 * {@link BidOfferListener} and a {@link PriceInfoListener} bean that record the number
 * each event carries. Its raw channel, which carries every message the connection
 * delivers, is recorded beside them. A step hook notes when each connection step starts,
 * so that the time to every topic active is measured from the connection's opening.
 * Rotations are asked for through {@link SettradeMqttConnection#rotate()}, with the
 * configured strategy ({@code overlap} by default).
 *
 * @author settrade-mqtt
 */
public final class StarterMarketClient implements MarketClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final String name;

	private final Map<String, String> properties;

	private final StepTimes steps = new StepTimes();

	private final LossCounter losses = new LossCounter();

	private @Nullable StarterFeed feed;

	/**
	 * Create a client.
	 * @param name its name in the report
	 * @param properties further {@code settrade.mqtt.*} properties, such as
	 * {@code settrade.mqtt.delivery.threads}
	 */
	public StarterMarketClient(String name, Map<String, String> properties) {
		this.name = name;
		this.properties = Map.copyOf(properties);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Opening connect(SettradeSimulator simulator, SimulatedApp app, List<String> symbols, PhasedFeed feed,
			MarketTape tape) {
		Map<String, String> properties = new LinkedHashMap<>(this.properties);
		properties.put("settrade.mqtt.subscriptions.bid-offer", String.join(",", symbols));
		properties.put("settrade.mqtt.subscriptions.price-info", String.join(",", symbols));
		// started below, once the step hook is in place
		properties.put("settrade.mqtt.auto-startup", "false");
		BidOfferListener books = (book) -> tape.handed(book.asks().get(9).volume());
		PriceInfoListener prices = (info) -> tape.handed(info.totalVolume());
		StarterFeed started = StarterFeed.start(simulator, app, properties,
				Map.of("wholeMarketBooks", books, "wholeMarketPrices", prices, "wholeMarketLosses", this.losses));
		this.feed = started;
		started.rawChannel().subscribe((message) -> {
			if (message.getPayload() instanceof byte[] payload) {
				Long epoch = message.getHeaders().get(SettradeMqttHeaders.EPOCH, Long.class);
				tape.arrived(Varints.lastValue(payload), (epoch != null) ? epoch : -1);
			}
		});
		started.connection().setStepHook(this.steps);
		long start = System.nanoTime();
		started.startLifecycle();
		long installed = this.steps.awaitAfter(ConnectionStep.INSTALL, start);
		// the registry records the broker's answers just before the connection installs:
		// when they were all grants, every topic was active then; otherwise later
		// reconciling passes make them so
		boolean activeAtInstall = countActive(started) >= symbols.size() * 2;
		long active = awaitAllActive(started, symbols.size() * 2);
		long activeNanos = activeAtInstall ? installed : active;
		return new Opening(start, this.steps.after(ConnectionStep.OPEN, start),
				this.steps.after(ConnectionStep.SUBSCRIBE, start), activeNanos, activeNanos, active);
	}

	private static long awaitAllActive(StarterFeed feed, int topics) {
		if (!NumberedRun.await(() -> countActive(feed) >= topics, TIMEOUT)) {
			throw new IllegalStateException("Only " + countActive(feed) + " of " + topics + " topics active within "
					+ TIMEOUT + "; failures " + feed.bean(SubscriptionRegistry.class).failures());
		}
		return System.nanoTime();
	}

	private static long countActive(StarterFeed feed) {
		return feed.bean(SubscriptionRegistry.class)
			.states()
			.values()
			.stream()
			.filter((state) -> state == SubscriptionState.ACTIVE)
			.count();
	}

	@Override
	public Opening rotate() {
		SettradeMqttConnection connection = requireFeed().connection();
		RotationOutcome before = connection.getLastRotation();
		long requested = System.nanoTime();
		connection.rotate();
		if (!NumberedRun.await(() -> connection.getLastRotation() != before, TIMEOUT)) {
			throw new IllegalStateException("No rotation within " + TIMEOUT + ": state " + connection.getState()
					+ ", last rotation failure " + connection.getLastRotationFailure());
		}
		long done = System.nanoTime();
		// the registry takes the new connection's answers when it hands over
		return new Opening(requested, this.steps.after(ConnectionStep.OPEN, requested),
				this.steps.after(ConnectionStep.SUBSCRIBE, requested),
				this.steps.after(ConnectionStep.ALIGN, requested),
				this.steps.after(ConnectionStep.HAND_OVER, requested), done);
	}

	@Override
	public long losses() {
		return this.losses.count.get();
	}

	private StarterFeed requireFeed() {
		StarterFeed feed = this.feed;
		if (feed == null) {
			throw new IllegalStateException("Not connected");
		}
		return feed;
	}

	@Override
	public void close() {
		if (this.feed != null) {
			this.feed.close();
		}
	}

	/**
	 * When each step of the connection's thread started.
	 */
	private static final class StepTimes implements StepHook {

		private final List<ConnectionStep> steps = new ArrayList<>();

		private final List<Long> times = new ArrayList<>();

		@Override
		public synchronized void before(ConnectionStep step) {
			this.steps.add(step);
			this.times.add(System.nanoTime());
		}

		/**
		 * Return when a step first started after a moment.
		 * @return {@link System#nanoTime()}, {@code 0} if it has not
		 */
		synchronized long after(ConnectionStep step, long since) {
			for (int i = 0; i < this.steps.size(); i++) {
				if (this.steps.get(i) == step && this.times.get(i) - since >= 0) {
					return this.times.get(i);
				}
			}
			return 0;
		}

		long awaitAfter(ConnectionStep step, long since) {
			if (!NumberedRun.await(() -> after(step, since) != 0, TIMEOUT)) {
				throw new IllegalStateException("The connection did not reach " + step + " within " + TIMEOUT);
			}
			return after(step, since);
		}

	}

	/**
	 * Counts the connections lost.
	 */
	private static final class LossCounter implements ApplicationListener<ConnectionLostEvent> {

		private final AtomicLong count = new AtomicLong();

		@Override
		public void onApplicationEvent(ConnectionLostEvent event) {
			this.count.incrementAndGet();
		}

	}

}
