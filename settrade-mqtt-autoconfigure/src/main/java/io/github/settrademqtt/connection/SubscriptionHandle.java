package io.github.settrademqtt.connection;

/**
 * One consumer's claim on a topic. Closing it releases the claim; the topic is
 * unsubscribed only when no claim on it remains.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public interface SubscriptionHandle extends AutoCloseable {

	/**
	 * Return the topic.
	 * @return the topic name
	 */
	String topic();

	/**
	 * Release this claim. Calling it more than once has no further effect.
	 */
	@Override
	void close();

}
