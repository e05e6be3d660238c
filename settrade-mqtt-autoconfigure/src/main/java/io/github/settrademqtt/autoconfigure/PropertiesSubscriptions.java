package io.github.settrademqtt.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.github.settrademqtt.feed.SettradeTopics;
import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;

/**
 * Claims the topics listed under {@code settrade.mqtt.subscriptions.*}, for the lifetime
 * of the application.
 *
 * @author settrade-mqtt
 */
final class PropertiesSubscriptions {

	private PropertiesSubscriptions() {
	}

	static List<SubscriptionHandle> claim(SettradeMqttProperties.Subscriptions subscriptions,
			SubscriptionRegistry registry) {
		List<String> topics = new ArrayList<>();
		add(topics, subscriptions.getBidOffer(), SettradeTopics::bidOffer);
		add(topics, subscriptions.getPriceInfo(), SettradeTopics::priceInfo);
		for (SettradeMqttProperties.Candlestick candlestick : subscriptions.getCandlestick()) {
			topics.add(SettradeTopics.candlestick(String.valueOf(candlestick.getSymbol()),
					String.valueOf(candlestick.getInterval())));
		}
		add(topics, subscriptions.getEquityExchangeInfo(), SettradeTopics::equityExchangeInfo);
		add(topics, subscriptions.getDerivativesExchangeInfo(), SettradeTopics::derivativesExchangeInfo);
		add(topics, subscriptions.getEquityOrders(), SettradeTopics::equityOrders);
		add(topics, subscriptions.getDerivativesOrders(), SettradeTopics::derivativesOrders);
		return topics.stream().distinct().map(registry::subscribe).toList();
	}

	private static void add(List<String> topics, List<String> keys, Function<String, String> topic) {
		keys.forEach((key) -> topics.add(topic.apply(key)));
	}

}
