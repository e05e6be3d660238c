package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.MarketDataDecoders;
import io.github.settrademqtt.feed.liveness.FeedLiveness;
import io.github.settrademqtt.feed.listener.BidOfferListener;
import io.github.settrademqtt.test.proto.BidOfferV3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.integration.channel.NullChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the delivery writes to the log: expected trouble as a line that says what
 * happened, a bug in a listener with its stack trace. Defect 5: a full order queue and a
 * payload that does not decode were logged with stack traces that only point into this
 * starter.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryLoggingTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private static final String STACK_FRAME = "\tat ";

	@Test
	void aFullOrderQueueIsReportedWithoutAStackTrace(CapturedOutput output) {
		OrderedDispatcher dispatcher = new OrderedDispatcher(1, (task) -> {
		}, (message, kind) -> {
		}, FeedObserver.NONE);
		String topic = SettradeTopics.equityOrders("ACC1");
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, raw(topic, new byte[0]));
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, raw(topic, new byte[0]));
		assertThat(output).contains("The order update queue is full (1 updates")
			.contains("dropped an update from '" + topic + "'")
			.doesNotContain("Exception")
			.doesNotContain(STACK_FRAME);
	}

	@Test
	void aPayloadThatDoesNotDecodeIsReportedWithTheReasonWithoutAStackTrace(CapturedOutput output) {
		// field 1 (symbol) announces 127 bytes that never come
		publisher(MarketDataListeners.none()).accept(raw(PTT, new byte[] { 0x0a, 0x7f }), MarketDataKinds.BID_OFFER);
		assertThat(output).contains("Dropped a payload from '" + PTT + "' that could not be decoded: BidOfferV3")
			.doesNotContain(STACK_FRAME);
	}

	@Test
	void aListenerThatThrowsIsReportedWithItsStackTrace(CapturedOutput output) {
		BidOfferListener failing = (book) -> {
			throw new IllegalStateException("a listener's bug");
		};
		MarketDataListeners listeners = MarketDataListeners.builder(MarketDataKinds.standard()).add(failing).build();
		publisher(listeners).accept(raw(PTT, BidOfferV3.newBuilder().setSymbol("PTT").build().toByteArray()),
				MarketDataKinds.BID_OFFER);
		assertThat(output).contains("failed on bid-offer 'PTT'")
			.contains("java.lang.IllegalStateException: a listener's bug")
			.contains(STACK_FRAME);
	}

	private static EventPublisher publisher(MarketDataListeners listeners) {
		return new EventPublisher(new MarketDataDecoders(), new NullChannel(), listeners, FeedObserver.NONE,
				new FeedLiveness(Duration.ofSeconds(10)), System::nanoTime);
	}

	private static Message<byte[]> raw(String topic, byte[] payload) {
		return MessageBuilder.withPayload(payload)
			.setHeader(SettradeMqttHeaders.TOPIC, topic)
			.setHeader(SettradeMqttHeaders.RECEIVED_NANOS, System.nanoTime())
			.setHeader(SettradeMqttHeaders.RECEIVED_AT, Instant.now())
			.setHeader(SettradeMqttHeaders.SESSION,
					new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO, Instant.parse("2026-01-05T03:00:00Z")))
			.build();
	}

}
