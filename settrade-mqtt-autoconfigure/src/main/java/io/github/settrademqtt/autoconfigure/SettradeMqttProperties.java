package io.github.settrademqtt.autoconfigure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.github.settrademqtt.connection.CredentialMode;
import io.github.settrademqtt.connection.RotationStrategy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for the Settrade Open API realtime feed. A
 * {@code settrade.mqtt.*} key that matches none of them fails start-up: ignored, a
 * mistyped key would silently leave its default in place.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "settrade.mqtt", ignoreUnknownFields = false)
public class SettradeMqttProperties {

	/**
	 * Whether to enable the Settrade MQTT feed.
	 */
	private boolean enabled = true;

	/**
	 * Application id (API key) issued by the Settrade Open API console.
	 */
	private @Nullable String appId;

	/**
	 * Application secret: the base64 ECDSA P-256 private key issued with the app id.
	 */
	private @Nullable String appSecret;

	/**
	 * Application code the app is registered under.
	 */
	private @Nullable String appCode;

	/**
	 * Broker id: the broker's three digits, such as '063' (quoted in YAML), or 'SANDBOX'
	 * (any case) for the Settrade sandbox.
	 */
	private @Nullable String brokerId;

	/**
	 * Base URL of the Open API. Derived from the broker id when not set: the sandbox URL
	 * for 'SANDBOX', the production URL otherwise.
	 */
	private @Nullable String baseUrl;

	/**
	 * How long before the access token expires it is refreshed and the connection
	 * replaced.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration tokenRefreshBeforeExpiry = Duration.ofSeconds(300);

	/**
	 * Port of the MQTT over secure WebSocket endpoint, used when a dispatcher host
	 * carries none.
	 */
	private int port = 443;

	/**
	 * MQTT keep-alive interval.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration keepAlive = Duration.ofSeconds(30);

	/**
	 * MQTT connect timeout.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Prefix of the random MQTT client id generated for each connection.
	 */
	private String clientIdPrefix = "settrade-mqtt-";

	/**
	 * How MQTT connections present the dispatcher ticket.
	 */
	private CredentialMode credentialMode = CredentialMode.HEADER;

	/**
	 * How the connection is replaced before its token expires: 'overlap' (the new
	 * connection takes over with no gap) or 'restart' (close, then reconnect).
	 */
	private RotationStrategy rotation = RotationStrategy.OVERLAP;

	/**
	 * How long an overlap rotation may take before it falls back to a restart.
	 */
	@DurationUnit(ChronoUnit.SECONDS)
	private Duration rotationTimeout = Duration.ofSeconds(15);

	/**
	 * Whether a failed first connection fails start-up, rather than being retried in the
	 * background.
	 */
	private boolean failFast;

	/**
	 * Whether to connect when the application starts.
	 */
	private boolean autoStartup = true;

	private final Http http = new Http();

	private final Login login = new Login();

	private final Reconnect reconnect = new Reconnect();

	private final Ssl ssl = new Ssl();

	private final Subscriptions subscriptions = new Subscriptions();

	private final Delivery delivery = new Delivery();

	private final Liveness liveness = new Liveness();

	private final MarketHours marketHours = new MarketHours();

	private final Health health = new Health();

	private final Cluster cluster = new Cluster();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getAppId() {
		return this.appId;
	}

	public void setAppId(@Nullable String appId) {
		this.appId = appId;
	}

	public @Nullable String getAppSecret() {
		return this.appSecret;
	}

	public void setAppSecret(@Nullable String appSecret) {
		this.appSecret = appSecret;
	}

	public @Nullable String getAppCode() {
		return this.appCode;
	}

	public void setAppCode(@Nullable String appCode) {
		this.appCode = appCode;
	}

	public @Nullable String getBrokerId() {
		return this.brokerId;
	}

	public void setBrokerId(@Nullable String brokerId) {
		this.brokerId = brokerId;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getTokenRefreshBeforeExpiry() {
		return this.tokenRefreshBeforeExpiry;
	}

	public void setTokenRefreshBeforeExpiry(Duration tokenRefreshBeforeExpiry) {
		this.tokenRefreshBeforeExpiry = tokenRefreshBeforeExpiry;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Duration getKeepAlive() {
		return this.keepAlive;
	}

	public void setKeepAlive(Duration keepAlive) {
		this.keepAlive = keepAlive;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public String getClientIdPrefix() {
		return this.clientIdPrefix;
	}

	public void setClientIdPrefix(String clientIdPrefix) {
		this.clientIdPrefix = clientIdPrefix;
	}

	public CredentialMode getCredentialMode() {
		return this.credentialMode;
	}

	public void setCredentialMode(CredentialMode credentialMode) {
		this.credentialMode = credentialMode;
	}

	public RotationStrategy getRotation() {
		return this.rotation;
	}

	public void setRotation(RotationStrategy rotation) {
		this.rotation = rotation;
	}

	public Duration getRotationTimeout() {
		return this.rotationTimeout;
	}

	public void setRotationTimeout(Duration rotationTimeout) {
		this.rotationTimeout = rotationTimeout;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	public Http getHttp() {
		return this.http;
	}

	public Login getLogin() {
		return this.login;
	}

	public Reconnect getReconnect() {
		return this.reconnect;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Subscriptions getSubscriptions() {
		return this.subscriptions;
	}

	public Delivery getDelivery() {
		return this.delivery;
	}

	public Liveness getLiveness() {
		return this.liveness;
	}

	public Health getHealth() {
		return this.health;
	}

	public MarketHours getMarketHours() {
		return this.marketHours;
	}

	public Cluster getCluster() {
		return this.cluster;
	}

	/**
	 * Cluster mode: one Settrade connection per cluster, held by the replica elected
	 * leader.
	 */
	public static class Cluster {

		/**
		 * Whether only the replica elected leader logs in and holds the MQTT connection;
		 * needs a LockRegistry bean, or a DataSource and spring-integration-jdbc for the
		 * auto-configured JDBC one.
		 */
		private boolean enabled;

		/**
		 * Name of the leader election's role, which is also the key of the lock its
		 * leader holds: replicas with the same role and lock registry elect one leader.
		 */
		private String role = "settrade-mqtt";

		/**
		 * How often the leader renews its lock, and how long a replica waits for the lock
		 * in each attempt; a replica that has just given up leadership waits this long
		 * before it competes again.
		 */
		private Duration heartbeat = Duration.ofMillis(500);

		private final Jdbc jdbc = new Jdbc();

		private final Kafka kafka = new Kafka();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getRole() {
			return this.role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public Duration getHeartbeat() {
			return this.heartbeat;
		}

		public void setHeartbeat(Duration heartbeat) {
			this.heartbeat = heartbeat;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public Kafka getKafka() {
			return this.kafka;
		}

	}

	/**
	 * The fan-out of the leader's feed over Kafka; the connection to Kafka is Spring
	 * Boot's {@code spring.kafka.*}.
	 */
	public static class Kafka {

		/**
		 * Kafka topic the leader publishes the raw feed to and every replica reads: a
		 * compacted topic, keyed by Settrade topic.
		 */
		private String topic = "settrade-mqtt-feed";

		/**
		 * Number of partitions of the topic when it is created at start-up (through
		 * Spring Boot's KafkaAdmin); an existing topic is used as it is.
		 */
		private int partitions = 1;

		/**
		 * How long a replica's start waits at most for the last message of every Settrade
		 * topic to be read from Kafka and delivered, before it reports ready.
		 */
		private Duration catchUpTimeout = Duration.ofSeconds(30);

		/**
		 * How long a new leader waits at most for Kafka to take its term claim; past it,
		 * it gives leadership up.
		 */
		private Duration claimTimeout = Duration.ofSeconds(10);

		/**
		 * How long a graceful change of leader may overlap at most: the new leader's
		 * messages are de-duplicated against the old one's until they meet on every
		 * topic, or until this passes; then the old leader stops.
		 */
		private Duration handOverTimeout = Duration.ofSeconds(10);

		/**
		 * Subscriptions across the cluster.
		 */
		private final Claims claims = new Claims();

		public Claims getClaims() {
			return this.claims;
		}

		/**
		 * Return the claims topic: the one set, or the feed's followed by
		 * {@code -claims}.
		 * @return the claims topic
		 */
		public String getClaimsTopic() {
			String topic = this.claims.getTopic();
			return (topic != null) ? topic : this.topic + "-claims";
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(String topic) {
			this.topic = topic;
		}

		public int getPartitions() {
			return this.partitions;
		}

		public void setPartitions(int partitions) {
			this.partitions = partitions;
		}

		public Duration getCatchUpTimeout() {
			return this.catchUpTimeout;
		}

		public void setCatchUpTimeout(Duration catchUpTimeout) {
			this.catchUpTimeout = catchUpTimeout;
		}

		public Duration getClaimTimeout() {
			return this.claimTimeout;
		}

		public void setClaimTimeout(Duration claimTimeout) {
			this.claimTimeout = claimTimeout;
		}

		public Duration getHandOverTimeout() {
			return this.handOverTimeout;
		}

		public void setHandOverTimeout(Duration handOverTimeout) {
			this.handOverTimeout = handOverTimeout;
		}

	}

	/**
	 * Subscriptions across the cluster: each replica announces the Settrade topics it
	 * claims, and the leader subscribes what any replica claims.
	 */
	public static class Claims {

		/**
		 * Kafka topic the replicas announce their claims on: a compacted topic, one
		 * record per replica. Defaults to the feed's topic followed by "-claims".
		 */
		private @Nullable String topic;

		/**
		 * How often a replica announces its claims again when they did not change.
		 */
		private Duration refresh = Duration.ofSeconds(30);

		/**
		 * How long a replica's claims last after its last announcement: a replica that
		 * died without saying so keeps its topics subscribed this long.
		 */
		private Duration expiry = Duration.ofMinutes(2);

		public @Nullable String getTopic() {
			return this.topic;
		}

		public void setTopic(@Nullable String topic) {
			this.topic = topic;
		}

		public Duration getRefresh() {
			return this.refresh;
		}

		public void setRefresh(Duration refresh) {
			this.refresh = refresh;
		}

		public Duration getExpiry() {
			return this.expiry;
		}

		public void setExpiry(Duration expiry) {
			this.expiry = expiry;
		}

	}

	/**
	 * The auto-configured JDBC lock registry of the leader election.
	 */
	public static class Jdbc {

		/**
		 * How long the leader's lock lives without a renewal: the longest a cluster whose
		 * leader died stays without a connection, before another replica takes over.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeToLive = Duration.ofSeconds(10);

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

	/**
	 * The feed's health indicator.
	 */
	public static class Health {

		/**
		 * How long the connection may be down (connecting or reconnecting), or the feed
		 * deliver nothing while the market is open, before the health indicator reports
		 * DOWN.
		 */
		private @Nullable Duration connectGracePeriod;

		/**
		 * Return the connect grace period set under its old key.
		 * @return the grace period, or {@code null} when not set
		 * @deprecated since 0.2.0 in favour of
		 * {@code management.health.settrade.connect-grace-period}, where Boot keeps the
		 * settings of its own health indicators
		 */
		@Deprecated(since = "0.2.0")
		@DeprecatedConfigurationProperty(replacement = "management.health.settrade.connect-grace-period",
				since = "0.2.0")
		public @Nullable Duration getConnectGracePeriod() {
			return this.connectGracePeriod;
		}

		/**
		 * Set the connect grace period under its old key.
		 * @param connectGracePeriod the grace period
		 * @deprecated since 0.2.0 in favour of
		 * {@code management.health.settrade.connect-grace-period}
		 */
		@Deprecated(since = "0.2.0")
		public void setConnectGracePeriod(@Nullable Duration connectGracePeriod) {
			this.connectGracePeriod = connectGracePeriod;
		}

	}

	/**
	 * Delivery of decoded market data to the application.
	 */
	public static class Delivery {

		/**
		 * Number of threads that decode and deliver events to the market data channel and
		 * listener beans; a listener that blocks holds one of them. 0 decodes and
		 * delivers on the MQTT client's thread instead: no hand-off, so the lowest
		 * latency, but a slow listener then holds up the connection and nothing is
		 * conflated.
		 */
		private int threads = 4;

		/**
		 * How many order updates may wait for a slow consumer before further ones are
		 * dropped (and counted).
		 */
		private int orderQueueCapacity = 10_000;

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public int getOrderQueueCapacity() {
			return this.orderQueueCapacity;
		}

		public void setOrderQueueCapacity(int orderQueueCapacity) {
			this.orderQueueCapacity = orderQueueCapacity;
		}

	}

	/**
	 * Feed liveness.
	 */
	public static class Liveness {

		/**
		 * How long a subscribed topic may go without a message before it counts as
		 * silent.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration silenceThreshold = Duration.ofSeconds(60);

		/**
		 * How long the whole feed may go without a message while the market is open
		 * before a second connection is opened beside the current one, which may be
		 * half-open.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration feedSilenceTimeout = Duration.ofSeconds(30);

		/**
		 * Whether to act on silence while the market is open: subscribe a silent topic
		 * again, and replace a connection on which the whole feed went silent.
		 */
		private boolean heal = true;

		public Duration getSilenceThreshold() {
			return this.silenceThreshold;
		}

		public void setSilenceThreshold(Duration silenceThreshold) {
			this.silenceThreshold = silenceThreshold;
		}

		public Duration getFeedSilenceTimeout() {
			return this.feedSilenceTimeout;
		}

		public void setFeedSilenceTimeout(Duration feedSilenceTimeout) {
			this.feedSilenceTimeout = feedSilenceTimeout;
		}

		public boolean isHeal() {
			return this.heal;
		}

		public void setHeal(boolean heal) {
			this.heal = heal;
		}

	}

	/**
	 * When the market is open: silence outside these hours is never acted on nor reported
	 * as a fault.
	 */
	public static class MarketHours {

		/**
		 * Time zone of the sessions.
		 */
		private ZoneId zone = ZoneId.of("Asia/Bangkok");

		/**
		 * Trading days.
		 */
		private List<DayOfWeek> days = new ArrayList<>(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

		/**
		 * Daily sessions, each 'HH:mm-HH:mm' on the zone's clock; a session that ends
		 * before it starts runs past midnight, '00:00-24:00' is the whole day. By default
		 * the SET and TFEX day sessions.
		 */
		private List<String> sessions = new ArrayList<>(List.of("09:45-12:30", "14:15-16:55"));

		/**
		 * Dates on which the market stays closed, as ISO dates such as '2026-12-31'.
		 */
		private List<String> holidays = new ArrayList<>();

		public ZoneId getZone() {
			return this.zone;
		}

		public void setZone(ZoneId zone) {
			this.zone = zone;
		}

		public List<DayOfWeek> getDays() {
			return this.days;
		}

		public void setDays(List<DayOfWeek> days) {
			this.days = days;
		}

		public List<String> getSessions() {
			return this.sessions;
		}

		public void setSessions(List<String> sessions) {
			this.sessions = sessions;
		}

		public List<String> getHolidays() {
			return this.holidays;
		}

		public void setHolidays(List<String> holidays) {
			this.holidays = holidays;
		}

	}

	/**
	 * HTTP settings of the Open API REST calls.
	 */
	public static class Http {

		/**
		 * Connect timeout of the login, refresh and ticket requests.
		 */
		private Duration connectTimeout = Duration.ofSeconds(5);

		/**
		 * Read timeout of the login, refresh and ticket requests.
		 */
		private Duration readTimeout = Duration.ofSeconds(15);

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

	}

	/**
	 * Login settings.
	 */
	public static class Login {

		private final Retry retry = new Retry();

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retry of login, refresh and ticket requests that failed with an I/O error, a 5xx or
	 * a 429 status.
	 */
	public static class Retry {

		/**
		 * Maximum number of attempts, the first included.
		 */
		private int maxAttempts = 5;

		/**
		 * Delay before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Upper bound of the delay between attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/**
		 * Factor applied to the delay after each attempt.
		 */
		private double multiplier = 2.0;

		/**
		 * Random spread applied to each delay, as a fraction of it (0 to 1).
		 */
		private double jitter = 0.2;

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Reconnect settings after an unplanned connection loss.
	 */
	public static class Reconnect {

		/**
		 * Delay before the first reconnect attempt.
		 */
		private Duration minDelay = Duration.ofSeconds(1);

		/**
		 * Upper bound of the delay between reconnect attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(30);

		/**
		 * How long the feed must have stayed up, planned rotations included, for a loss
		 * to be met with the minimum reconnect delay again.
		 */
		private Duration stableAfter = Duration.ofSeconds(10);

		public Duration getStableAfter() {
			return this.stableAfter;
		}

		public void setStableAfter(Duration stableAfter) {
			this.stableAfter = stableAfter;
		}

		public Duration getMinDelay() {
			return this.minDelay;
		}

		public void setMinDelay(Duration minDelay) {
			this.minDelay = minDelay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * TLS settings of the REST calls and the MQTT connection.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle ('spring.ssl.bundle.*') holding the trust material. The
		 * JVM's default trust store is used when not set.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * Topics subscribed at start-up.
	 */
	public static class Subscriptions {

		/**
		 * Symbols whose ten-level order book (BidOfferV3) is subscribed.
		 */
		private List<String> bidOffer = new ArrayList<>();

		/**
		 * Symbols whose price information (InfoV3) is subscribed.
		 */
		private List<String> priceInfo = new ArrayList<>();

		/**
		 * Symbol and interval pairs whose candlesticks (CandlestickV3) are subscribed.
		 */
		private List<Candlestick> candlestick = new ArrayList<>();

		/**
		 * Equity markets whose exchange information (EquityExchangeInfoV3) is subscribed.
		 */
		private List<String> equityExchangeInfo = new ArrayList<>();

		/**
		 * Derivatives markets whose exchange information (DerivExchangeInfoV3) is
		 * subscribed.
		 */
		private List<String> derivativesExchangeInfo = new ArrayList<>();

		/**
		 * Accounts whose equity order updates (OrderEquityV3) are subscribed.
		 */
		private List<String> equityOrders = new ArrayList<>();

		/**
		 * Accounts whose derivatives order updates (OrderDerivV3) are subscribed.
		 */
		private List<String> derivativesOrders = new ArrayList<>();

		public List<String> getBidOffer() {
			return this.bidOffer;
		}

		public void setBidOffer(List<String> bidOffer) {
			this.bidOffer = bidOffer;
		}

		public List<String> getPriceInfo() {
			return this.priceInfo;
		}

		public void setPriceInfo(List<String> priceInfo) {
			this.priceInfo = priceInfo;
		}

		public List<Candlestick> getCandlestick() {
			return this.candlestick;
		}

		public void setCandlestick(List<Candlestick> candlestick) {
			this.candlestick = candlestick;
		}

		public List<String> getEquityExchangeInfo() {
			return this.equityExchangeInfo;
		}

		public void setEquityExchangeInfo(List<String> equityExchangeInfo) {
			this.equityExchangeInfo = equityExchangeInfo;
		}

		public List<String> getDerivativesExchangeInfo() {
			return this.derivativesExchangeInfo;
		}

		public void setDerivativesExchangeInfo(List<String> derivativesExchangeInfo) {
			this.derivativesExchangeInfo = derivativesExchangeInfo;
		}

		public List<String> getEquityOrders() {
			return this.equityOrders;
		}

		public void setEquityOrders(List<String> equityOrders) {
			this.equityOrders = equityOrders;
		}

		public List<String> getDerivativesOrders() {
			return this.derivativesOrders;
		}

		public void setDerivativesOrders(List<String> derivativesOrders) {
			this.derivativesOrders = derivativesOrders;
		}

	}

	/**
	 * A candlestick subscription.
	 */
	public static class Candlestick {

		/**
		 * Symbol.
		 */
		private @Nullable String symbol;

		/**
		 * Interval as the Settrade SDK spells it: a whole number of 'm' (minutes), 'd'
		 * (days), 'w' (weeks) or 'M' (months), such as '1m', '5m', '1d' or '1M'.
		 */
		private @Nullable String interval;

		public @Nullable String getSymbol() {
			return this.symbol;
		}

		public void setSymbol(@Nullable String symbol) {
			this.symbol = symbol;
		}

		public @Nullable String getInterval() {
			return this.interval;
		}

		public void setInterval(@Nullable String interval) {
			this.interval = interval;
		}

	}

}
