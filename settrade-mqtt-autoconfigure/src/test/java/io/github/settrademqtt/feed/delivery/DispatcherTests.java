package io.github.settrademqtt.feed.delivery;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
			dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", i));
		}
		dispatcher.offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 1));
		assertThat(this.executor.pending()).as("one delivery in flight per topic").isEqualTo(2);
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("PTT:5", "AOT:1");
		assertThat(this.observer.conflated.get(MarketDataKinds.BID_OFFER)).isEqualTo(4);
	}

	@Test
	void aBusyTopicHandsItsThreadBackAfterEachMessage() {
		ConflatingDispatcher[] dispatcher = new ConflatingDispatcher[1];
		dispatcher[0] = new ConflatingDispatcher(this.executor, (message, kind) -> {
			this.sink.accept(message, kind);
			// a new PTT book arrives while the listener handles the first one
			if ("PTT".equals(message.getHeaders().get(SettradeMqttHeaders.TOPIC)) && this.delivered.size() == 1) {
				dispatcher[0].offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 2));
			}
		}, this.observer);
		dispatcher[0].offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 1));
		dispatcher[0].offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 1));
		this.executor.runAll();
		assertThat(this.delivered).as("AOT is served before PTT's next book")
			.containsExactly("PTT:1", "AOT:1", "PTT:2");
		assertThat(this.observer.conflated).isEmpty();
	}

	@Test
	void orderUpdatesAreDeliveredInOrderWithoutConflation() {
		OrderedDispatcher dispatcher = new OrderedDispatcher(1000, this.executor, this.sink, this.observer);
		for (int i = 1; i <= 200; i++) {
			dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", i));
		}
		this.executor.runAll();
		assertThat(this.delivered).hasSize(200).startsWith("acct:1", "acct:2").endsWith("acct:200");
		assertThat(this.observer.conflated).isEmpty();
		assertThat(this.observer.dropped).isEmpty();
	}

	@Test
	void orderUpdatesBeyondTheQueueAreDroppedCountedAndReported() {
		OrderedDispatcher dispatcher = new OrderedDispatcher(3, this.executor, this.sink, this.observer);
		for (int i = 1; i <= 5; i++) {
			dispatcher.offer(MarketDataKinds.DERIVATIVES_ORDERS, message("acct", i));
		}
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("acct:1", "acct:2", "acct:3");
		assertThat(this.observer.dropped.get(MarketDataKinds.DERIVATIVES_ORDERS)).isEqualTo(2);
	}

	@Test
	void nothingIsScheduledOnceTheExecutorRejects() {
		Executor rejecting = (task) -> {
			throw new java.util.concurrent.RejectedExecutionException("stopped");
		};
		ConflatingDispatcher dispatcher = new ConflatingDispatcher(rejecting, this.sink, this.observer);
		dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 1));
		assertThat(this.delivered).isEmpty();
	}

	/**
	 * Defect 1: a drain had no {@code finally}, so an {@link Error} from the sink,
	 * whether contained or (of the virtual machine) passed on, left the slot marked
	 * scheduled and its topic was never delivered again.
	 */
	@ParameterizedTest
	@MethodSource("consumerErrors")
	void aSnapshotConsumerThatThrowsAnErrorCostsOneMessageNotItsTopic(Error failure) {
		ConflatingDispatcher dispatcher = new ConflatingDispatcher(this.executor, failingOnce(failure), this.observer);
		dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 1));
		runAllPassingOnFatal(failure);
		dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 2));
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("PTT:2");
	}

	/**
	 * Defect 1: the order queue's drain had no {@code finally}, so an {@link Error} from
	 * the sink stopped every later order update.
	 */
	@ParameterizedTest
	@MethodSource("consumerErrors")
	void anOrderConsumerThatThrowsAnErrorCostsOneUpdateNotTheQueue(Error failure) {
		OrderedDispatcher dispatcher = new OrderedDispatcher(10, this.executor, failingOnce(failure), this.observer);
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", 1));
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", 2));
		runAllPassingOnFatal(failure);
		this.executor.runAll();
		assertThat(this.delivered).as("the rest of the batch, rescheduled if need be").containsExactly("acct:2");
	}

	static Stream<Error> consumerErrors() {
		return Stream.of(new AssertionError("a listener's bug"), new StackOverflowError());
	}

	private void runAllPassingOnFatal(Error failure) {
		if (failure instanceof VirtualMachineError) {
			assertThatExceptionOfType(failure.getClass()).isThrownBy(this.executor::runAll);
		}
		else {
			this.executor.runAll();
		}
	}

	/**
	 * Defect 2: stopping discarded queued drains but kept their slots marked scheduled,
	 * so after a restart those topics were never delivered.
	 */
	@Test
	void clearingAfterTheExecutorDiscardedItsDrainsLetsEveryTopicDeliverAgain() {
		ConflatingDispatcher dispatcher = new ConflatingDispatcher(this.executor, this.sink, this.observer);
		dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 1));
		dispatcher.offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 1));
		this.executor.discardAll();
		assertThat(dispatcher.clear()).as("messages never delivered").isEqualTo(2);
		assertThat(this.observer.discarded.get(MarketDataKinds.BID_OFFER)).isEqualTo(2);
		assertThat(dispatcher.slotCount()).isZero();
		dispatcher.offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 2));
		dispatcher.offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 2));
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("PTT:2", "AOT:2");
	}

	/**
	 * Defect 2: stopping discarded the order queue's drain but kept the queue marked
	 * scheduled and its updates waiting, so after a restart no update was delivered.
	 */
	@Test
	void clearingTheOrderQueueAfterTheExecutorDiscardedItsDrainLetsUpdatesFlowAgain() {
		OrderedDispatcher dispatcher = new OrderedDispatcher(10, this.executor, this.sink, this.observer);
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", 1));
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", 2));
		this.executor.discardAll();
		assertThat(dispatcher.clear()).as("updates never delivered").isEqualTo(2);
		assertThat(this.observer.discarded.get(MarketDataKinds.EQUITY_ORDERS)).isEqualTo(2);
		dispatcher.offer(MarketDataKinds.EQUITY_ORDERS, message("acct", 3));
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("acct:3");
	}

	/**
	 * Defect 4: slots were never pruned; a released topic gives its slot up, but only
	 * once the delivery in flight on it has ended, and a message that arrives meanwhile
	 * is still delivered rather than left in a slot marked scheduled.
	 */
	@Test
	void aRemovedTopicGivesUpItsSlotOnceItsDeliveryInFlightEnds() {
		ConflatingDispatcher[] dispatcher = new ConflatingDispatcher[1];
		dispatcher[0] = new ConflatingDispatcher(this.executor, (message, kind) -> {
			this.sink.accept(message, kind);
			if (this.delivered.size() == 1) {
				// released while its first book is being delivered, and a late book
				// arrives before the broker has stopped sending
				dispatcher[0].remove("PTT");
				dispatcher[0].offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 2));
			}
		}, this.observer);
		dispatcher[0].offer("PTT", MarketDataKinds.BID_OFFER, message("PTT", 1));
		dispatcher[0].offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 1));
		this.executor.runAll();
		assertThat(this.delivered).containsExactly("PTT:1", "AOT:1", "PTT:2");
		assertThat(dispatcher[0].slotCount()).as("AOT's only").isEqualTo(1);
		dispatcher[0].remove("AOT");
		assertThat(dispatcher[0].slotCount()).as("an idle slot goes at once").isZero();
		dispatcher[0].offer("AOT", MarketDataKinds.BID_OFFER, message("AOT", 2));
		this.executor.runAll();
		assertThat(this.delivered).endsWith("AOT:2");
	}

	private ConflatingDispatcher.Sink failingOnce(Error failure) {
		boolean[] failed = new boolean[1];
		return (message, kind) -> {
			if (!failed[0]) {
				failed[0] = true;
				throw failure;
			}
			this.sink.accept(message, kind);
		};
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

		/**
		 * Drop every queued task, as a pool's {@code shutdownNow()} does.
		 */
		void discardAll() {
			this.tasks.clear();
		}

		void runAll() {
			while (!this.tasks.isEmpty()) {
				this.tasks.pollFirst().run();
			}
		}

	}

	static final class CountingObserver implements FeedObserver {

		final Map<MarketDataKind<?, ?>, Integer> conflated = new HashMap<>();

		final Map<MarketDataKind<?, ?>, Integer> dropped = new HashMap<>();

		final Map<MarketDataKind<?, ?>, Integer> discarded = new HashMap<>();

		@Override
		public void conflated(MarketDataKind<?, ?> kind) {
			this.conflated.merge(kind, 1, Integer::sum);
		}

		@Override
		public void dropped(MarketDataKind<?, ?> kind) {
			this.dropped.merge(kind, 1, Integer::sum);
		}

		@Override
		public void discarded(MarketDataKind<?, ?> kind) {
			this.discarded.merge(kind, 1, Integer::sum);
		}

	}

}
