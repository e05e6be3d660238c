package io.github.settrademqtt.connection;

import java.util.ArrayList;
import java.util.List;

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
	void statesFollowTheBrokersAnswerAndResetOnReconnect() {
		this.registry.subscribe("t/a");
		this.registry.subscribe("t/b");
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.PENDING);
		this.registry.record(new SubscribeOutcome("t/a", true, null));
		this.registry.record(new SubscribeOutcome("t/b", false, "refused"));
		assertThat(this.registry.states()).containsEntry("t/a", SubscriptionState.ACTIVE)
			.containsEntry("t/b", SubscriptionState.FAILED);
		assertThat(this.registry.failureReason("t/b")).isEqualTo("refused");
		this.registry.markAllPending();
		assertThat(this.registry.states().values()).containsOnly(SubscriptionState.PENDING);
		assertThat(this.registry.failureReason("t/b")).isNull();
	}

}
