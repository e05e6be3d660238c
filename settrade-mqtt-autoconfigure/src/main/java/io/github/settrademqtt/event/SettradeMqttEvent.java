package io.github.settrademqtt.event;

import org.springframework.context.ApplicationEvent;

/**
 * Base class for the application events of the Settrade feed: something happened to the
 * access token, the MQTT connection or, in cluster mode, this replica's leadership.
 * Listen to this type to hear all of them, or to one of its subclasses, with an
 * {@code @EventListener} method or an {@code ApplicationListener} bean. Events are
 * published on the thread where what they report happens (the connection's own thread, an
 * MQTT client thread, or the caller of the login service), so a listener should be quick;
 * what a listener throws is logged and passed over, never stopping the feed.
 * <p>
 * The {@link #getSource() source} is the bean that published the event: the
 * {@code SettradeMqttConnection}, the {@code SettradeLoginService} or, in cluster mode,
 * the {@code UpstreamCandidate}. No event carries a token, ticket or secret, and
 * {@link #toString()} names only what the event says.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public abstract class SettradeMqttEvent extends ApplicationEvent {

	/**
	 * Create an event.
	 * @param source the bean that published it
	 */
	protected SettradeMqttEvent(Object source) {
		super(source);
	}

	/**
	 * Return what the event says, for {@link #toString()}, as {@code name=value} pairs
	 * separated by commas. Never a token, ticket or secret, nor the source.
	 * @return the description
	 */
	protected abstract String describe();

	@Override
	public final String toString() {
		return getClass().getSimpleName() + " [" + describe() + "]";
	}

}
