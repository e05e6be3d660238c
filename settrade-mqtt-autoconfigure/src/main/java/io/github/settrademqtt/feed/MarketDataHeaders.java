package io.github.settrademqtt.feed;

/**
 * Headers that decoded events carry on the market data channel, beside those of
 * {@link io.github.settrademqtt.connection.SettradeMqttHeaders}.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataHeaders {

	/**
	 * The kind of the event, as its tag such as {@code bid-offer}
	 * ({@link MarketDataKind#tag()}).
	 */
	public static final String KIND = "settrade_kind";

	/**
	 * The symbol, market or account the event is about.
	 */
	public static final String KEY = "settrade_key";

	private MarketDataHeaders() {
	}

}
