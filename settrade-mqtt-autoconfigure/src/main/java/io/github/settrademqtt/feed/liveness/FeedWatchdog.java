package io.github.settrademqtt.feed.liveness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.support.FixedDelayLifecycle;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Heals a feed that has gone silent while the market is open, at the application level
 * rather than waiting for MQTT's keep-alive, which a half-open connection (socket open,
 * nothing arriving) can take a minute or more to trip, and which a broker that answers
 * pings but forwards nothing never trips.
 * <ul>
 * <li>When no topic has received anything for {@code feed-silence-timeout}, every topic
 * that was busy went silent together: the connection opens a second connection beside the
 * current one and hands over to it if it receives something, keeping the current one
 * otherwise ({@link SettradeMqttConnection#replaceSilentConnection()}).</li>
 * <li>When a single topic that received before has been silent for the silence threshold
 * while the rest of the feed is live, it is unsubscribed and subscribed again, then again
 * at doubling intervals while it stays silent (an illiquid symbol may simply have nothing
 * to say).</li>
 * </ul>
 * Silence that began before the market opened, and silence while it is closed, is never
 * acted on ({@link TradingCalendar}).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class FeedWatchdog extends FixedDelayLifecycle {

	private static final Log logger = LogFactory.getLog(FeedWatchdog.class);

	/**
	 * The longest a silent topic waits between two resubscriptions.
	 */
	private static final Duration MAX_RESUBSCRIBE_INTERVAL = Duration.ofMinutes(30);

	private final SettradeMqttConnection connection;

	private final SubscriptionRegistry registry;

	private final FeedLiveness liveness;

	private final TradingCalendar calendar;

	private final Duration feedSilenceTimeout;

	private final Clock clock;

	/**
	 * Per silent topic, when it may be resubscribed next and the interval after that; the
	 * watchdog's thread only.
	 */
	private final Map<String, Resubscription> resubscriptions = new HashMap<>();

	/**
	 * The epoch of the connection last found silent, so the warning is said once per
	 * silent connection.
	 */
	private long warnedEpoch;

	/**
	 * Create a watchdog.
	 * @param connection the connection to heal
	 * @param registry the wanted topics and the broker's answers
	 * @param liveness when each topic last heard from the market
	 * @param calendar when the market is open
	 * @param feedSilenceTimeout how long the whole feed may be silent while the market is
	 * open before a second connection is opened
	 */
	public FeedWatchdog(SettradeMqttConnection connection, SubscriptionRegistry registry, FeedLiveness liveness,
			TradingCalendar calendar, Duration feedSilenceTimeout) {
		this(connection, registry, liveness, calendar, feedSilenceTimeout, Clock.systemUTC());
	}

	FeedWatchdog(SettradeMqttConnection connection, SubscriptionRegistry registry, FeedLiveness liveness,
			TradingCalendar calendar, Duration feedSilenceTimeout, Clock clock) {
		super("settrade-mqtt-watchdog-", checkInterval(feedSilenceTimeout));
		Assert.notNull(connection, "'connection' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(liveness, "'liveness' must not be null");
		Assert.notNull(calendar, "'calendar' must not be null");
		Assert.isTrue(!feedSilenceTimeout.isNegative() && !feedSilenceTimeout.isZero(),
				"'feedSilenceTimeout' must be positive");
		this.connection = connection;
		this.registry = registry;
		this.liveness = liveness;
		this.calendar = calendar;
		this.feedSilenceTimeout = feedSilenceTimeout;
		this.clock = clock;
	}

	/**
	 * A few looks per timeout, never busier than 10/s nor lazier than once a second.
	 */
	private static Duration checkInterval(Duration feedSilenceTimeout) {
		return clamp(feedSilenceTimeout.dividedBy(3), Duration.ofMillis(100), Duration.ofSeconds(1));
	}

	/**
	 * Return the phase, {@link SettradeMqttPhases#FEED_WATCHDOG}: after the connection,
	 * which it watches.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SettradeMqttPhases.FEED_WATCHDOG;
	}

	/**
	 * Look at the feed once and act on silence.
	 */
	@Override
	protected void check() {
		try {
			SessionFacts facts = this.connection.getSessionFacts();
			Instant now = this.clock.instant();
			if (facts == null || this.connection.getState() != ConnectionState.CONNECTED
					|| !this.calendar.isOpen(now)) {
				return;
			}
			if (!healFeed(facts, now)) {
				resubscribeSilentTopics(now);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("The Settrade feed watchdog failed; looking again in " + getInterval().toMillis() + " ms", ex);
		}
	}

	/**
	 * Open a second connection if the whole feed has been silent for the timeout, and say
	 * whether it was.
	 */
	private boolean healFeed(SessionFacts facts, Instant now) {
		if (this.registry.states().values().stream().noneMatch((state) -> state == SubscriptionState.ACTIVE)) {
			return false;
		}
		Duration connectedFor = Duration.between(facts.connectedAt(), now);
		Optional<Duration> lastArrival = this.liveness.getLastArrivalAge();
		Duration silence = lastArrival.filter((age) -> age.compareTo(connectedFor) < 0).orElse(connectedFor);
		if (silence.compareTo(this.feedSilenceTimeout) <= 0
				|| !this.calendar.isOpenThroughout(now, this.feedSilenceTimeout)) {
			return false;
		}
		if (this.warnedEpoch != facts.epoch()) {
			this.warnedEpoch = facts.epoch();
			logger.warn("No Settrade message on any topic for " + silence.toSeconds()
					+ " s while the market is open (settrade.mqtt.liveness.feed-silence-timeout "
					+ this.feedSilenceTimeout.toSeconds() + " s): opening a second connection beside epoch "
					+ facts.epoch() + ", keeping whichever receives");
		}
		this.connection.replaceSilentConnection();
		return true;
	}

	private void resubscribeSilentTopics(Instant now) {
		Duration threshold = this.liveness.getSilenceThreshold();
		if (this.liveness.getLastArrivalAge().filter((age) -> age.compareTo(threshold) < 0).isEmpty()) {
			// nothing else arrived either: a silent feed is healed as a whole, by a
			// second connection, never topic by topic on a connection that may be
			// half-open, where every SUBSCRIBE waits out its timeout
			return;
		}
		Map<String, SubscriptionState> states = this.registry.states();
		for (TopicLiveness topic : this.liveness.getTopics()) {
			if (topic.state() != LivenessState.SILENT || states.get(topic.topic()) != SubscriptionState.ACTIVE) {
				this.resubscriptions.remove(topic.topic());
				continue;
			}
			Duration age = topic.lastMessageAge();
			if (age == null || !this.calendar.isOpenThroughout(now, threshold)) {
				continue;
			}
			Resubscription resubscription = this.resubscriptions.get(topic.topic());
			if (resubscription == null || !Objects.equals(resubscription.lastReceivedAt, topic.lastReceivedAt())) {
				// silent for the first time, or again after it received: start afresh
				resubscription = new Resubscription(topic.lastReceivedAt(), now, threshold);
				this.resubscriptions.put(topic.topic(), resubscription);
			}
			if (!now.isBefore(resubscription.due)) {
				logger.info("Settrade topic '" + topic.topic() + "' has been silent for " + age.toSeconds()
						+ " s while the rest of the feed is live: subscribing it again");
				this.connection.resubscribe(topic.topic());
				resubscription.next(now);
			}
		}
	}

	/**
	 * When a silent topic may be subscribed again.
	 */
	private static final class Resubscription {

		private final @Nullable Instant lastReceivedAt;

		private Instant due;

		private Duration interval;

		Resubscription(@Nullable Instant lastReceivedAt, Instant due, Duration interval) {
			this.lastReceivedAt = lastReceivedAt;
			this.due = due;
			this.interval = interval;
		}

		void next(Instant now) {
			this.interval = this.interval.multipliedBy(2);
			if (this.interval.compareTo(MAX_RESUBSCRIBE_INTERVAL) > 0) {
				this.interval = MAX_RESUBSCRIBE_INTERVAL;
			}
			this.due = now.plus(this.interval);
		}

	}

}
