package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubscriptionRegistry}.
 */
class SubscriptionRegistryTests {

	private final SubscriptionRegistry registry = new SubscriptionRegistry();

	private final List<String> events = new ArrayList<>();

	SubscriptionRegistryTests() {
		this.registry.addListener(new SubscriptionRegistry.Listener() {

			@Override
			public void topicAdded(String topic) {
				SubscriptionRegistryTests.this.events.add("+" + topic);
			}

			@Override
			public void topicRemoved(String topic) {
				SubscriptionRegistryTests.this.events.add("-" + topic);
			}

		});
	}

	@Test
	void oneConsumersUnsubscribeNeverCutsAnothersFeed() {
		SubscriptionHandle first = this.registry.subscribe("t/a");
		SubscriptionHandle second = this.registry.subscribe("t/a");
		first.close();
		first.close();
		assertThat(this.registry.topics()).containsExactly("t/a");
		assertThat(this.events).containsExactly("+t/a");
		second.close();
		assertThat(this.registry.topics()).isEmpty();
		assertThat(this.events).containsExactly("+t/a", "-t/a");
	}

	@Test
	void aPeersClaimIsSubscribedButIsNotOneOfTheApplicationsOwn() {
		List<String> own = new ArrayList<>();
		List<String> all = new ArrayList<>();
		this.registry.addListener(recording(all));
		this.registry.addOwnTopicsListener(recording(own));
		SubscriptionHandle peer = this.registry.subscribeForPeer("t/a");
		assertThat(this.registry.topics()).containsExactly("t/a");
		assertThat(this.registry.ownTopics()).isEmpty();
		SubscriptionHandle mine = this.registry.subscribe("t/a");
		assertThat(this.registry.ownTopics()).containsExactly("t/a");
		mine.close();
		assertThat(this.registry.ownTopics()).as("the peer's claim is not the application's").isEmpty();
		assertThat(this.registry.topics()).as("the peer's claim keeps the topic").containsExactly("t/a");
		peer.close();
		assertThat(this.registry.topics()).isEmpty();
		assertThat(all).containsExactly("+t/a", "-t/a");
		assertThat(own).containsExactly("+t/a", "-t/a");
		assertThat(peer).hasToString("SubscriptionHandle[t/a, for a peer, released]");
	}

	@Test
	void aPeersAnswerSetsTheStateOfAHeldTopicOnlyAndKeepsAReasonForARefusalOnly() {
		this.registry.subscribe("t/a");
		assertThat(this.registry.recordPeerAnswer("t/a", SubscriptionState.FAILED, "Not authorized")).isTrue();
		assertThat(this.registry.failures()).containsExactly(Map.entry("t/a", "Not authorized"));
		assertThat(this.registry.recordPeerAnswer("t/a", SubscriptionState.FAILED, "Not authorized")).isFalse();
		assertThat(this.registry.recordPeerAnswer("t/a", SubscriptionState.ACTIVE, "ignored")).isTrue();
		assertThat(this.registry.states()).containsExactly(Map.entry("t/a", SubscriptionState.ACTIVE));
		assertThat(this.registry.failures()).isEmpty();
		assertThat(this.registry.recordPeerAnswer("t/other", SubscriptionState.ACTIVE, null)).isFalse();
		assertThat(this.registry.topics()).containsExactly("t/a");
	}

	@Test
	void anOwnTopicsListenerAddedLateHearsTheOwnTopicsAlreadyClaimed() {
		this.registry.subscribe("t/a");
		this.registry.subscribeForPeer("t/b");
		List<String> own = new ArrayList<>();
		this.registry.addOwnTopicsListener(recording(own));
		assertThat(own).containsExactly("+t/a");
	}

	private static SubscriptionRegistry.Listener recording(List<String> events) {
		return new SubscriptionRegistry.Listener() {

			@Override
			public void topicAdded(String topic) {
				events.add("+" + topic);
			}

			@Override
			public void topicRemoved(String topic) {
				events.add("-" + topic);
			}

		};
	}

	@Test
	void statesFollowTheBrokersAnswerAndResetOnReconnect() {
		this.registry.subscribe("t/a");
		this.registry.subscribe("t/b");
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.PENDING);
		this.registry.record(SubscribeOutcome.granted("t/a"));
		this.registry.record(SubscribeOutcome.refused("t/b", "refused"));
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.ACTIVE)
			.containsEntry("t/b", SubscriptionState.FAILED);
		assertThat(this.registry.failures().get("t/b")).isEqualTo("refused");
		assertThat(this.registry.failures()).containsExactly(Map.entry("t/b", "refused"));
		this.registry.markAllPending();
		assertThat(this.registry.states().values()).containsOnly(SubscriptionState.PENDING);
		assertThat(this.registry.failures().get("t/b")).isNull();
		assertThat(this.registry.failures()).isEmpty();
	}

	/**
	 * The service's report of an unknown symbol can reach us before the broker's grant of
	 * the same SUBSCRIBE is recorded; the grant must not overwrite it.
	 */
	@Test
	void aServiceRefusalIsKeptWhenTheGrantComesAfterItUntilTheTopicIsSentAgain() {
		this.registry.subscribe("t/a");
		this.registry.sending(List.of("t/a"));
		assertThat(this.registry.fail("t/a", "Settrade reported: unknown")).isTrue();
		this.registry.record(SubscribeOutcome.granted("t/a"));
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.FAILED);
		assertThat(this.registry.failures().get("t/a")).isEqualTo("Settrade reported: unknown");
		this.registry.sending(List.of("t/a"));
		this.registry.record(SubscribeOutcome.granted("t/a"));
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.ACTIVE);
		assertThat(this.registry.failures()).isEmpty();
		this.registry.fail("t/a", "Settrade reported: unknown");
		this.registry.markAllPending();
		this.registry.record(SubscribeOutcome.granted("t/a"));
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.ACTIVE);
	}

	/**
	 * A release and a claim racing on two threads: the old registry decided first and
	 * last claims under its lock but told listeners outside it, so a listener (the
	 * connection, the liveness tracker) could hear "added" before "removed" and end with
	 * the topic gone while the registry still wanted it.
	 */
	@Test
	void listenersHearClaimsAndReleasesInTheOrderTheyHappened() throws Exception {
		SubscriptionRegistry registry = new SubscriptionRegistry();
		Set<String> heard = ConcurrentHashMap.newKeySet();
		registry.addListener(new SubscriptionRegistry.Listener() {

			@Override
			public void topicAdded(String topic) {
				spin();
				heard.add(topic);
			}

			@Override
			public void topicRemoved(String topic) {
				spin();
				heard.remove(topic);
			}

		});
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			for (int i = 0; i < 2_000; i++) {
				SubscriptionHandle held = registry.subscribe("t/a");
				Future<?> release = threads.submit(() -> {
					start.await();
					held.close();
					return null;
				});
				Future<SubscriptionHandle> claim = threads.submit(() -> {
					start.await();
					return registry.subscribe("t/a");
				});
				release.get();
				SubscriptionHandle claimed = claim.get();
				assertThat(heard).as("iteration %d", i).isEqualTo(Set.copyOf(registry.topics()));
				claimed.close();
				assertThat(heard).isEmpty();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void spin() {
		for (int i = 0; i < 2_000; i++) {
			Thread.onSpinWait();
		}
	}

}
