package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
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

	private final SubscriptionReconciler reconciler = new SubscriptionReconciler(this.registry,
			new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 2, 0), this.nanos::get);

	private final MqttSession session = mock(MqttSession.class);

	private final Set<String> held = new LinkedHashSet<>();

	private final List<List<String>> subscribes = new ArrayList<>();

	private final List<List<String>> unsubscribes = new ArrayList<>();

	private final Set<String> refused = new LinkedHashSet<>();

	@BeforeEach
	void broker() {
		given(this.session.subscribed()).willReturn(this.held);
		given(this.session.subscribe(anyCollection())).willAnswer((invocation) -> {
			Collection<String> topics = invocation.getArgument(0);
			this.subscribes.add(List.copyOf(topics));
			return topics.stream().map((topic) -> {
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

	@Test
	void claimsMadeMeanwhileGoOutInOneSubscribeAndReleasesInOneUnsubscribe() {
		this.reconciler.reconcile(this.session);
		assertThat(this.subscribes).containsExactly(List.of(SubscriptionErrors.TOPIC));
		List<SubscriptionHandle> handles = IntStream.range(0, 300)
			.mapToObj((i) -> this.registry.subscribe(SettradeTopics.bidOffer("S" + i)))
			.toList();
		this.reconciler.reconcile(this.session);
		assertThat(this.subscribes).hasSize(2);
		assertThat(this.subscribes.get(1)).hasSize(300);
		assertThat(this.registry.states().values()).containsOnly(SubscriptionState.ACTIVE);
		handles.subList(0, 200).forEach(SubscriptionHandle::close);
		this.reconciler.reconcile(this.session);
		assertThat(this.unsubscribes).hasSize(1);
		assertThat(this.unsubscribes.get(0)).hasSize(200);
		assertThat(this.held).hasSize(101).contains(SubscriptionErrors.TOPIC);
	}

	@Test
	void aRefusedTopicIsRetriedOnItsBackOffWhileConnected() {
		String banned = SettradeTopics.bidOffer("BANNED");
		this.registry.subscribe(banned);
		this.refused.add(banned);
		assertThat(this.reconciler.reconcile(this.session)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.registry.states()).containsEntry(banned, SubscriptionState.FAILED);
		this.nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(this.reconciler.reconcile(this.session)).as("not due yet").isEqualTo(Duration.ofMillis(500));
		assertThat(this.subscribes).hasSize(1);
		this.nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(this.reconciler.reconcile(this.session)).as("refused again: twice as long")
			.isEqualTo(Duration.ofSeconds(2));
		this.refused.clear();
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(this.reconciler.reconcile(this.session)).as("granted: nothing left to retry").isNull();
		assertThat(this.registry.states()).containsEntry(banned, SubscriptionState.ACTIVE);
		assertThat(this.subscribes).hasSize(3);
	}

	@Test
	void aReleasedTopicIsNoLongerRetried() {
		String banned = SettradeTopics.bidOffer("BANNED");
		SubscriptionHandle handle = this.registry.subscribe(banned);
		this.refused.add(banned);
		this.reconciler.reconcile(this.session);
		handle.close();
		assertThat(this.reconciler.reconcile(this.session)).isNull();
	}

	@Test
	void resubscribeUnsubscribesThenSubscribesTheSameTopic() {
		String ptt = SettradeTopics.bidOffer("PTT");
		this.registry.subscribe(ptt);
		this.reconciler.reconcile(this.session);
		this.reconciler.resubscribe(this.session, ptt);
		assertThat(this.unsubscribes).containsExactly(List.of(ptt));
		assertThat(this.subscribes).last().isEqualTo(List.of(ptt));
		assertThat(this.held).contains(ptt);
	}

}
