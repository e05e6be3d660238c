package io.github.settrademqtt.sample;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationContext;

/**
 * Reads the starter's meters of a running sample.
 */
final class FeedMeters {

	private FeedMeters() {
	}

	/**
	 * Return how many messages the starter delivered to the application, of every kind.
	 * @param context the sample's context
	 * @return the count
	 */
	static double messagesReceived(ApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.find("settrade.mqtt.messages.received")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
