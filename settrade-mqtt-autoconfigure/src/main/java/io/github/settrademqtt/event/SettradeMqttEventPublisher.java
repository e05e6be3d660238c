package io.github.settrademqtt.event;

import java.time.Duration;

import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the feed's events without letting a listener stop the feed: what a listener
 * throws is logged (in full the first time, then summed up at most once a minute) and
 * passed over, so that a failing listener can never keep a retry from being scheduled, a
 * hand-over from finishing or a login from returning its token. Publishes nothing until
 * it is given an {@link ApplicationEventPublisher}, so the login service and the
 * connection work as plain Java objects too.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public final class SettradeMqttEventPublisher {

	private static final Log logger = LogFactory.getLog(SettradeMqttEventPublisher.class);

	private final RateLimitedLog failures = new RateLimitedLog(logger, "Listeners of the Settrade MQTT events failed",
			1, Duration.ofMinutes(1));

	private volatile @Nullable ApplicationEventPublisher publisher;

	/**
	 * Set where events go.
	 * @param publisher the publisher, usually the application context, or {@code null} to
	 * publish nothing
	 */
	public void setPublisher(@Nullable ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Publish an event on the calling thread. Never throws.
	 * @param event the event
	 */
	public void publish(SettradeMqttEvent event) {
		ApplicationEventPublisher publisher = this.publisher;
		if (publisher == null) {
			return;
		}
		try {
			publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			this.failures.log(() -> "A listener of the Settrade MQTT events failed on " + event + "; carrying on", ex);
		}
	}

}
