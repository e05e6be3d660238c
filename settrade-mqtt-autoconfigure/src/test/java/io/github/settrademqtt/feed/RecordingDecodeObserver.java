package io.github.settrademqtt.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what decoders report.
 */
final class RecordingDecodeObserver implements DecodeObserver {

	final List<String> unknownEnums = new CopyOnWriteArrayList<>();

	final List<String> symbolMismatches = new CopyOnWriteArrayList<>();

	@Override
	public void unknownEnum(MarketDataKind<?, ?> kind, String field, int number) {
		this.unknownEnums.add(kind.tag() + " " + field + "=" + number);
	}

	@Override
	public void symbolMismatch(MarketDataKind<?, ?> kind, String topicSymbol, String payloadSymbol) {
		this.symbolMismatches.add(kind.tag() + " " + topicSymbol + "/" + payloadSymbol);
	}

}
