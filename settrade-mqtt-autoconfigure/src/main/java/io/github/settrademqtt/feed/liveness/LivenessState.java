package io.github.settrademqtt.feed.liveness;

/**
 * Whether a subscribed topic is hearing from the market.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public enum LivenessState {

	/**
	 * A message arrived within the silence threshold.
	 */
	LIVE,

	/**
	 * Messages arrived once, but none within the silence threshold.
	 */
	SILENT,

	/**
	 * Nothing arrived since the topic was subscribed.
	 */
	NEVER_RECEIVED

}
