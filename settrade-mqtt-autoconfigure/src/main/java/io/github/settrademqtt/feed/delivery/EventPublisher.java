package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.EventReceipt;
import io.github.settrademqtt.feed.MarketDataDecodeException;
import io.github.settrademqtt.feed.MarketDataDecoders;
import io.github.settrademqtt.feed.MarketDataHeaders;
import io.github.settrademqtt.feed.MarketDataEvent;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.integration.channel.AbstractSubscribableChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Decodes a raw message on a delivery thread and hands the event to the market data
 * channel and the listener beans, then stamps the delivery on the feed's liveness.
 * Nothing it calls can stop the feed: a payload that does not decode, a subscriber or a
 * listener that throws, each is counted, logged (rate limited) and passed over.
 *
 * @author settrade-mqtt
 */
final class EventPublisher implements ConflatingDispatcher.Sink {

	private static final Log logger = LogFactory.getLog(EventPublisher.class);

	private final MarketDataDecoders decoders;

	private final MessageChannel channel;

	private final MarketDataListeners listeners;

	private final FeedObserver observer;

	private final FeedLiveness liveness;

	private final LongSupplier nanoClock;

	private final RateLimitedLog decodeFailures = new RateLimitedLog(logger,
			"Settrade payloads that could not be decoded", 5, Duration.ofMinutes(1));

	private final RateLimitedLog channelFailures = new RateLimitedLog(logger,
			"Subscribers of the Settrade market data channel failed", 5, Duration.ofMinutes(1));

	EventPublisher(MarketDataDecoders decoders, MessageChannel channel, MarketDataListeners listeners,
			FeedObserver observer, FeedLiveness liveness, LongSupplier nanoClock) {
		this.decoders = decoders;
		this.channel = channel;
		this.listeners = listeners;
		this.observer = observer;
		this.liveness = liveness;
		this.nanoClock = nanoClock;
	}

	@Override
	public void accept(Message<?> raw, MarketDataKind<?, ?> kind) {
		EventReceipt receipt = receipt(raw);
		MarketDataEvent event;
		try {
			event = this.decoders.decode(kind, receipt, (byte[]) raw.getPayload());
		}
		catch (MarketDataDecodeException ex) {
			this.observer.decodeFailed(kind);
			// bad input, not a bug here: what was wrong with it, without a stack trace
			this.decodeFailures.log(() -> "Dropped a payload from '" + receipt.topic() + "' that could not be decoded: "
					+ ex.getMessage());
			return;
		}
		if (hasAudience()) {
			send(event, kind, receipt);
		}
		this.listeners.deliver(event, kind, this.observer);
		long now = this.nanoClock.getAsLong();
		this.observer.delivered(kind, now - receipt.receivedNanos());
		this.liveness.delivered(receipt.topic(), now, Instant.now());
	}

	/**
	 * Return whether anything would see a message sent on the market data channel: a
	 * publish-subscribe channel with neither subscribers nor interceptors drops it, and
	 * building it is the larger part of the cost of sending it.
	 */
	private boolean hasAudience() {
		return !(this.channel instanceof AbstractSubscribableChannel subscribable)
				|| subscribable.getSubscriberCount() > 0 || !subscribable.getInterceptors().isEmpty();
	}

	private void send(MarketDataEvent event, MarketDataKind<?, ?> kind, EventReceipt receipt) {
		try {
			this.channel.send(MessageBuilder.withPayload(event)
				.setHeader(SettradeMqttHeaders.TOPIC, receipt.topic())
				.setHeader(MarketDataHeaders.KIND, kind.tag())
				.setHeader(MarketDataHeaders.KEY, event.key())
				.setHeader(SettradeMqttHeaders.EPOCH, receipt.session().epoch())
				.setHeader(SettradeMqttHeaders.SESSION, receipt.session())
				.setHeader(SettradeMqttHeaders.RECEIVED_AT, receipt.receivedAt())
				.build());
		}
		catch (Throwable ex) {
			GuardedSink.rethrowIfFatal(ex);
			this.observer.listenerFailed(kind);
			this.channelFailures
				.log(() -> "A subscriber of the market data channel failed on '" + receipt.topic() + "'", ex);
		}
	}

	private EventReceipt receipt(Message<?> raw) {
		var headers = raw.getHeaders();
		Long nanos = headers.get(SettradeMqttHeaders.RECEIVED_NANOS, Long.class);
		Instant at = headers.get(SettradeMqttHeaders.RECEIVED_AT, Instant.class);
		return new EventReceipt(headers.get(SettradeMqttHeaders.TOPIC, String.class), (at != null) ? at : Instant.now(),
				(nanos != null) ? nanos : this.nanoClock.getAsLong(),
				headers.get(SettradeMqttHeaders.SESSION, SessionFacts.class));
	}

}
