package io.github.settrademqtt.feed;

import java.util.List;

import org.springframework.util.Assert;

/**
 * Decodes the payload of any topic of a {@link MarketDataKinds} table, with one decoder
 * per kind made from the table's rows. Thread safe.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataDecoders {

	private final MarketDataKinds kinds;

	private final MarketDataDecoder<?>[] decoders;

	/**
	 * Create decoders of the standard kinds that report nothing.
	 */
	public MarketDataDecoders() {
		this(MarketDataKinds.standard(), DecodeObserver.NONE);
	}

	/**
	 * Create decoders of the kinds of a table.
	 * @param kinds the table
	 * @param observer told about unknown enum numbers and symbol mismatches
	 */
	public MarketDataDecoders(MarketDataKinds kinds, DecodeObserver observer) {
		Assert.notNull(kinds, "'kinds' must not be null");
		Assert.notNull(observer, "'observer' must not be null");
		this.kinds = kinds;
		List<MarketDataKind<?, ?>> all = kinds.all();
		this.decoders = new MarketDataDecoder<?>[all.size()];
		for (int i = 0; i < this.decoders.length; i++) {
			this.decoders[i] = all.get(i).decoder(observer);
		}
	}

	/**
	 * Decode a payload by the kind of its topic.
	 * @param receipt when, where and on which connection the payload arrived
	 * @param payload the payload
	 * @return the event
	 * @throws MarketDataDecodeException if the topic is of no kind in the table or the
	 * payload cannot be decoded
	 */
	public MarketDataEvent decode(EventReceipt receipt, byte[] payload) {
		Assert.notNull(receipt, "'receipt' must not be null");
		MarketDataKind<?, ?> kind = this.kinds.of(receipt.topic());
		if (kind == null) {
			throw new MarketDataDecodeException(null, 0, "No decoder for topic '" + receipt.topic() + "'", null);
		}
		return decode(kind, receipt, payload);
	}

	/**
	 * Decode a payload of a kind already known.
	 * @param kind the kind of its topic
	 * @param receipt when, where and on which connection the payload arrived
	 * @param payload the payload
	 * @return the event
	 * @throws MarketDataDecodeException if the payload cannot be decoded
	 * @throws IllegalArgumentException if the kind is not in the table
	 */
	public MarketDataEvent decode(MarketDataKind<?, ?> kind, EventReceipt receipt, byte[] payload) {
		return decoder(kind).decode(payload, receipt);
	}

	/**
	 * Return the decoder of a kind.
	 * @param <E> the type of event
	 * @param kind the kind
	 * @return the decoder
	 * @throws IllegalArgumentException if the kind is not in the table
	 */
	@SuppressWarnings("unchecked")
	public <E extends MarketDataEvent> MarketDataDecoder<E> decoder(MarketDataKind<E, ?> kind) {
		Assert.notNull(kind, "'kind' must not be null");
		int index = this.kinds.indexOf(kind);
		Assert.isTrue(index >= 0, () -> "No decoder for kind '" + kind + "' in " + this.kinds);
		return (MarketDataDecoder<E>) this.decoders[index];
	}

}
