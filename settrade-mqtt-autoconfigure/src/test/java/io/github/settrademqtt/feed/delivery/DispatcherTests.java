package io.github.settrademqtt.feed.delivery;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.connection.TopicKind;
import org.junit.jupiter.api.Test;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConflatingDispatcher} and {@link OrderedDispatcher}, driven by a
 * manual executor so every interleaving is explicit.
 */
class DispatcherTests {

	private final ManualExecutor executor = new ManualExecutor();

	private final List<String> delivered = new ArrayList<>();

	private final CountingObserver observer = new CountingObserver();

	private final ConflatingDispatcher.Sink sink = (message, kind) -> this.delivered
		.add(message.getHeaders().get(SettradeMqttHeaders.TOPIC) + ":" + message.getPayload());

	@Test
	void aConsumerBehindGetsTheNewestSnapshotAndTheSkippedAreCounted() {
		ConflatingDispatcher dispatcher = new ConflatingDispatcher(this.executor, this.sink, this.observer);
		for (int i = 1; i <= 5; i++) {
			dispatcher.offer("PTT", TopicKind.BID_OFFER, message("PTT", i));
		}
		dispatcher.offer("AOT", TopicKind.BID_OFFER, message("AOT", 1));
		assertThat(this.executor.pending()).as("one delivery in flight per topic").isEqualTo(2);
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("PTT:5", "AOT:1");
		assertThat(this.observer.conflated.get(TopicKind.BID_OFFER)).isEqualTo(4);
	}

	@Test
	void aBusyTopicHandsItsThreadBackAfterEachMessage() {
		ConflatingDispatcher[] dispatcher = new ConflatingDispatcher[1];
		dispatcher[0] = new ConflatingDispatcher(this.executor, (message, kind) -> {
			this.sink.accept(message, kind);
			// a new PTT book arrives while the listener handles the first one
			if ("PTT".equals(message.getHeaders().get(SettradeMqttHeaders.TOPIC)) && this.delivered.size() == 1) {
				dispatcher[0].offer("PTT", TopicKind.BID_OFFER, message("PTT", 2));
			}
		}, this.observer);
		dispatcher[0].offer("PTT", TopicKind.BID_OFFER, message("PTT", 1));
		dispatcher[0].offer("AOT", TopicKind.BID_OFFER, message("AOT", 1));
		this.executor.runAll();
		assertThat(this.delivered).as("AOT is served before PTT's next book")
			.containsExactly("PTT:1", "AOT:1", "PTT:2");
		assertThat(this.observer.conflated).isEmpty();
	}

	@Test
	void orderUpdatesAreDeliveredInOrderWithoutConflation() {
		OrderedDispatcher dispatcher = new OrderedDispatcher(1000, this.executor, this.sink, this.observer);
		for (int i = 1; i <= 200; i++) {
			dispatcher.offer(TopicKind.EQUITY_ORDERS, message("acct", i));
		}
		this.executor.runAll();
		assertThat(this.delivered).hasSize(200).startsWith("acct:1", "acct:2").endsWith("acct:200");
		assertThat(this.observer.conflated).isEmpty();
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void orderUpdatesBeyondTheQueueAreDroppedCountedAndReported() {
		OrderedDispatcher dispatcher = new OrderedDispatcher(3, this.executor, this.sink, this.observer);
		for (int i = 1; i <= 5; i++) {
			dispatcher.offer(TopicKind.DERIVATIVES_ORDERS, message("acct", i));
		}
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("acct:1", "acct:2", "acct:3");
		assertThat(dispatcher.droppedCount()).isEqualTo(2);
		assertThat(this.observer.dropped.get(TopicKind.DERIVATIVES_ORDERS)).isEqualTo(2);
	}

	@Test
	void nothingIsScheduledOnceTheExecutorRejects() {
		Executor rejecting = (task) -> {
			throw new java.util.concurrent.RejectedExecutionException("stopped");
		};
		ConflatingDispatcher dispatcher = new ConflatingDispatcher(rejecting, this.sink, this.observer);
		dispatcher.offer("PTT", TopicKind.BID_OFFER, message("PTT", 1));
		assertThat(this.delivered).isEmpty();
	}

	private static Message<String> message(String topic, int sequence) {
		return MessageBuilder.withPayload(Integer.toString(sequence))
			.setHeader(SettradeMqttHeaders.TOPIC, topic)
			.build();
	}

	static final class ManualExecutor implements Executor {

		private final Deque<Runnable> tasks = new ArrayDeque<>();

		@Override
		public void execute(Runnable task) {
			this.tasks.addLast(task);
		}

		int pending() {
			return this.tasks.size();
		}

		void runAll() {
			while (!this.tasks.isEmpty()) {
				this.tasks.pollFirst().run();
			}
		}

	}

	static final class CountingObserver implements FeedObserver {

		final Map<TopicKind, Integer> conflated = new EnumMap<>(TopicKind.class);

		final Map<TopicKind, Integer> dropped = new EnumMap<>(TopicKind.class);

		@Override
		public void conflated(TopicKind kind) {
			this.conflated.merge(kind, 1, Integer::sum);
		}

		@Override
		public void dropped(TopicKind kind) {
			this.dropped.merge(kind, 1, Integer::sum);
		}

	}

}
