package io.github.settrademqtt.feed.liveness;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.ManualClock;
import io.github.settrademqtt.connection.ConnectionState;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link FeedWatchdog}: silence while the market is open is healed, silence
 * while it is closed, or from before it opened, is not.
 */
class FeedWatchdogTests {

	private static final Duration FEED_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration TOPIC_THRESHOLD = Duration.ofSeconds(60);

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String AOT = SettradeTopics.bidOffer("AOT");

	private static final Instant START = Instant.parse("2026-11-30T03:00:00Z");

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final ManualClock wall = new ManualClock(START);

	private final AtomicBoolean open = new AtomicBoolean(true);

	private final AtomicLong openedAtMillis = new AtomicLong(0);

	private final SettradeMqttConnection connection = mock(SettradeMqttConnection.class);

	private final SubscriptionRegistry registry = mock(SubscriptionRegistry.class);

	private final FeedLiveness liveness = new FeedLiveness(TOPIC_THRESHOLD, this.nanos::get);

	private FeedWatchdog watchdog;

	@BeforeEach
	void setUp() {
		this.liveness.topicAdded(PTT);
		this.liveness.topicAdded(AOT);
		given(this.registry.states()).willReturn(Map.of(PTT, SubscriptionState.ACTIVE, AOT, SubscriptionState.ACTIVE));
		given(this.connection.getState()).willReturn(ConnectionState.CONNECTED);
		given(this.connection.getSessionFacts())
			.willReturn(new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO, START));
		TradingCalendar calendar = (instant) -> this.open.get() && instant.toEpochMilli() >= this.openedAtMillis.get();
		this.watchdog = new FeedWatchdog(this.connection, this.registry, this.liveness, calendar, FEED_TIMEOUT,
				this.wall);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
		this.wall.advance(duration);
	}

	private void received(String topic) {
		this.liveness.received(topic, this.nanos.get(), this.wall.instant());
	}

	@Test
	void aFeedSilentForTheTimeoutWhileTheMarketIsOpenGetsASecondConnection() {
		received(PTT);
		received(AOT);
		advance(FEED_TIMEOUT);
		this.watchdog.check();
		verify(this.connection, never()).replaceSilentConnection();
		advance(Duration.ofSeconds(1));
		this.watchdog.check();
		verify(this.connection).replaceSilentConnection();
		verify(this.connection, never()).resubscribe(anyString());
	}

	@Test
	void aFeedThatNeverReceivedIsSilentFromWhenTheConnectionTookOver() {
		advance(FEED_TIMEOUT.plusSeconds(1));
		this.watchdog.check();
		verify(this.connection).replaceSilentConnection();
	}

	@Test
	void silenceWhileTheMarketIsClosedIsLeftAlone() {
		received(PTT);
		this.open.set(false);
		advance(Duration.ofHours(3));
		this.watchdog.check();
		verify(this.connection, never()).replaceSilentConnection();
		verify(this.connection, never()).resubscribe(anyString());
	}

	@Test
	void silenceFromBeforeTheMarketOpenedIsLeftAloneForTheTimeout() {
		received(PTT);
		advance(Duration.ofHours(2));
		this.openedAtMillis.set(this.wall.instant().minusSeconds(10).toEpochMilli());
		this.watchdog.check();
		verify(this.connection, never()).replaceSilentConnection();
		advance(FEED_TIMEOUT);
		this.watchdog.check();
		verify(this.connection).replaceSilentConnection();
	}

	@Test
	void aConnectionThatIsNotConnectedIsLeftToItsOwnRecovery() {
		given(this.connection.getState()).willReturn(ConnectionState.RECONNECTING);
		advance(Duration.ofMinutes(5));
		this.watchdog.check();
		verify(this.connection, never()).replaceSilentConnection();
	}

	/**
	 * With a topic threshold no longer than the feed's timeout, every topic of a feed
	 * that went silent at once passed its threshold before the feed passed its timeout,
	 * and each was subscribed again on the silent connection: on a half-open one every
	 * SUBSCRIBE waited out its timeout on the connection's thread, ahead of the second
	 * connection that heals the feed (83 s without data in a fault campaign).
	 */
	@Test
	void aFeedSilentAsAWholeIsNotSubscribedAgainTopicByTopic() {
		FeedWatchdog watchdog = new FeedWatchdog(this.connection, this.registry, this.liveness, (instant) -> true,
				TOPIC_THRESHOLD.plusSeconds(5), this.wall);
		received(PTT);
		received(AOT);
		advance(TOPIC_THRESHOLD.plusSeconds(1));
		watchdog.check();
		verify(this.connection, never()).resubscribe(anyString());
		advance(Duration.ofSeconds(5));
		watchdog.check();
		verify(this.connection).replaceSilentConnection();
		verify(this.connection, never()).resubscribe(anyString());
	}

	@Test
	void oneSilentTopicWhileTheRestIsLiveIsSubscribedAgainAtDoublingIntervals() {
		received(PTT);
		received(AOT);
		advance(TOPIC_THRESHOLD.plusSeconds(1));
		received(PTT);
		this.watchdog.check();
		verify(this.connection).resubscribe(AOT);
		advance(Duration.ofSeconds(60));
		received(PTT);
		this.watchdog.check();
		verify(this.connection, times(1)).resubscribe(AOT);
		advance(Duration.ofSeconds(61));
		received(PTT);
		this.watchdog.check();
		verify(this.connection, times(2)).resubscribe(AOT);
		received(AOT);
		advance(TOPIC_THRESHOLD.plusSeconds(1));
		received(PTT);
		this.watchdog.check();
		verify(this.connection, times(3)).resubscribe(AOT);
		verify(this.connection, never()).resubscribe(PTT);
		verify(this.connection, never()).replaceSilentConnection();
	}

}
