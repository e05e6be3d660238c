package io.github.settrademqtt.feed.delivery;

import java.time.Duration;

import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.DecodeObserver;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs what decoding tolerated, and tells the feed's observer (the meters): enum numbers
 * this starter does not know (the service adds values over time) and payloads whose
 * symbol disagrees with their topic. Both are expected of a service that moves on, so
 * they are logged without stack traces, a few at a time.
 *
 * @author settrade-mqtt
 */
final class DecodeLog implements DecodeObserver {

	private static final Log logger = LogFactory.getLog(DecodeLog.class);

	private final DecodeObserver observer;

	private final RateLimitedLog unknownEnumLog = new RateLimitedLog(logger, "Unknown Settrade enum values", 3,
			Duration.ofMinutes(10));

	private final RateLimitedLog mismatchLog = new RateLimitedLog(logger,
			"Settrade payloads whose symbol disagrees with their topic", 3, Duration.ofMinutes(10));

	DecodeLog(DecodeObserver observer) {
		this.observer = observer;
	}

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		this.observer.unknownEnum(kind, field, number);
		this.unknownEnumLog.log(
				() -> kind.tag() + " field '" + field + "' has the unknown value " + number + ": delivered as UNKNOWN");
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		this.observer.symbolMismatch(kind, topicSymbol, payloadSymbol);
		this.mismatchLog.log(() -> kind.tag() + " payload for '" + payloadSymbol + "' arrived on the topic of '"
				+ topicSymbol + "': delivered as '" + topicSymbol + "'");
	}

}
