package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SubscribeRequest}: sending does not wait, the request says once when
 * every packet is answered, and its outcomes tell each topic apart.
 */
class SubscribeRequestTests {

	private final List<IMqttActionListener> listeners = new ArrayList<>();

	private final List<IMqttToken> tokens = new ArrayList<>();

	private final AtomicInteger answered = new AtomicInteger();

	private final SubscribeRequest.Sender sender = (topics, qos, listener) -> {
		this.listeners.add(listener);
		IMqttToken token = mock(IMqttToken.class);
		this.tokens.add(token);
		return token;
	};

	private SubscribeRequest request(List<List<String>> packets) {
		SubscribeRequest request = new SubscribeRequest(packets.stream().flatMap(List::stream).toList(), 0,
				(done) -> this.answered.incrementAndGet());
		packets.forEach((packet) -> request.send(this.sender, packet));
		return request.sent();
	}

	@Test
	void isAnsweredOnceEveryPacketIsAndSaysSoOnce() {
		SubscribeRequest request = request(List.of(List.of("a", "b"), List.of("c")));
		assertThat(request.isAnswered()).isFalse();
		this.listeners.get(1).onSuccess(this.tokens.get(1));
		assertThat(this.answered).hasValue(0);
		this.listeners.get(0).onSuccess(this.tokens.get(0));
		this.listeners.get(0).onSuccess(this.tokens.get(0));
		assertThat(request.isAnswered()).isTrue();
		assertThat(this.answered).hasValue(1);
	}

	@Test
	void anAnswerBeforeTheLastPacketIsSentDoesNotCompleteTheRequest() {
		SubscribeRequest request = new SubscribeRequest(List.of("a", "b"), 0,
				(done) -> this.answered.incrementAndGet());
		request.send(this.sender, List.of("a"));
		this.listeners.get(0).onSuccess(this.tokens.get(0));
		assertThat(this.answered).hasValue(0);
		request.send(this.sender, List.of("b"));
		request.sent();
		this.listeners.get(1).onSuccess(this.tokens.get(1));
		assertThat(this.answered).hasValue(1);
	}

	@Test
	void outcomesTellGrantedRefusedAndUnansweredPackets() throws MqttException {
		SubscribeRequest request = request(List.of(List.of("a", "b"), List.of("c")));
		given(this.tokens.get(0).isComplete()).willReturn(true);
		given(this.tokens.get(0).getGrantedQos()).willReturn(new int[] { 0, 0x80 });
		assertThat(request.outcomes(1000)).containsExactly(SubscribeOutcome.granted("a"),
				SubscribeOutcome.refused("b", "the broker refused the subscription (SUBACK 0x80)"),
				SubscribeOutcome.unanswered("c", "no SUBACK within 1000 ms"));
	}

	@Test
	void aPacketThatCouldNotBeSentIsUnansweredAndCountsAsAnswered() {
		SubscribeRequest request = new SubscribeRequest(List.of("a"), 0, (done) -> this.answered.incrementAndGet());
		request.send((topics, qos, listener) -> {
			throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
		}, List.of("a"));
		request.sent();
		assertThat(this.answered).hasValue(1);
		assertThat(request.outcomes(1000)).singleElement()
			.satisfies((outcome) -> assertThat(outcome.answered()).isFalse());
	}

}
