package io.github.settrademqtt.connection;

import io.github.settrademqtt.feed.SettradeTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link SubscriptionReconciler}: the registry is the truth, changes go out
 * together, and a refused topic is retried on its own back-off while connected.
 */
class SubscriptionReconcilerTests {

	private final SubscriptionRegistry registry = new SubscriptionRegistry();

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final List<String> toldRefused = new ArrayList<>();

	private final SubscriptionReconciler reconciler = new SubscriptionReconciler(this.registry,
			new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0), this.nanos::get,
			(topic, reason) -> this.toldRefused.add(topic + ": " + reason));

	private final TicketConnection session = mock(TicketConnection.class);

	private final Set<String> held = new LinkedHashSet<>();

	private final List<List<String>> subscribes = new ArrayList<>();

	private final List<List<String>> unsubscribes = new ArrayList<>();

	private final Set<String> refused = new LinkedHashSet<>();

	private final Set<String> unanswered = new LinkedHashSet<>();

	@BeforeEach
	void broker() {
		given(this.session.subscribed()).willReturn(this.held);
		given(this.session.send(anyCollection(), any())).willAnswer((invocation) -> {
			Collection<String> topics = invocation.getArgument(0);
			this.subscribes.add(List.copyOf(topics));
			return new SubscribeRequest(List.copyOf(topics), this.nanos.get(), (request) -> {
			}).sent();
		});
		given(this.session.answers(any())).willAnswer((invocation) -> {
			SubscribeRequest request = invocation.getArgument(0);
			return request.topics().stream().map((topic) -> {
				if (this.unanswered.contains(topic)) {
					return SubscribeOutcome.unanswered(topic, "no SUBACK");
				}
				if (this.refused.contains(topic)) {
					return SubscribeOutcome.refused(topic, "SUBACK 0x80");
				}
				this.held.add(topic);
				return SubscribeOutcome.granted(topic);
			}).toList();
		});
		willAnswer((invocation) -> {
			Collection<String> topics = invocation.getArgument(0);
			this.unsubscribes.add(List.copyOf(topics));
			this.held.removeAll(topics);
			return null;
		}).given(this.session).unsubscribe(anyCollection());
	}

	/**
	 * A pass, with the broker answering at once.
	 * @return how long until a refused topic is due again
	 */
	private @Nullable Duration reconcile() {
		SubscribeRequest request = this.reconciler.reconcile(this.session, (answered) -> {
		});
		if (request != null) {
			this.reconciler.answered(this.session, request);
		}
		return this.reconciler.nextRetry();
	}

	@Test
	void claimsMadeMeanwhileGoOutInOneSubscribeAndReleasesInOneUnsubscribe() {
		reconcile();
		assertThat(this.subscribes).containsExactly(List.of(SubscriptionErrors.TOPIC));
		List<SubscriptionHandle> handles = IntStream.range(0, 300)
			.mapToObj((i) -> this.registry.subscribe(SettradeTopics.bidOffer("S" + i)))
			.toList();
		reconcile();
		assertThat(this.subscribes).hasSize(2);
		assertThat(this.subscribes.get(1)).hasSize(300);
		assertThat(this.registry.states().values()).containsOnly(SubscriptionState.ACTIVE);
		handles.subList(0, 200).forEach(SubscriptionHandle::close);
		reconcile();
		assertThat(this.unsubscribes).hasSize(1);
		assertThat(this.unsubscribes.get(0)).hasSize(200);
		assertThat(this.held).hasSize(101).contains(SubscriptionErrors.TOPIC);
	}

	@Test
	void aRefusedTopicIsRetriedOnItsBackOffWhileConnected() {
		String banned = SettradeTopics.bidOffer("BANNED");
		this.registry.subscribe(banned);
		this.refused.add(banned);
		assertThat(reconcile()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.registry.states()).containsEntry(banned, SubscriptionState.FAILED);
		this.nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(reconcile()).as("not due yet").isEqualTo(Duration.ofMillis(500));
		assertThat(this.subscribes).hasSize(1);
		this.nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(reconcile()).as("refused again: twice as long").isEqualTo(Duration.ofSeconds(2));
		this.refused.clear();
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(reconcile()).as("granted: nothing left to retry").isNull();
		assertThat(this.registry.states()).containsEntry(banned, SubscriptionState.ACTIVE);
		assertThat(this.subscribes).hasSize(3);
		assertThat(this.toldRefused).as("told once, not on every retry").containsExactly(banned + ": SUBACK 0x80");
	}

	@Test
	void aReleasedTopicIsNoLongerRetried() {
		String banned = SettradeTopics.bidOffer("BANNED");
		SubscriptionHandle handle = this.registry.subscribe(banned);
		this.refused.add(banned);
		reconcile();
		handle.close();
		assertThat(reconcile()).isNull();
	}

	@Test
	void anUnsubscribedTopicGoesOutWithTheNextPass() {
		String ptt = SettradeTopics.bidOffer("PTT");
		this.registry.subscribe(ptt);
		reconcile();
		this.reconciler.unsubscribe(this.session, ptt);
		reconcile();
		assertThat(this.unsubscribes).containsExactly(List.of(ptt));
		assertThat(this.subscribes).last().isEqualTo(List.of(ptt));
		assertThat(this.held).contains(ptt);
	}

	@Test
	void aServiceReportThatOvertakesTheGrantIsKeptAndForgottenWhenTheTopicIsSentAgain() {
		String unknown = SettradeTopics.bidOffer("NOSUCH");
		this.registry.subscribe(unknown);
		SubscribeRequest request = this.reconciler.reconcile(this.session, (answered) -> {
		});
		assertThat(request).isNotNull();
		this.registry.fail(unknown, "Settrade reported: unknown symbol");
		this.reconciler.answered(this.session, request);
		assertThat(this.registry.failures()).containsEntry(unknown, "Settrade reported: unknown symbol");
		this.reconciler.unsubscribe(this.session, unknown);
		reconcile();
		assertThat(this.registry.states()).containsEntry(unknown, SubscriptionState.ACTIVE);
		this.registry.fail(unknown, "Settrade reported: unknown symbol");
		assertThat(this.reconciler.topicsToSend()).contains(unknown);
		this.reconciler.record(List.of(SubscribeOutcome.granted(unknown)));
		assertThat(this.registry.states()).containsEntry(unknown, SubscriptionState.ACTIVE);
	}

	@Test
	void aTopicAwaitingItsAnswerIsNotSentAgain() {
		String ptt = SettradeTopics.bidOffer("PTT");
		this.registry.subscribe(ptt);
		SubscribeRequest first = this.reconciler.reconcile(this.session, (answered) -> {
		});
		assertThat(first).isNotNull();
		String scb = SettradeTopics.bidOffer("SCB");
		this.registry.subscribe(scb);
		assertThat(this.reconciler.reconcile(this.session, (answered) -> {
		})).isNotNull();
		assertThat(this.subscribes).containsExactly(List.of(ptt, SubscriptionErrors.TOPIC), List.of(scb));
	}

	@Test
	void unansweredTopicsAreNotRetriedOneByOneButAllTogetherWithTheNextPass() {
		List<String> topics = IntStream.range(0, 5).mapToObj((i) -> SettradeTopics.bidOffer("S" + i)).toList();
		topics.forEach(this.registry::subscribe);
		this.unanswered.addAll(topics);
		this.unanswered.add(SubscriptionErrors.TOPIC);
		SubscribeRequest request = this.reconciler.reconcile(this.session, (answered) -> {
		});
		assertThat(request).isNotNull();
		assertThat(this.reconciler.answered(this.session, request)).isEqualTo(6);
		assertThat(this.reconciler.nextRetry()).as("no refusal: nothing on a back-off of its own").isNull();
		this.unanswered.clear();
		assertThat(reconcile()).isNull();
		assertThat(this.subscribes).hasSize(2);
		assertThat(this.subscribes.get(1)).hasSize(6);
		assertThat(this.registry.states().values()).containsOnly(SubscriptionState.ACTIVE);
	}

	@Test
	void refusedTopicsDueCloseTogetherAreRetriedInOneSubscribe() {
		String first = SettradeTopics.bidOffer("FIRST");
		String second = SettradeTopics.bidOffer("SECOND");
		this.refused.add(first);
		this.refused.add(second);
		this.registry.subscribe(first);
		reconcile();
		this.nanos.addAndGet(Duration.ofMillis(400).toNanos());
		this.registry.subscribe(second);
		reconcile();
		assertThat(this.subscribes).hasSize(2);
		this.nanos.addAndGet(Duration.ofMillis(600).toNanos());
		assertThat(reconcile()).as("both refused again").isNotNull();
		assertThat(this.subscribes).as("the second, due 400 ms later, went with the first").hasSize(3);
		assertThat(this.subscribes.get(2)).containsExactlyInAnyOrder(first, second);
	}

}
