package io.github.settrademqtt.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.settrademqtt.feed.BidOffer;
import io.github.settrademqtt.feed.PriceInfo;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.feed.listener.PriceInfoListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes books, prices (with each symbol's recent history) and the connection's status
 * (with the message rate and the connection's timeline) to every open {@code /feed}
 * stream. The starter's delivery threads only record the newest event of each symbol (a
 * map put); one thread of this class's own sends what changed every
 * {@code sample.feed.push-interval}, and once a second samples the rate and the price
 * histories and sends the status, so a slow browser can never hold up the feed. An
 * emitter that fails to send is dropped. {@link LiveFeedEvents} says what the events
 * hold.
 *
 * @author settrade-mqtt
 */
@Component
class LiveFeed implements BidOfferListener, PriceInfoListener, DisposableBean {

	private static final Log logger = LogFactory.getLog(LiveFeed.class);

	private static final long STREAM_TIMEOUT_MILLIS = Duration.ofMinutes(30).toMillis();

	private final LiveFeedEvents events;

	private final MessageRate rate;

	private final PriceHistory history = new PriceHistory();

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final ConcurrentMap<String, BidOffer> books = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, PriceInfo> prices = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, BidOffer> pendingBooks = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, PriceInfo> pendingPrices = new ConcurrentHashMap<>();

	private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "sample-live-feed");
		thread.setDaemon(true);
		return thread;
	});

	LiveFeed(LiveFeedEvents events, MessageRate rate,
			@Value("${sample.feed.push-interval:100ms}") Duration pushInterval) {
		this.events = events;
		this.rate = rate;
		this.sender.scheduleWithFixedDelay(this::sendPending, pushInterval.toMillis(), pushInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		this.sender.scheduleAtFixedRate(this::everySecond, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void onBidOffer(BidOffer book) {
		this.books.put(book.symbol(), book);
		this.pendingBooks.put(book.symbol(), book);
	}

	@Override
	public void onPriceInfo(PriceInfo price) {
		this.prices.put(price.symbol(), price);
		this.history.record(price.symbol(), price.last());
		this.pendingPrices.put(price.symbol(), price);
	}

	/**
	 * Open a stream: it starts with the status and the newest book and price of every
	 * symbol, then carries every change.
	 * @return the emitter
	 */
	SseEmitter open() {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MILLIS);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> {
			this.emitters.remove(emitter);
			emitter.complete();
		});
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.sender.execute(() -> {
			List<SseEmitter.SseEventBuilder> snapshot = new ArrayList<>();
			snapshot.add(statusEvent());
			this.books.values().forEach((book) -> snapshot.add(bookEvent(book)));
			this.prices.values().forEach((price) -> snapshot.add(priceEvent(price)));
			for (SseEmitter.SseEventBuilder event : snapshot) {
				if (!send(emitter, event)) {
					return;
				}
			}
			this.emitters.add(emitter);
		});
		return emitter;
	}

	int streams() {
		return this.emitters.size();
	}

	private void everySecond() {
		this.rate.sample();
		this.history.sample();
		sendToAll(statusEvent());
	}

	private void sendPending() {
		for (String symbol : List.copyOf(this.pendingBooks.keySet())) {
			BidOffer book = this.pendingBooks.remove(symbol);
			if (book != null) {
				sendToAll(bookEvent(book));
			}
		}
		for (String symbol : List.copyOf(this.pendingPrices.keySet())) {
			PriceInfo price = this.pendingPrices.remove(symbol);
			if (price != null) {
				sendToAll(priceEvent(price));
			}
		}
	}

	private void sendToAll(SseEmitter.SseEventBuilder event) {
		for (SseEmitter emitter : this.emitters) {
			send(emitter, event);
		}
	}

	private boolean send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// the browser went away: drop the stream
			this.emitters.remove(emitter);
			emitter.completeWithError(ex);
			return false;
		}
		catch (RuntimeException ex) {
			logger.debug("Dropping a feed stream", ex);
			this.emitters.remove(emitter);
			return false;
		}
	}

	private SseEmitter.SseEventBuilder bookEvent(BidOffer book) {
		return SseEmitter.event().name("book").data(this.events.book(book), MediaType.APPLICATION_JSON);
	}

	private SseEmitter.SseEventBuilder priceEvent(PriceInfo price) {
		return SseEmitter.event()
			.name("price")
			.data(this.events.price(price, this.history.of(price.symbol())), MediaType.APPLICATION_JSON);
	}

	private SseEmitter.SseEventBuilder statusEvent() {
		return SseEmitter.event().name("status").data(status(), MediaType.APPLICATION_JSON);
	}

	Map<String, @Nullable Object> status() {
		return this.events.status();
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
		this.emitters.forEach(SseEmitter::complete);
		this.emitters.clear();
	}

}
