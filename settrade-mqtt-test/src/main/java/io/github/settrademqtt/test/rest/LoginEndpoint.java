package io.github.settrademqtt.test.rest;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;

import io.github.settrademqtt.test.rest.AppRegistry.RegisteredApp;
import io.github.settrademqtt.test.rest.JsonRequestBody.Timestamp;
import io.github.settrademqtt.test.rest.TokenStore.IssuedTokens;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * {@code POST /api/oam/v1/{brokerId}/broker-apps/{appCode}/login}: checks the app, the
 * timestamp window and the ECDSA signature, then issues an access and refresh token.
 *
 * @author settrade-mqtt
 */
public final class LoginEndpoint implements RestEndpoint {

	public static final String PATH = "/api/oam/v1/{brokerId}/broker-apps/{appCode}/login";

	private static final Logger logger = Loggers.getLogger(LoginEndpoint.class);

	private final AppRegistry apps;

	private final TokenStore tokens;

	private final ResponseBodies bodies;

	private final RestFaults faults;

	private final RequestCounters stats;

	private final IssuedSecrets secrets;

	private final Clock clock;

	private final Duration timestampTolerance;

	public LoginEndpoint(AppRegistry apps, TokenStore tokens, ResponseBodies bodies, RestFaults faults,
			RequestCounters stats, IssuedSecrets secrets, Clock clock, Duration timestampTolerance) {
		this.apps = apps;
		this.tokens = tokens;
		this.bodies = bodies;
		this.faults = faults;
		this.stats = stats;
		this.secrets = secrets;
		this.clock = clock;
		this.timestampTolerance = timestampTolerance;
	}

	@Override
	public SimulatorResponse handle(SimulatorRequest request) {
		this.stats.loginRequested();
		try {
			SimulatorResponse response = login(request);
			this.stats.loginSucceeded();
			return response;
		}
		catch (RejectedRequestException ex) {
			this.stats.loginRejected();
			logger.debug("Login rejected with {} {}", ex.status(), ex.code());
			throw ex;
		}
	}

	private SimulatorResponse login(SimulatorRequest request) {
		JsonRequestBody body = JsonRequestBody.read(request);
		// Every signature received is a secret the client must not leak, valid or not
		body.peekString("signature").ifPresent(this.secrets::remember);
		if (this.faults.takeLoginHang()) {
			throw new UnansweredRequestException();
		}
		OptionalInt injected = this.faults.takeLoginFailure();
		if (injected.isPresent()) {
			throw RejectedRequestException.injected(injected.getAsInt());
		}
		body.requireValid();
		String apiKey = body.requiredString("apiKey");
		String params = body.optionalString("params");
		String signature = body.requiredString("signature");
		Timestamp timestamp = body.requiredTimestamp("timestamp");
		RegisteredApp app = this.apps.find(apiKey, request.pathParam("appCode"), request.pathParam("brokerId"))
			.orElseThrow(() -> new RejectedRequestException(401, "APP_NOT_FOUND", "Unknown app id or app code"));
		long skewMillis = Math.abs(this.clock.millis() - timestamp.epochMillis());
		if (skewMillis > this.timestampTolerance.toMillis()) {
			throw new RejectedRequestException(401, "INVALID_TIMESTAMP", "Timestamp is outside the allowed window");
		}
		if (!LoginSignatureVerifier.verify(app.publicKey(), apiKey, params, timestamp.text(), signature)) {
			throw new RejectedRequestException(401, "INVALID_SIGNATURE", "Signature rejected");
		}
		IssuedTokens issued = this.tokens.issue(app);
		logger.debug("Login accepted for app {}: {}", app.appId(), issued);
		return SimulatorResponse.ok(this.bodies.tokens(issued));
	}

}
