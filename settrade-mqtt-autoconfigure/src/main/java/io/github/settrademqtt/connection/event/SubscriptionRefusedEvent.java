package io.github.settrademqtt.connection.event;

import io.github.settrademqtt.event.SettradeMqttEvent;

/**
 * Published when a subscription is refused: by the broker in its {@code SUBACK} (the
 * topic is subscribed again on a back-off, for as long as the connection lives), or by
 * the service on its error topic after granting it, an unknown symbol say (the topic is
 * marked failed). A topic the broker keeps refusing is told once per connection.
 *
 * @author settrade-mqtt
 * @since 0.2.0
 */
public class SubscriptionRefusedEvent extends SettradeMqttEvent {

	private final String topic;

	private final String reason;

	private final Refusal refusal;

	/**
	 * Create an event.
	 * @param source the connection
	 * @param topic the topic refused
	 * @param reason why, as far as the broker or the service said
	 * @param refusal who refused it
	 */
	public SubscriptionRefusedEvent(Object source, String topic, String reason, Refusal refusal) {
		super(source);
		this.topic = topic;
		this.reason = reason;
		this.refusal = refusal;
	}

	/**
	 * Return the topic refused.
	 * @return the topic
	 */
	public String getTopic() {
		return this.topic;
	}

	/**
	 * Return why, as far as the broker or the service said.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return who refused the subscription.
	 * @return the refusal
	 */
	public Refusal getRefusal() {
		return this.refusal;
	}

	@Override
	protected String describe() {
		return "topic=" + this.topic + ", refusal=" + this.refusal + ", reason=" + this.reason;
	}

	/**
	 * Who refused a subscription.
	 */
	public enum Refusal {

		/**
		 * The broker answered the {@code SUBSCRIBE} with a failure code.
		 */
		BROKER,

		/**
		 * The service reported the subscription as an error after granting it, such as an
		 * unknown symbol. Counted by {@code settrade.mqtt.subscriptions.rejected}.
		 */
		SERVICE

	}

}
