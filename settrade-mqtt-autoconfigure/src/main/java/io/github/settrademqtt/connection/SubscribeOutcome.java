package io.github.settrademqtt.connection;

import org.jspecify.annotations.Nullable;

/**
 * What the broker answered to one topic of a SUBSCRIBE.
 *
 * @param topic the topic
 * @param granted whether the broker granted it
 * @param reason why not, when it did not
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record SubscribeOutcome(String topic, boolean granted, @Nullable String reason) {

}
