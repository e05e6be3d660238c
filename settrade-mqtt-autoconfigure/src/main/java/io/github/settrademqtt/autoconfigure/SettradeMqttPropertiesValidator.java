package io.github.settrademqtt.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import io.github.settrademqtt.connection.SettradeTopics;
import io.github.settrademqtt.feed.liveness.TradingSession;
import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.InvalidAppSecretException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks {@link SettradeMqttProperties} at start-up and reports every problem at once,
 * each naming its property. The app secret's value is never quoted.
 *
 * @author settrade-mqtt
 */
final class SettradeMqttPropertiesValidator {

	private static final String PREFIX = "settrade.mqtt.";

	private final List<Problem> problems = new ArrayList<>();

	private SettradeMqttPropertiesValidator() {
	}

	/**
	 * Validate the properties.
	 * @param properties the properties
	 * @param credentials whether the credentials come from the properties and must be
	 * checked too
	 * @throws InvalidSettradePropertiesException listing every problem found
	 */
	static void validate(SettradeMqttProperties properties, boolean credentials) {
		SettradeMqttPropertiesValidator validator = new SettradeMqttPropertiesValidator();
		if (credentials) {
			validator.credentials(properties);
		}
		validator.settings(properties);
		if (!validator.problems.isEmpty()) {
			throw new InvalidSettradePropertiesException(validator.problems);
		}
	}

	private void credentials(SettradeMqttProperties properties) {
		required("app-id", properties.getAppId(), "the app id from the Settrade Open API console");
		required("app-code", properties.getAppCode(), "the app code from the Settrade Open API console");
		required("broker-id", properties.getBrokerId(), "your broker's id, such as 063, or SANDBOX for the sandbox");
		String secret = properties.getAppSecret();
		if (StringUtils.hasText(secret)) {
			try {
				AppSecret.parse(secret);
			}
			catch (InvalidAppSecretException ex) {
				problem("app-secret", ex.getMessage(), "Set " + PREFIX + "app-secret (environment variable "
						+ "SETTRADE_MQTT_APP_SECRET) to the app secret exactly as the Settrade Open API console shows it");
			}
		}
		String baseUrl = properties.getBaseUrl();
		if (baseUrl != null) {
			baseUrl(baseUrl);
		}
	}

	private void baseUrl(String baseUrl) {
		String reason = null;
		try {
			URI uri = new URI(baseUrl.strip());
			if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
				reason = "'" + baseUrl + "' is not an absolute https URL";
			}
		}
		catch (URISyntaxException ex) {
			reason = "'" + baseUrl + "' is not a URL: " + ex.getReason();
		}
		if (reason != null) {
			problem("base-url", reason, "Set " + PREFIX + "base-url to an https URL such as "
					+ "https://open-api.settrade.com, or remove it to derive it from the broker id");
		}
	}

	private void settings(SettradeMqttProperties properties) {
		positive("token-refresh-before-expiry", properties.getTokenRefreshBeforeExpiry());
		positive("keep-alive", properties.getKeepAlive());
		positive("connect-timeout", properties.getConnectTimeout());
		positive("http.connect-timeout", properties.getHttp().getConnectTimeout());
		positive("http.read-timeout", properties.getHttp().getReadTimeout());
		SettradeMqttProperties.Retry retry = properties.getLogin().getRetry();
		if (retry.getMaxAttempts() < 1) {
			problem("login.retry.max-attempts", retry.getMaxAttempts() + " is less than 1",
					"Set " + PREFIX + "login.retry.max-attempts to 1 or more");
		}
		positive("login.retry.initial-backoff", retry.getInitialBackoff());
		positive("login.retry.max-backoff", retry.getMaxBackoff());
		notBelow("login.retry.max-backoff", retry.getMaxBackoff(), "login.retry.initial-backoff",
				retry.getInitialBackoff());
		if (!(retry.getMultiplier() >= 1)) {
			problem("login.retry.multiplier", retry.getMultiplier() + " is less than 1",
					"Set " + PREFIX + "login.retry.multiplier to 1 or more");
		}
		if (!(retry.getJitter() >= 0 && retry.getJitter() <= 1)) {
			problem("login.retry.jitter", retry.getJitter() + " is not between 0 and 1",
					"Set " + PREFIX + "login.retry.jitter to a fraction between 0 and 1, such as 0.2");
		}
		positive("reconnect.min-delay", properties.getReconnect().getMinDelay());
		positive("reconnect.stable-after", properties.getReconnect().getStableAfter());
		positive("rotation-timeout", properties.getRotationTimeout());
		positive("reconnect.max-delay", properties.getReconnect().getMaxDelay());
		notBelow("reconnect.max-delay", properties.getReconnect().getMaxDelay(), "reconnect.min-delay",
				properties.getReconnect().getMinDelay());
		subscriptions(properties.getSubscriptions());
		notNegative("delivery.threads", properties.getDelivery().getThreads());
		atLeastOne("delivery.order-queue-capacity", properties.getDelivery().getOrderQueueCapacity());
		positive("liveness.silence-threshold", properties.getLiveness().getSilenceThreshold());
		positive("liveness.feed-silence-timeout", properties.getLiveness().getFeedSilenceTimeout());
		marketHours(properties.getMarketHours());
		int port = properties.getPort();
		if (port < 1 || port > 65535) {
			problem("port", port + " is not a TCP port (1 to 65535)",
					"Set " + PREFIX + "port to a port between 1 and 65535, usually 443");
		}
	}

	private void marketHours(SettradeMqttProperties.MarketHours marketHours) {
		if (marketHours.getDays().isEmpty()) {
			problem("market-hours.days", "is empty", "Set " + PREFIX + "market-hours.days to the trading days, such as "
					+ "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY");
		}
		if (marketHours.getSessions().isEmpty()) {
			problem("market-hours.sessions", "is empty",
					"Set " + PREFIX + "market-hours.sessions to the daily sessions, such as 09:45-12:30,14:15-16:55");
		}
		List<String> sessions = marketHours.getSessions();
		for (int i = 0; i < sessions.size(); i++) {
			try {
				TradingSession.parse(sessions.get(i));
			}
			catch (IllegalArgumentException ex) {
				problem("market-hours.sessions[" + i + "]", ex.getMessage(),
						"Write each session as HH:mm-HH:mm, such as 09:45-12:30 or 00:00-24:00 for the whole day");
			}
		}
		List<String> holidays = marketHours.getHolidays();
		for (int i = 0; i < holidays.size(); i++) {
			try {
				LocalDate.parse(holidays.get(i).strip());
			}
			catch (DateTimeParseException ex) {
				problem("market-hours.holidays[" + i + "]", "'" + holidays.get(i) + "' is not an ISO date",
						"Write each holiday as an ISO date such as 2026-12-31");
			}
		}
	}

	private void subscriptions(SettradeMqttProperties.Subscriptions subscriptions) {
		keys("subscriptions.bid-offer", subscriptions.getBidOffer(), SettradeTopics::bidOffer);
		keys("subscriptions.price-info", subscriptions.getPriceInfo(), SettradeTopics::priceInfo);
		keys("subscriptions.equity-exchange-info", subscriptions.getEquityExchangeInfo(),
				SettradeTopics::equityExchangeInfo);
		keys("subscriptions.derivatives-exchange-info", subscriptions.getDerivativesExchangeInfo(),
				SettradeTopics::derivativesExchangeInfo);
		keys("subscriptions.equity-orders", subscriptions.getEquityOrders(), SettradeTopics::equityOrders);
		keys("subscriptions.derivatives-orders", subscriptions.getDerivativesOrders(),
				SettradeTopics::derivativesOrders);
		List<SettradeMqttProperties.Candlestick> candlesticks = subscriptions.getCandlestick();
		for (int i = 0; i < candlesticks.size(); i++) {
			SettradeMqttProperties.Candlestick candlestick = candlesticks.get(i);
			String key = "subscriptions.candlestick[" + i + "]";
			if (candlestick.getSymbol() == null || candlestick.getInterval() == null) {
				problem(key, "needs both 'symbol' and 'interval'",
						"Set " + PREFIX + key + ".symbol and " + PREFIX + key + ".interval, such as PTT and 1m");
				continue;
			}
			check(key, () -> SettradeTopics.candlestick(candlestick.getSymbol(), candlestick.getInterval()));
		}
	}

	private void keys(String key, List<String> values, Function<String, String> topic) {
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i);
			check(key + "[" + i + "]", () -> topic.apply(value));
		}
	}

	private void check(String key, Supplier<String> topic) {
		try {
			topic.get();
		}
		catch (IllegalArgumentException ex) {
			problem(key, ex.getMessage(), "Fix " + PREFIX + key + ": a plain symbol, market or account such as PTT");
		}
	}

	private void required(String key, @Nullable String value, String what) {
		if (!StringUtils.hasText(value)) {
			problem(key, "is required when " + PREFIX + "app-secret is set",
					"Set " + PREFIX + key + " (environment variable " + environmentVariable(key) + ") to " + what);
		}
	}

	private void atLeastOne(String key, int value) {
		if (value < 1) {
			problem(key, value + " is less than 1", "Set " + PREFIX + key + " to 1 or more");
		}
	}

	private void notNegative(String key, int value) {
		if (value < 0) {
			problem(key, value + " is negative", "Set " + PREFIX + key + " to 0 or more");
		}
	}

	private void positive(String key, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			problem(key, value + " is not a positive duration", "Set " + PREFIX + key + " to a positive duration");
		}
	}

	private void notBelow(String key, @Nullable Duration value, String lowerKey, @Nullable Duration lower) {
		if (value != null && lower != null && value.compareTo(lower) < 0) {
			problem(key, value + " is less than " + PREFIX + lowerKey + " (" + lower + ")",
					"Set " + PREFIX + key + " to at least " + PREFIX + lowerKey);
		}
	}

	private void problem(String key, String reason, String action) {
		this.problems.add(new Problem(PREFIX + key, reason, action));
	}

	private static String environmentVariable(String key) {
		return (PREFIX + key).toUpperCase().replace('.', '_').replace('-', '_');
	}

}
