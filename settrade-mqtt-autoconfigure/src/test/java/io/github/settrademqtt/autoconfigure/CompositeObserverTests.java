package io.github.settrademqtt.autoconfigure;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.delivery.FeedObserver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link CompositeObserver}: with more than one feed observer bean, every call
 * reaches each of them.
 */
class CompositeObserverTests {

	@Test
	void everyObserverMethodIsForwarded() {
		for (Method method : FeedObserver.class.getMethods()) {
			if (!Modifier.isStatic(method.getModifiers())) {
				assertThatNoException().as("FeedObserver#%s", method.getName())
					.isThrownBy(() -> CompositeObserver.class.getDeclaredMethod(method.getName(),
							method.getParameterTypes()));
			}
		}
	}

	@Test
	void receivedReachesEveryFeedObserver() {
		List<String> calls = new ArrayList<>();
		FeedObserver first = new FeedObserver() {

			@Override
			public void received(MarketDataKind<?, ?> kind) {
				calls.add("first " + kind.tag());
			}

		};
		FeedObserver second = new FeedObserver() {

			@Override
			public void received(MarketDataKind<?, ?> kind) {
				calls.add("second " + kind.tag());
			}

		};
		CompositeObserver.ofFeed(List.of(first, second)).received(MarketDataKinds.PRICE_INFO);
		assertThat(calls).containsExactly("first price-info", "second price-info");
	}

}
