/**
 * Feed liveness: when each subscribed topic last heard from the market.
 */
@NullMarked
package io.github.settrademqtt.feed.liveness;

import org.jspecify.annotations.NullMarked;
