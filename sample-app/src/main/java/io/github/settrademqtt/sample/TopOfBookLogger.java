package io.github.settrademqtt.sample;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Logs the top of each symbol's book, at most once per symbol every
 * {@code sample.top-of-book.interval} (five seconds by default), so the log stays
 * readable whatever the feed's rate.
 *
 * @author settrade-mqtt
 */
@Component
class TopOfBookLogger implements BidOfferListener {

	private static final Log logger = LogFactory.getLog(TopOfBookLogger.class);

	private final long intervalNanos;

	private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

	TopOfBookLogger(@Value("${sample.top-of-book.interval:5s}") Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public void onBidOffer(BidOffer book) {
		long now = System.nanoTime();
		Long previous = this.lastLogged.get(book.symbol());
		if (previous != null && now - previous < this.intervalNanos) {
			return;
		}
		this.lastLogged.put(book.symbol(), now);
		BidOffer.PriceLevel bid = book.bestBid();
		BidOffer.PriceLevel ask = book.bestAsk();
		logger.info(String.format("%-8s bid %,d @ %s | ask %,d @ %s", book.symbol(), bid.volume(), bid.price(),
				ask.volume(), ask.price()));
	}

}
