package io.github.settrademqtt.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.settrademqtt.autoconfigure.InvalidSettradePropertiesException.Problem;
import io.github.settrademqtt.feed.liveness.TradingSession;
import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.InvalidAppSecretException;
import io.github.settrademqtt.login.SettradeEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Checks {@link SettradeMqttProperties} at start-up and reports every problem at once,
 * each naming its property, saying what is wrong and what is accepted, in an
 * {@link InvalidSettradePropertiesException}: the starter's one way to reject
 * configuration (see there why not Boot's own). The app secret's value is never quoted.
 *
 * @author settrade-mqtt
 */
final class SettradeMqttPropertiesValidator {

	private static final String PREFIX = "settrade.mqtt.";

	private static final Pattern BROKER_ID = Pattern.compile("[0-9]{3}");

	/**
	 * What Kafka accepts as a topic name.
	 */
	private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

	private static final Pattern INTERVAL = Pattern.compile("[1-9][0-9]*[mdwM]");

	private static final String NEVER_IN_A_TOPIC_KEY = ",;/+#\"'`[](){}<>=";

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Z},;]+");

	private static final TopicKey SYMBOL = new TopicKey("symbol", "PTT");

	private static final TopicKey MARKET = new TopicKey("market", "SET");

	private static final TopicKey ACCOUNT = new TopicKey("account", "your account number");

	private final List<Problem> problems = new ArrayList<>();

	private SettradeMqttPropertiesValidator() {
	}

	/**
	 * Validate the properties, the credentials too when they come from the properties,
	 * and throw an {@link InvalidSettradePropertiesException} listing every problem.
	 */
	static void validate(SettradeMqttProperties properties, boolean credentials) {
		SettradeMqttPropertiesValidator validator = new SettradeMqttPropertiesValidator();
		if (credentials) {
			validator.credentials(properties);
		}
		validator.settings(properties);
		validator.throwIfInvalid();
	}

	/**
	 * Validate the market hours alone, for the trading calendar, which may be created
	 * before the rest is validated.
	 */
	static void validate(SettradeMqttProperties.MarketHours marketHours) {
		SettradeMqttPropertiesValidator validator = new SettradeMqttPropertiesValidator();
		validator.marketHours(marketHours);
		validator.throwIfInvalid();
	}

	private void throwIfInvalid() {
		if (!this.problems.isEmpty()) {
			throw new InvalidSettradePropertiesException(this.problems);
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
		String brokerId = properties.getBrokerId();
		if (StringUtils.hasText(brokerId)) {
			brokerId(brokerId.strip());
		}
		String baseUrl = properties.getBaseUrl();
		if (baseUrl != null) {
			baseUrl(baseUrl, brokerId);
		}
	}

	/**
	 * Anything but three digits or SANDBOX would be sent to production as a broker id and
	 * fail there, over and over, long after start-up.
	 */
	private void brokerId(String brokerId) {
		if (BROKER_ID.matcher(brokerId).matches() || SettradeEnvironment.SANDBOX_BROKER_ID.equalsIgnoreCase(brokerId)) {
			return;
		}
		String reason = "'" + brokerId + "' is neither a three-digit broker id nor SANDBOX";
		String set = "Set " + PREFIX + "broker-id to your broker's three-digit id, such as 063, or to SANDBOX "
				+ "for the Settrade sandbox";
		if (Suggestions.meantSandbox(brokerId)) {
			problem("broker-id", reason, "Did you mean SANDBOX? " + set);
			return;
		}
		Optional<String> written = Suggestions.octalBrokerId(brokerId);
		problem("broker-id", reason,
				written
					.map((id) -> "If your YAML says broker-id: " + id + ", quote it (broker-id: \"" + id
							+ "\"): unquoted, YAML reads " + id + " as the octal number " + brokerId + ". Otherwise "
							+ StringUtils.uncapitalize(set))
					.orElse(set));
	}

	private void baseUrl(String baseUrl, @Nullable String brokerId) {
		URI uri;
		try {
			uri = new URI(baseUrl.strip());
		}
		catch (URISyntaxException ex) {
			baseUrlProblem("'" + baseUrl + "' is not a URL: " + ex.getReason());
			return;
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
			baseUrlProblem("'" + baseUrl + "' is not an absolute https URL");
			return;
		}
		Optional<SettradeEnvironment> meant = Suggestions.settradeHost(uri.getHost());
		if (meant.isPresent()) {
			problem("base-url", "'" + uri.getHost() + "' is not a Settrade host",
					"Did you mean " + meant.get().baseUrl() + "? Set " + PREFIX
							+ "base-url to it, or remove it to derive it from " + "the broker id");
			return;
		}
		SettradeEnvironment settrade = Stream.of(SettradeEnvironment.values())
			.filter((environment) -> environment.baseUrl().getHost().equalsIgnoreCase(uri.getHost()))
			.findFirst()
			.orElse(null);
		if (settrade == null) {
			return;
		}
		boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
				&& uri.getRawQuery() == null && uri.getRawFragment() == null;
		if (!bare) {
			problem("base-url", "'" + baseUrl + "' goes beyond Settrade's host: the starter adds the API paths itself",
					"Set " + PREFIX + "base-url to " + settrade.baseUrl() + ", or remove it to derive it from the "
							+ "broker id");
		}
		else if (settrade == SettradeEnvironment.PRODUCTION && brokerId != null
				&& SettradeEnvironment.forBrokerId(brokerId) == SettradeEnvironment.SANDBOX) {
			problem("base-url",
					"'" + baseUrl + "' is Settrade's production service, but " + PREFIX
							+ "broker-id SANDBOX is for the sandbox",
					"Remove " + PREFIX + "base-url: broker-id SANDBOX selects " + SettradeEnvironment.SANDBOX.baseUrl()
							+ " by itself");
		}
	}

	private void baseUrlProblem(String reason) {
		problem("base-url", reason, "Set " + PREFIX + "base-url to an https URL such as "
				+ "https://open-api.settrade.com, or remove it to derive it from the broker id");
	}

	private void settings(SettradeMqttProperties properties) {
		positive("token-refresh-before-expiry", properties.getTokenRefreshBeforeExpiry());
		positive("keep-alive", properties.getKeepAlive());
		positive("connect-timeout", properties.getConnectTimeout());
		positive("http.connect-timeout", properties.getHttp().getConnectTimeout());
		positive("http.read-timeout", properties.getHttp().getReadTimeout());
		SettradeMqttProperties.Retry retry = properties.getLogin().getRetry();
		atLeastOne("login.retry.max-attempts", retry.getMaxAttempts());
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
		cluster(properties);
		int port = properties.getPort();
		if (port < 1 || port > 65535) {
			problem("port", port + " is not a TCP port (1 to 65535)",
					"Set " + PREFIX + "port to a port between 1 and 65535, usually 443");
		}
	}

	/**
	 * The leader renews its lock once a heartbeat: a lock that lives less than two of
	 * them is lost as soon as one renewal is late, and leadership flaps.
	 */
	private void cluster(SettradeMqttProperties properties) {
		SettradeMqttProperties.Cluster cluster = properties.getCluster();
		if (!StringUtils.hasText(cluster.getRole())) {
			problem("cluster.role", "is empty", "Set " + PREFIX
					+ "cluster.role to the name the replicas elect their leader under, such as settrade-mqtt");
		}
		Duration heartbeat = cluster.getHeartbeat();
		Duration timeToLive = cluster.getJdbc().getTimeToLive();
		positive("cluster.heartbeat", heartbeat);
		positive("cluster.jdbc.time-to-live", timeToLive);
		if (heartbeat != null && timeToLive != null && !heartbeat.isNegative() && !heartbeat.isZero()
				&& timeToLive.compareTo(heartbeat.multipliedBy(2)) < 0) {
			problem("cluster.jdbc.time-to-live",
					timeToLive + " is less than two " + PREFIX + "cluster.heartbeat (" + heartbeat
							+ "): the leader's lock would expire as soon as one renewal is late",
					"Set " + PREFIX + "cluster.jdbc.time-to-live to several heartbeats, such as 10s, or shorten "
							+ PREFIX + "cluster.heartbeat");
		}
		kafka(cluster.getKafka());
		if (cluster.isEnabled() && properties.isFailFast()) {
			problem("fail-fast",
					"cannot be true with " + PREFIX + "cluster.enabled=true: a replica connects once it is elected "
							+ "leader, not at start-up",
					"Remove " + PREFIX + "fail-fast, or set " + PREFIX + "cluster.enabled=false");
		}
	}

	private void kafka(SettradeMqttProperties.Kafka kafka) {
		kafkaTopic("cluster.kafka.topic", kafka.getTopic(), "settrade-mqtt-feed");
		if (kafka.getPartitions() < 1) {
			problem("cluster.kafka.partitions", kafka.getPartitions() + " is less than 1",
					"Set " + PREFIX + "cluster.kafka.partitions to 1 or more");
		}
		SettradeMqttProperties.Claims claims = kafka.getClaims();
		kafkaTopic("cluster.kafka.claims.topic", kafka.getClaimsTopic(), "settrade-mqtt-claims");
		if (Objects.equals(kafka.getClaimsTopic(), kafka.getTopic())) {
			problem("cluster.kafka.claims.topic", "is the feed's topic (" + PREFIX + "cluster.kafka.topic)",
					"Give " + PREFIX + "cluster.kafka.claims.topic a topic of its own, such as settrade-mqtt-claims");
		}
		Duration refresh = claims.getRefresh();
		Duration expiry = claims.getExpiry();
		positive("cluster.kafka.claims.refresh", refresh);
		positive("cluster.kafka.claims.expiry", expiry);
		if (refresh != null && expiry != null && !refresh.isNegative() && !refresh.isZero()
				&& expiry.compareTo(refresh.multipliedBy(2)) < 0) {
			problem("cluster.kafka.claims.expiry",
					expiry + " is less than two " + PREFIX + "cluster.kafka.claims.refresh (" + refresh
							+ "): a replica's claims would expire as soon as one announcement is late",
					"Set " + PREFIX + "cluster.kafka.claims.expiry to several refresh intervals, such as 2m");
		}
		positive("cluster.kafka.catch-up-timeout", kafka.getCatchUpTimeout());
		positive("cluster.kafka.claim-timeout", kafka.getClaimTimeout());
		positive("cluster.kafka.hand-over-timeout", kafka.getHandOverTimeout());
	}

	private void kafkaTopic(String key, @Nullable String topic, String example) {
		if (!StringUtils.hasText(topic) || !KAFKA_TOPIC.matcher(topic).matches()) {
			problem(key, "'" + topic + "' is not a Kafka topic name",
					"Set " + PREFIX + key + " to at most 249 letters, digits, '.', '_' and '-', such as " + example);
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
		keys("subscriptions.bid-offer", subscriptions.getBidOffer(), SYMBOL);
		keys("subscriptions.price-info", subscriptions.getPriceInfo(), SYMBOL);
		keys("subscriptions.equity-exchange-info", subscriptions.getEquityExchangeInfo(), MARKET);
		keys("subscriptions.derivatives-exchange-info", subscriptions.getDerivativesExchangeInfo(), MARKET);
		keys("subscriptions.equity-orders", subscriptions.getEquityOrders(), ACCOUNT);
		keys("subscriptions.derivatives-orders", subscriptions.getDerivativesOrders(), ACCOUNT);
		List<SettradeMqttProperties.Candlestick> candlesticks = subscriptions.getCandlestick();
		for (int i = 0; i < candlesticks.size(); i++) {
			SettradeMqttProperties.Candlestick candlestick = candlesticks.get(i);
			String key = "subscriptions.candlestick[" + i + "]";
			if (candlestick.getSymbol() == null || candlestick.getInterval() == null) {
				problem(key, "needs both 'symbol' and 'interval'",
						"Set " + PREFIX + key + ".symbol and " + PREFIX + key + ".interval, such as PTT and 1m");
				continue;
			}
			topicKey(key + ".symbol", "subscriptions.candlestick", candlestick.getSymbol(), SYMBOL);
			interval(key + ".interval", candlestick.getInterval());
		}
	}

	private void keys(String key, List<String> values, TopicKey kind) {
		for (int i = 0; i < values.size(); i++) {
			topicKey(key + "[" + i + "]", key, values.get(i), kind);
		}
	}

	/**
	 * A symbol, market or account becomes one level of a topic name. What the service may
	 * use in one is not published, so only what none can hold is refused: white space and
	 * list separators (several values in one), quotes and brackets (a list written in the
	 * wrong syntax), MQTT's '/', '+' and '#', and invisible characters.
	 */
	private void topicKey(String key, String list, String value, TopicKey kind) {
		String stripped = value.strip();
		if (stripped.isEmpty()) {
			problem(key, "is empty", "Remove the empty entry from " + PREFIX + list + ", or set it to a " + kind.what()
					+ " such as " + kind.example());
			return;
		}
		if (Arrays.stream(SEPARATORS.split(stripped)).filter((part) -> !part.isEmpty()).count() > 1) {
			problem(key, "'" + stripped + "' holds more than one " + kind.what(),
					"Put each " + kind.what() + " in an entry of its own in " + PREFIX + list
							+ " (in YAML, a list: one '- ' line or one comma-separated item in [] per entry)");
			return;
		}
		stripped.chars()
			.filter((c) -> NEVER_IN_A_TOPIC_KEY.indexOf(c) >= 0 || Character.isWhitespace(c) || Character.isSpaceChar(c)
					|| Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)
			.findFirst()
			.ifPresent((c) -> problem(key,
					"'" + stripped + "' contains " + describe(c) + ", which no " + kind.what() + " has",
					"Set " + PREFIX + key + " to a bare " + kind.what() + " such as " + kind.example()
							+ ", without quotes, brackets or spaces"));
	}

	/**
	 * The service has used 1m to 240m, 1d, 1w and 1M and may add more, so the shape is
	 * checked, not a list. Case matters: 1m is a minute, 1M a month.
	 */
	private void interval(String key, String interval) {
		String stripped = interval.strip();
		if (INTERVAL.matcher(stripped).matches()) {
			return;
		}
		String reason = stripped.isEmpty() ? "is empty" : "'" + stripped + "' is not a candle interval";
		String shape = "Write a candle interval as a whole number of m (minutes), d (days), w (weeks) or M (months), "
				+ "such as 1m, 5m, 60m, 240m, 1d, 1w or 1M";
		problem(key, reason,
				Suggestions.interval(stripped)
					.filter((meant) -> INTERVAL.matcher(meant).matches())
					.map((meant) -> "Did you mean " + meant + "? " + shape)
					.orElse(shape));
	}

	private static String describe(int c) {
		return (c > ' ' && c < 0x7f) ? "'" + (char) c + "'" : String.format("an invisible character (U+%04X)", c);
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

	/**
	 * What a list of topic keys holds, for messages.
	 */
	private record TopicKey(String what, String example) {

	}

}
