package io.github.settrademqtt.feed;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a payload cannot be decoded: malformed protobuf, a known field with the
 * wrong wire type, a value out of range, or a topic no decoder knows. The only exception
 * a {@link MarketDataDecoder} throws for any payload. The message names the message type
 * and, where known, the field, such as
 * {@code BidOfferV3 field 7 (ask_price1): truncated message}; it never includes the
 * payload.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class MarketDataDecodeException extends RuntimeException {

	private final @Nullable MarketDataKind<?, ?> kind;

	private final int field;

	/**
	 * Create an exception.
	 * @param kind the kind of the topic, or {@code null} when the topic is not known
	 * @param field the number of the field being decoded, or 0 when not known
	 * @param message the message
	 * @param cause the cause, if any
	 */
	public MarketDataDecodeException(@Nullable MarketDataKind<?, ?> kind, int field, String message,
			@Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.field = field;
	}

	/**
	 * Return the kind of the topic the payload arrived on.
	 * @return the kind, or {@code null} when the topic is not one this starter knows
	 */
	public @Nullable MarketDataKind<?, ?> getKind() {
		return this.kind;
	}

	/**
	 * Return the number of the top-level field that could not be decoded.
	 * @return the field number, or 0 when the failure is not tied to a field
	 */
	public int getField() {
		return this.field;
	}

}
