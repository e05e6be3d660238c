package io.github.settrademqtt.sample;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.feed.MarketDataKinds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MessageRate}.
 */
class MessageRateTests {

	private final AtomicLong nanos = new AtomicLong();

	private final MessageRate rate = new MessageRate(this.nanos::get);

	@Test
	void noRateBeforeTwoSamples() {
		deliver(5);
		this.rate.sample();
		assertThat(this.rate.perSecond()).isZero();
		assertThat(this.rate.history()).isEmpty();
		assertThat(this.rate.total()).isEqualTo(5);
	}

	@Test
	void rateIsTheAverageOverTheLastFiveSecondsAndTheHistoryEachSecondsRate() {
		this.rate.sample();
		for (int second = 1; second <= 8; second++) {
			deliver(second * 2);
			tick(1);
			this.rate.sample();
		}
		assertThat(this.rate.history()).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0);
		// seconds 4 to 8: (8 + 10 + 12 + 14 + 16) / 5
		assertThat(this.rate.perSecond()).isEqualTo(12.0);
		assertThat(this.rate.total()).isEqualTo(72);
	}

	@Test
	void rateAllowsForLateSamples() {
		this.rate.sample();
		deliver(30);
		tick(2);
		this.rate.sample();
		assertThat(this.rate.perSecond()).isEqualTo(15.0);
	}

	@Test
	void historyKeepsTwoMinutes() {
		this.rate.sample();
		for (int second = 1; second <= MessageRate.HISTORY_SECONDS + 30; second++) {
			deliver(1);
			tick(1);
			this.rate.sample();
		}
		assertThat(this.rate.history()).hasSize(MessageRate.HISTORY_SECONDS).containsOnly(1.0);
	}

	private void deliver(int messages) {
		for (int i = 0; i < messages; i++) {
			this.rate.received(MarketDataKinds.BID_OFFER);
		}
	}

	private void tick(int seconds) {
		this.nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
	}

}
