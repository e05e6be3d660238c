package io.github.settrademqtt.test.mqtt;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import io.moquette.interception.messages.InterceptUnsubscribeMessage;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Follows which topic filters each client holds, from the broker's subscribe, unsubscribe
 * and disconnect notifications. Moquette only notifies granted subscriptions, so a denied
 * filter never shows up. Notifications arrive on the broker's interceptor thread, shortly
 * after the broker acted (for a subscription: after it queued the {@code SUBACK}):
 * readers poll.
 *
 * @author settrade-mqtt
 */
final class SubscriptionTracker extends AbstractInterceptHandler {

	private static final Logger logger = Loggers.getLogger(SubscriptionTracker.class);

	private static final Class<?>[] INTERCEPTED = { InterceptSubscribeMessage.class, InterceptUnsubscribeMessage.class,
			InterceptDisconnectMessage.class, InterceptConnectionLostMessage.class };

	private final Map<String, Set<String>> filtersByClient = new ConcurrentHashMap<>();

	private final Consumer<String> granted;

	/**
	 * Creates a tracker.
	 * @param granted told of every filter granted, once the broker acknowledged it
	 */
	SubscriptionTracker(Consumer<String> granted) {
		this.granted = granted;
	}

	@Override
	public String getID() {
		return "settrade-simulator-subscriptions";
	}

	@Override
	public Class<?>[] getInterceptedMessageTypes() {
		return INTERCEPTED.clone();
	}

	@Override
	public void onSubscribe(InterceptSubscribeMessage message) {
		// Told first, so that a test that saw the filter in topicFilters() knows that
		// whatever the subscription triggered has happened
		this.granted.accept(message.getTopicFilter());
		this.filtersByClient.computeIfAbsent(message.getClientID(), (clientId) -> ConcurrentHashMap.newKeySet())
			.add(message.getTopicFilter());
	}

	@Override
	public void onUnsubscribe(InterceptUnsubscribeMessage message) {
		this.filtersByClient.computeIfPresent(message.getClientID(), (clientId, filters) -> {
			filters.remove(message.getTopicFilter());
			return filters.isEmpty() ? null : filters;
		});
	}

	/**
	 * Clean sessions are all the simulator sees (Settrade clients use them), so a closed
	 * connection holds nothing any more.
	 */
	@Override
	public void onDisconnect(InterceptDisconnectMessage message) {
		this.filtersByClient.remove(message.getClientID());
	}

	@Override
	public void onConnectionLost(InterceptConnectionLostMessage message) {
		this.filtersByClient.remove(message.getClientID());
	}

	@Override
	public void onSessionLoopError(Throwable error) {
		// The type only: a message might quote packet content
		logger.warn("MQTT broker session loop failed with {}", error.getClass().getName());
	}

	/**
	 * Returns the filters at least one client holds.
	 * @return an immutable snapshot
	 */
	Set<String> topicFilters() {
		return this.filtersByClient.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
	}

	void clear() {
		this.filtersByClient.clear();
	}

}
