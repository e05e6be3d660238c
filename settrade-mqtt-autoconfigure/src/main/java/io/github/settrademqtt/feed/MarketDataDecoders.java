package io.github.settrademqtt.feed;

import io.github.settrademqtt.connection.TopicKind;

import org.springframework.util.Assert;

/**
 * Decodes the payload of any Settrade topic, choosing the decoder by the kind of topic.
 * Thread safe.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataDecoders {

	private final BidOfferDecoder bidOffer;

	private final PriceInfoDecoder priceInfo;

	private final CandlestickDecoder candlestick;

	private final EquityExchangeInfoDecoder equityExchangeInfo;

	private final DerivativesExchangeInfoDecoder derivativesExchangeInfo;

	private final EquityOrderDecoder equityOrder;

	private final DerivativesOrderDecoder derivativesOrder;

	/**
	 * Create decoders that report nothing.
	 */
	public MarketDataDecoders() {
		this(DecodeObserver.NONE);
	}

	/**
	 * Create decoders.
	 * @param observer told about unknown enum numbers and symbol mismatches
	 */
	public MarketDataDecoders(DecodeObserver observer) {
		Assert.notNull(observer, "'observer' must not be null");
		this.bidOffer = new BidOfferDecoder(observer);
		this.priceInfo = new PriceInfoDecoder(observer);
		this.candlestick = new CandlestickDecoder(observer);
		this.equityExchangeInfo = new EquityExchangeInfoDecoder(observer);
		this.derivativesExchangeInfo = new DerivativesExchangeInfoDecoder(observer);
		this.equityOrder = new EquityOrderDecoder(observer);
		this.derivativesOrder = new DerivativesOrderDecoder(observer);
	}

	/**
	 * Decode a payload by the kind of its topic.
	 * @param receipt when, where and on which connection the payload arrived
	 * @param payload the payload
	 * @return the event
	 * @throws MarketDataDecodeException if the topic is not one of Settrade's or the
	 * payload cannot be decoded
	 */
	public MarketDataEvent decode(EventReceipt receipt, byte[] payload) {
		Assert.notNull(receipt, "'receipt' must not be null");
		TopicKind kind = TopicKind.of(receipt.topic());
		if (kind == null) {
			throw new MarketDataDecodeException(null, 0, "No decoder for topic '" + receipt.topic() + "'", null);
		}
		return decoder(kind).decode(payload, receipt);
	}

	/**
	 * Return the decoder of a kind of topic.
	 * @param kind the kind
	 * @return the decoder
	 */
	public MarketDataDecoder<? extends MarketDataEvent> decoder(TopicKind kind) {
		Assert.notNull(kind, "'kind' must not be null");
		return switch (kind) {
			case BID_OFFER -> this.bidOffer;
			case PRICE_INFO -> this.priceInfo;
			case CANDLESTICK -> this.candlestick;
			case EQUITY_EXCHANGE_INFO -> this.equityExchangeInfo;
			case DERIVATIVES_EXCHANGE_INFO -> this.derivativesExchangeInfo;
			case EQUITY_ORDERS -> this.equityOrder;
			case DERIVATIVES_ORDERS -> this.derivativesOrder;
		};
	}

}
