package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.DecodeObserver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Counts what decoding tolerated: enum numbers this starter does not know (the service
 * adds values over time) and payloads whose symbol disagrees with their topic. Both are
 * expected of a service that moves on, so they are logged without stack traces.
 *
 * @author settrade-mqtt
 */
final class DecodeStatistics implements DecodeObserver {

	private static final Log logger = LogFactory.getLog(DecodeStatistics.class);

	private final LongAdder unknownEnums = new LongAdder();

	private final LongAdder symbolMismatches = new LongAdder();

	private final RateLimitedLog unknownEnumLog = new RateLimitedLog(logger, "Unknown Settrade enum values", 3,
			Duration.ofMinutes(10), System::nanoTime);

	private final RateLimitedLog mismatchLog = new RateLimitedLog(logger,
			"Settrade payloads whose symbol disagrees with their topic", 3, Duration.ofMinutes(10), System::nanoTime);

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		this.unknownEnums.increment();
		this.unknownEnumLog.log(
				() -> kind.tag() + " field '" + field + "' has the unknown value " + number + ": delivered as UNKNOWN");
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		this.symbolMismatches.increment();
		this.mismatchLog.log(() -> kind.tag() + " payload for '" + payloadSymbol + "' arrived on the topic of '"
				+ topicSymbol + "': delivered as '" + topicSymbol + "'");
	}

	long unknownEnums() {
		return this.unknownEnums.sum();
	}

	long symbolMismatches() {
		return this.symbolMismatches.sum();
	}

}
