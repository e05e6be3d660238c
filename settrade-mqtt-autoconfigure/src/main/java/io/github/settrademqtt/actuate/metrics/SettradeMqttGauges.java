package io.github.settrademqtt.actuate.metrics;

import java.util.function.ToDoubleFunction;

import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The meters read from the connection's state: the gauges
 * {@code settrade.mqtt.token.expires.in} (seconds until the token behind the current
 * connection expires, NaN when not connected) and {@code settrade.mqtt.subscriptions}
 * (tag {@code state}: {@code pending}, {@code active}, {@code failed}), and the counter
 * {@code settrade.mqtt.messages.superseded} (messages that arrived on a connection that
 * was not delivering, such as the old one's after a hand-over, and were dropped).
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttGauges implements MeterBinder {

	private final SettradeMqttConnection connection;

	private final SubscriptionRegistry registry;

	/**
	 * Create the gauges.
	 * @param connection the connection
	 * @param registry the subscriptions
	 */
	public SettradeMqttGauges(SettradeMqttConnection connection, SubscriptionRegistry registry) {
		this.connection = connection;
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meters) {
		Gauge.builder("settrade.mqtt.token.expires.in", this.connection, SettradeMqttGauges::tokenExpiresIn)
			.description("Seconds until the token behind the current connection expires")
			.baseUnit("seconds")
			.register(meters);
		for (SubscriptionState state : SubscriptionState.values()) {
			ToDoubleFunction<SubscriptionRegistry> count = (
					registry) -> registry.states().values().stream().filter(state::equals).count();
			Gauge.builder("settrade.mqtt.subscriptions", this.registry, count)
				.description("Subscribed topics, by state on the current connection")
				.tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
				.register(meters);
		}
		FunctionCounter
			.builder("settrade.mqtt.messages.superseded", this.connection,
					SettradeMqttConnection::getSupersededMessageCount)
			.description("Messages dropped because they arrived on a connection that was not delivering")
			.register(meters);
	}

	private static double tokenExpiresIn(SettradeMqttConnection connection) {
		Long expiresAt = connection.getTicketExpiresAtNanos();
		return (expiresAt != null) ? (expiresAt - System.nanoTime()) / 1e9 : Double.NaN;
	}

}
