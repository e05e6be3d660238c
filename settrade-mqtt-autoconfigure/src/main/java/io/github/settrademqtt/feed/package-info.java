/**
 * Settrade market data as Java events: the exact
 * {@link io.github.settrademqtt.feed.Price} type, one immutable record per message type
 * ({@link io.github.settrademqtt.feed.BidOffer},
 * {@link io.github.settrademqtt.feed.PriceInfo}, ...), and the decoders that read them
 * straight off the protobuf wire format
 * ({@link io.github.settrademqtt.feed.MarketDataDecoders}). Knows the connection only
 * through the messages it receives.
 */
@NullMarked
package io.github.settrademqtt.feed;

import org.jspecify.annotations.NullMarked;
