package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.event.SettradeMqttEvent;
import org.jspecify.annotations.Nullable;

/**
 * Published when the connection acted on a feed gone silent while the market is open: one
 * silent topic was subscribed again, or, every busy topic being silent, a second
 * connection took over (right after its {@link RotatedEvent}).
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class FeedHealedEvent extends SettradeMqttEvent {

	private final Action action;

	private final @Nullable String topic;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param action what was done
	 * @param topic the topic subscribed again, for {@link Action#RESUBSCRIBE}
	 */
	public FeedHealedEvent(Object source, Action action, @Nullable String topic) {
		super(source);
		this.action = action;
		this.topic = topic;
	}

	/**
	 * Return what was done.
	 * @return the action
	 */
	public Action getAction() {
		return this.action;
	}

	/**
	 * Return the topic subscribed again.
	 * @return the topic, or {@code null} for {@link Action#REPLACE}
	 */
	public @Nullable String getTopic() {
		return this.topic;
	}

	@Override
	protected String describe() {
		return "action=" + this.action + ((this.topic != null) ? ", topic=" + this.topic : "");
	}

	/**
	 * What the connection did about a silent feed.
	 */
	public enum Action {

		/**
		 * One silent topic was unsubscribed and subscribed again.
		 */
		RESUBSCRIBE("resubscribe"),

		/**
		 * A second connection was opened and took over from the silent one.
		 */
		REPLACE("replace");

		private final String tag;

		Action(String tag) {
			this.tag = tag;
		}

		/**
		 * Return the action as the {@code action} tag of the {@code settrade.mqtt.heals}
		 * meter writes it.
		 * @return the tag value
		 */
		public String tag() {
			return this.tag;
		}

	}

}
