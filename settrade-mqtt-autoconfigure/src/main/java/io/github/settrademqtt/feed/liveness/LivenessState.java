package io.github.settrademqtt.feed.liveness;

/**
 * Whether a subscribed topic is hearing from the market, and whether what it hears
 * reaches the application.
 * <p>
 * The states are checked in the order {@link #NEVER_RECEIVED}, {@link #SILENT},
 * {@link #STALLED}, {@link #LIVE}: the first that applies is the topic's state. So a
 * topic whose messages have stopped arriving is {@code SILENT} whatever its delivery is
 * doing, and only a topic that hears from the market can be {@code STALLED}.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum LivenessState {

	/**
	 * A message arrived within the silence threshold, and what arrived is reaching the
	 * application: nothing has waited for delivery longer than the silence threshold.
	 */
	LIVE,

	/**
	 * Messages arrived once, but none within the silence threshold.
	 */
	SILENT,

	/**
	 * Nothing arrived since the topic was subscribed.
	 */
	NEVER_RECEIVED,

	/**
	 * Messages arrive (the last within the silence threshold) but do not reach the
	 * application: the topic received a message after its last delivery, and for longer
	 * than the silence threshold something has been waiting and nothing has been
	 * delivered on it. The wait is measured from the later of the last delivery and the
	 * first arrival after it, so a topic that wakes after a quiet spell is not stalled,
	 * and neither is one whose backlog is being worked through while deliveries keep
	 * happening. Typically a listener or channel subscriber is blocked, or every delivery
	 * thread is busy with other topics.
	 * <p>
	 * A message that arrives while an earlier one of its topic is being handed over may
	 * count as delivered with it, so a consumer that then blocks on that message shows
	 * only once the next message arrives. Messages that are not delivered because they
	 * fail to decode or do not fit the order queue leave their topic waiting as well,
	 * until the next delivery on it.
	 */
	STALLED

}
