package io.github.settrademqtt.test;

import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.github.settrademqtt.test.rest.AppRegistry.RegisteredApp;
import io.github.settrademqtt.test.mqtt.DeniedSubscriptions;
import io.github.settrademqtt.test.mqtt.MoquetteBroker;
import io.github.settrademqtt.test.mqtt.MqttAdmission;
import io.github.settrademqtt.test.mqtt.MqttConnections;
import io.github.settrademqtt.test.mqtt.MqttRelay;
import io.github.settrademqtt.test.mqtt.MqttWebSocketEndpoint;
import io.github.settrademqtt.test.mqtt.SubscriptionErrors;
import io.github.settrademqtt.test.rest.AppRegistry;
import io.github.settrademqtt.test.rest.DispatcherTicketEndpoint;
import io.github.settrademqtt.test.rest.HungRequests;
import io.github.settrademqtt.test.rest.IssuedSecrets;
import io.github.settrademqtt.test.rest.LoginEndpoint;
import io.github.settrademqtt.test.rest.P256Keys;
import io.github.settrademqtt.test.rest.RefreshTokenEndpoint;
import io.github.settrademqtt.test.rest.RequestCounters;
import io.github.settrademqtt.test.rest.ResponseBodies;
import io.github.settrademqtt.test.rest.ResponseHeaders;
import io.github.settrademqtt.test.rest.RestFaults;
import io.github.settrademqtt.test.rest.RestRoutes;
import io.github.settrademqtt.test.rest.SimulatorCertificate;
import io.github.settrademqtt.test.rest.SimulatorServer;
import io.github.settrademqtt.test.rest.TicketStore;
import io.github.settrademqtt.test.rest.TokenStore;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * An in-process simulator of the Settrade Open API: login, token refresh and the
 * dispatcher ticket over real HTTPS with a self-signed certificate, enforcing the real
 * protocol (registered apps, timestamp window, ECDSA P-256 signatures, token expiry), and
 * the realtime feed: MQTT 3.1.1 over secure WebSocket on the same port, opened with
 * dispatcher tickets (see {@link #mqtt()}), with a market data generator (see
 * {@link #market()}). <pre class="code">
 * try (SettradeSimulator simulator = SettradeSimulator.builder().build()) {
 *     simulator.start();
 *     SimulatedApp app = simulator.registerApp();
 *     // point the client at simulator.baseUrl(), trusting simulator.trustStore()
 * }
 * </pre> Faults, response shapes and counters can be changed at any time, from any
 * thread.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 * @see SettradeSimulatorExtension
 * @see EmbeddedSettrade
 */
public final class SettradeSimulator implements AutoCloseable {

	/**
	 * The property in which {@link #springProperties(SimulatedApp, String)} announces the
	 * simulator's base URL, so that the starter can tell the simulator from another
	 * server on the loopback interface.
	 */
	public static final String BASE_URL_PROPERTY = "settrade.simulator.base-url";

	private static final Logger logger = Loggers.getLogger(SettradeSimulator.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private final SecureRandom random = new SecureRandom();

	private final String brokerId;

	private final AppRegistry apps = new AppRegistry();

	private final IssuedSecrets secrets = new IssuedSecrets();

	private final TokenStore tokens;

	private final TicketStore tickets;

	private final ResponseBodies bodies = new ResponseBodies();

	private final RestFaults pendingFaults = new RestFaults();

	private final SimulatorFaults faults;

	private final RequestCounters counters = new RequestCounters();

	private final SimulatorStats stats = new SimulatorStats(this.counters);

	private final HungRequests hungRequests = new HungRequests(this.counters);

	private final LoginEndpoint login;

	private final RefreshTokenEndpoint refresh;

	private final DispatcherTicketEndpoint dispatcherTicket;

	private final RestRoutes restRoutes;

	private final MoquetteBroker broker;

	private final SimulatorMqtt mqtt;

	private final MqttConnections mqttConnections;

	private final SimulatorMarket market;

	private final MqttWebSocketEndpoint mqttEndpoint;

	private @Nullable SimulatorCertificate certificate;

	private @Nullable SimulatorServer server;

	private volatile int port = -1;

	private SettradeSimulator(Builder builder) {
		this.brokerId = builder.brokerId;
		this.tokens = new TokenStore(builder.clock, builder.tokenLifetime, builder.refreshTokenLifetime, this.secrets);
		this.tickets = new TicketStore(builder.clock, this.secrets);
		this.faults = new SimulatorFaults(this.pendingFaults, this.tokens::revokeAccessTokens,
				this.hungRequests::releaseAll);
		this.login = new LoginEndpoint(this.apps, this.tokens, this.bodies, this.pendingFaults, this.counters,
				this.secrets, builder.clock, builder.timestampTolerance);
		this.refresh = new RefreshTokenEndpoint(this.apps, this.tokens, this.bodies, this.pendingFaults, this.counters);
		this.dispatcherTicket = new DispatcherTicketEndpoint(this.tokens, this.tickets, this.bodies, this.pendingFaults,
				this.counters, () -> this.pendingFaults.currentDispatcherHosts(port()));
		this.restRoutes = new RestRoutes(new ResponseHeaders(builder.clock), this.pendingFaults::currentLatency,
				this.hungRequests);
		DeniedSubscriptions deniedSubscriptions = new DeniedSubscriptions();
		SubscriptionErrors subscriptionErrors = new SubscriptionErrors();
		MqttAdmission admission = new MqttAdmission(this.tickets, this.secrets);
		this.mqttConnections = new MqttConnections(builder.clock);
		MqttConnections connections = this.mqttConnections;
		this.broker = new MoquetteBroker(deniedSubscriptions, subscriptionErrors);
		this.mqtt = new SimulatorMqtt(builder.credentialMode, this.broker, admission, connections, deniedSubscriptions,
				subscriptionErrors);
		this.market = new SimulatorMarket(this.mqtt);
		this.mqttEndpoint = new MqttWebSocketEndpoint(builder.credentialMode, admission,
				new MqttRelay(this.broker, admission, connections));
	}

	/**
	 * Returns a builder with the defaults: 30 minute access tokens, 2 hour refresh
	 * tokens, a 60 second timestamp tolerance, broker {@code 063}, the system UTC clock
	 * and MQTT tickets in the {@code Authorization} header.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the HTTPS server on {@code 127.0.0.1} and a random port, generating the TLS
	 * certificate on first start. Does nothing when already running. A restarted
	 * simulator keeps its certificate, apps and tokens but gets a new port. The MQTT
	 * broker starts later, with the first MQTT connection.
	 * @return this simulator
	 */
	public synchronized SettradeSimulator start() {
		if (this.server != null) {
			return this;
		}
		if (this.certificate == null) {
			this.certificate = SimulatorCertificate.generate();
		}
		SimulatorServer server = new SimulatorServer(this.certificate, this::registerRoutes);
		server.start();
		this.server = server;
		this.port = server.port();
		logger.debug("Settrade simulator listening on {}", baseUrl());
		return this;
	}

	private void registerRoutes(HttpServerRoutes routes) {
		this.restRoutes.post(routes, LoginEndpoint.PATH, this.login);
		this.restRoutes.post(routes, RefreshTokenEndpoint.PATH, this.refresh);
		this.restRoutes.get(routes, DispatcherTicketEndpoint.PATH, this.dispatcherTicket);
		routes.get(MqttWebSocketEndpoint.PATH, this.mqttEndpoint::handle);
		// Routes match in registration order: anything added later goes above this
		// catch-all
		this.restRoutes.notFound(routes);
	}

	/**
	 * Stops the market generator, the server with every connection (stalled MQTT
	 * connections and hung requests included), and the MQTT broker; returns once their
	 * threads are gone. Does nothing when not running.
	 */
	public synchronized void stop() {
		SimulatorServer server = this.server;
		this.server = null;
		this.port = -1;
		this.market.stop();
		this.hungRequests.releaseAll();
		if (server != null) {
			// The server's shutdown alone did not always close a stalled connection
			this.mqttConnections.closeAll(STOP_TIMEOUT);
			// Before the broker, so that clients lose their connections at once rather
			// than through the broker's graceful shutdown
			server.stop();
			logger.debug("Settrade simulator stopped");
		}
		this.broker.stop();
	}

	/**
	 * Stops the simulator, like {@link #stop()}.
	 */
	@Override
	public void close() {
		stop();
	}

	/**
	 * Returns whether the server is running.
	 * @return whether the server is running
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * Returns the port the server listens on.
	 * @return the port
	 * @throws IllegalStateException when not running
	 */
	public int port() {
		int port = this.port;
		if (port < 0) {
			throw new IllegalStateException("Settrade simulator is not running");
		}
		return port;
	}

	/**
	 * Returns the base URL to configure a client with. It names {@code localhost}, which
	 * the certificate is issued for, so clients keep hostname verification on.
	 * @return {@code https://localhost:<port>}
	 * @throws IllegalStateException when not running
	 */
	public String baseUrl() {
		return "https://" + dispatcherHost();
	}

	/**
	 * Returns the MQTT host the ticket endpoint hands out unless
	 * {@link SimulatorFaults#dispatcherHosts(String...)} says otherwise: this server,
	 * since the MQTT WebSocket endpoint shares its port.
	 * @return {@code localhost:<port>}
	 * @throws IllegalStateException when not running
	 */
	public String dispatcherHost() {
		return "localhost:" + port();
	}

	/**
	 * Returns the broker id apps are registered under by default.
	 * @return the broker id
	 */
	public String brokerId() {
		return this.brokerId;
	}

	/**
	 * Registers a new app with a freshly generated P-256 key pair and random app id and
	 * app code, under the default broker id.
	 * @return the app's credentials, secret included
	 */
	public SimulatedApp registerApp() {
		KeyPair keyPair = P256Keys.generate();
		String appSecret = P256Keys.encodeSecret((ECPrivateKey) keyPair.getPrivate());
		String appId = randomAlphanumeric(20);
		String appCode = "APP" + randomAlphanumeric(6).toUpperCase(Locale.ROOT);
		this.secrets.remember(appSecret);
		this.apps.register(new RegisteredApp(appId, appCode, this.brokerId, (ECPublicKey) keyPair.getPublic()));
		return new SimulatedApp(appId, appSecret, appCode, this.brokerId);
	}

	/**
	 * Registers an app whose public key is known, under the default broker id, replacing
	 * any app registered with the same app id.
	 * @param appId the app id (the {@code apiKey} of login requests)
	 * @param appCode the app code (in the login path)
	 * @param publicKey the P-256 public key login signatures are verified with
	 */
	public void registerApp(String appId, String appCode, ECPublicKey publicKey) {
		requireText(appId, "appId");
		requireText(appCode, "appCode");
		Objects.requireNonNull(publicKey, "'publicKey' must not be null");
		if (!P256Keys.isP256(publicKey)) {
			throw new IllegalArgumentException("'publicKey' must be on curve P-256 (secp256r1)");
		}
		this.apps.register(new RegisteredApp(appId, appCode, this.brokerId, publicKey));
	}

	/**
	 * Returns the server's self-signed certificate in PEM form, to trust it (for example
	 * as a Spring Boot PEM SSL bundle).
	 * @return the PEM text
	 * @throws IllegalStateException when never started
	 */
	public String trustedCertificatePem() {
		return certificate().pem();
	}

	/**
	 * Returns the server's self-signed certificate.
	 * @return the certificate
	 * @throws IllegalStateException when never started
	 */
	public X509Certificate trustedCertificate() {
		return certificate().certificate();
	}

	/**
	 * Returns a new in-memory trust store holding the server's certificate, for
	 * {@code TrustManagerFactory.init(KeyStore)}.
	 * @return a PKCS12 trust store without a password
	 * @throws IllegalStateException when never started
	 */
	public KeyStore trustStore() {
		return certificate().trustStore();
	}

	private synchronized SimulatorCertificate certificate() {
		if (this.certificate == null) {
			throw new IllegalStateException("Settrade simulator has not been started: no certificate yet");
		}
		return this.certificate;
	}

	/**
	 * Returns the fault injection settings.
	 * @return the faults
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Returns the MQTT side: publishing, connection and subscription state, the record of
	 * presented tickets, and MQTT faults.
	 * @return the MQTT side
	 */
	public SimulatorMqtt mqtt() {
		return this.mqtt;
	}

	/**
	 * Returns the market data generator, which publishes through {@link #mqtt()}.
	 * @return the market
	 */
	public SimulatorMarket market() {
		return this.market;
	}

	/**
	 * Sets the shape of successful responses.
	 * @param style the response style
	 * @return this simulator
	 */
	public SettradeSimulator responseStyle(ResponseStyle style) {
		this.bodies.style(style);
		return this;
	}

	/**
	 * Returns the shape of successful responses.
	 * @return the response style
	 */
	public ResponseStyle responseStyle() {
		return this.bodies.style();
	}

	/**
	 * Returns the request counters.
	 * @return the counters
	 */
	public SimulatorStats stats() {
		return this.stats;
	}

	/**
	 * Returns every secret that passed through the simulator since it was built: access
	 * tokens, refresh tokens and dispatcher tickets issued, tickets presented to the MQTT
	 * endpoint, login signatures received and the secrets of apps it generated. A
	 * secret-hygiene test asserts that none of them appears in logs or exception
	 * messages. Not cleared by {@link #reset()}.
	 * @return an immutable snapshot
	 */
	public Set<String> issuedSecrets() {
		return this.secrets.snapshot();
	}

	/**
	 * Consumes a dispatcher ticket, as the MQTT endpoint does when a connection opens: a
	 * ticket opens one connection only.
	 * @param ticket the ticket presented
	 * @return what the ticket was issued for, or empty when it is unknown, already used
	 * or expired
	 */
	public Optional<TicketInfo> consumeTicket(String ticket) {
		Objects.requireNonNull(ticket, "'ticket' must not be null");
		return this.tickets.consume(ticket);
	}

	/**
	 * Puts faults, counters and the response style back to their defaults, MQTT faults
	 * and counters included ({@link SimulatorMqtt#reset()}), closes the connections of
	 * hung REST requests without a response, stops the market generator and restarts its
	 * sequence numbers. Registered apps, issued tokens, the secret ledger and open MQTT
	 * connections are kept; stalled ones stay stalled.
	 */
	public void reset() {
		this.faults.reset();
		this.stats.reset();
		this.bodies.style(ResponseStyle.SNAKE_CASE);
		this.mqtt.reset();
		this.market.reset();
	}

	/**
	 * Returns the properties that point the settrade-mqtt starter at this simulator:
	 * {@code settrade.mqtt.base-url}, {@code app-id}, {@code app-secret},
	 * {@code app-code}, {@code broker-id}, {@code ssl.bundle}, the Spring Boot PEM SSL
	 * bundle {@code spring.ssl.bundle.pem.<name>.truststore.certificate} holding the
	 * certificate inline, and {@value #BASE_URL_PROPERTY}, which announces this base URL
	 * as the simulator's (the starter's {@code /actuator/info} then says
	 * {@code simulator}).
	 * @param app the app whose credentials to use
	 * @param sslBundleName the name of the SSL bundle to define
	 * @return the properties, in a stable order
	 * @throws IllegalStateException when not running
	 */
	public Map<String, String> springProperties(SimulatedApp app, String sslBundleName) {
		Objects.requireNonNull(app, "'app' must not be null");
		requireText(sslBundleName, "sslBundleName");
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("settrade.mqtt.base-url", baseUrl());
		properties.put("settrade.mqtt.app-id", app.appId());
		properties.put("settrade.mqtt.app-secret", app.appSecret());
		properties.put("settrade.mqtt.app-code", app.appCode());
		properties.put("settrade.mqtt.broker-id", app.brokerId());
		properties.put("settrade.mqtt.ssl.bundle", sslBundleName);
		properties.put("spring.ssl.bundle.pem." + sslBundleName + ".truststore.certificate", trustedCertificatePem());
		properties.put(BASE_URL_PROPERTY, baseUrl());
		return Collections.unmodifiableMap(properties);
	}

	/**
	 * Returns how many hung REST requests still hold their connection open.
	 * @return the number of open hung requests
	 */
	int openHungRequests() {
		return this.hungRequests.pending();
	}

	/**
	 * App ids and codes are identifiers, not secrets: they stay out of the secret ledger
	 * and use characters that need no escaping in a path.
	 */
	private String randomAlphanumeric(int length) {
		StringBuilder builder = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			builder.append(ALPHANUMERIC.charAt(this.random.nextInt(ALPHANUMERIC.length())));
		}
		return builder.toString();
	}

	private static void requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("'" + name + "' must not be empty");
		}
	}

	@Override
	public String toString() {
		int port = this.port;
		return "SettradeSimulator[" + ((port < 0) ? "stopped" : "https://localhost:" + port) + ", brokerId="
				+ this.brokerId + ", mqttCredentialMode=" + this.mqtt.credentialMode() + "]";
	}

	/**
	 * Builder for {@link SettradeSimulator}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private Duration tokenLifetime = Duration.ofMinutes(30);

		private Duration refreshTokenLifetime = Duration.ofHours(2);

		private Duration timestampTolerance = Duration.ofSeconds(60);

		private String brokerId = "063";

		private Clock clock = Clock.systemUTC();

		private MqttCredentialMode credentialMode = MqttCredentialMode.HEADER;

		private Builder() {
		}

		/**
		 * Sets the access token lifetime, reported as {@code expires_in}. Tickets expire
		 * with the access token they were obtained with.
		 * @param tokenLifetime the lifetime, positive
		 * @return this builder
		 */
		public Builder tokenLifetime(Duration tokenLifetime) {
			this.tokenLifetime = requirePositive(tokenLifetime, "tokenLifetime");
			return this;
		}

		/**
		 * Sets the refresh token lifetime, reported as {@code refresh_expires_in}.
		 * @param refreshTokenLifetime the lifetime, positive
		 * @return this builder
		 */
		public Builder refreshTokenLifetime(Duration refreshTokenLifetime) {
			this.refreshTokenLifetime = requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
			return this;
		}

		/**
		 * Sets how far a login timestamp may be from the server clock, either way.
		 * @param timestampTolerance the tolerance, zero or positive
		 * @return this builder
		 */
		public Builder timestampTolerance(Duration timestampTolerance) {
			Objects.requireNonNull(timestampTolerance, "'timestampTolerance' must not be null");
			if (timestampTolerance.isNegative()) {
				throw new IllegalArgumentException("'timestampTolerance' must not be negative");
			}
			this.timestampTolerance = timestampTolerance;
			return this;
		}

		/**
		 * Sets the broker id apps are registered under.
		 * @param brokerId the broker id, e.g. {@code 063}
		 * @return this builder
		 */
		public Builder brokerId(String brokerId) {
			requireText(brokerId, "brokerId");
			this.brokerId = brokerId;
			return this;
		}

		/**
		 * Sets the server clock: the reference for login timestamps, token expiry (MQTT
		 * connections included) and the {@code Date} header (not for the TLS certificate,
		 * which clients check against their own clock).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
			return this;
		}

		/**
		 * Sets where the MQTT endpoint expects dispatcher tickets.
		 * @param credentialMode the credential mode, {@link MqttCredentialMode#HEADER} by
		 * default
		 * @return this builder
		 */
		public Builder credentialMode(MqttCredentialMode credentialMode) {
			this.credentialMode = Objects.requireNonNull(credentialMode, "'credentialMode' must not be null");
			return this;
		}

		/**
		 * Builds a simulator; {@link SettradeSimulator#start()} starts it.
		 * @return the simulator
		 */
		public SettradeSimulator build() {
			return new SettradeSimulator(this);
		}

		private static Duration requirePositive(Duration duration, String name) {
			Objects.requireNonNull(duration, "'" + name + "' must not be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("'" + name + "' must be positive");
			}
			return duration;
		}

	}

}
