package io.github.settrademqtt.test.rest;

import io.github.settrademqtt.test.rest.AppRegistry.RegisteredApp;
import io.github.settrademqtt.test.rest.TokenStore.IssuedTokens;
import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * {@code POST /api/oam/v1/{brokerId}/broker-apps/{appCode}/refresh-token}: exchanges a
 * refresh token for a new token pair.
 *
 * @author settrade-mqtt
 */
public final class RefreshTokenEndpoint implements RestEndpoint {

	public static final String PATH = "/api/oam/v1/{brokerId}/broker-apps/{appCode}/refresh-token";

	private static final Logger logger = Loggers.getLogger(RefreshTokenEndpoint.class);

	private final AppRegistry apps;

	private final TokenStore tokens;

	private final ResponseBodies bodies;

	private final RestFaults faults;

	private final RequestCounters stats;

	public RefreshTokenEndpoint(AppRegistry apps, TokenStore tokens, ResponseBodies bodies, RestFaults faults,
			RequestCounters stats) {
		this.apps = apps;
		this.tokens = tokens;
		this.bodies = bodies;
		this.faults = faults;
		this.stats = stats;
	}

	@Override
	public SimulatorResponse handle(SimulatorRequest request) {
		this.stats.refreshRequested();
		try {
			SimulatorResponse response = refresh(request);
			this.stats.refreshSucceeded();
			return response;
		}
		catch (RejectedRequestException ex) {
			this.stats.refreshRejected();
			logger.debug("Refresh rejected with {} {}", ex.status(), ex.code());
			throw ex;
		}
	}

	private SimulatorResponse refresh(SimulatorRequest request) {
		if (this.faults.takeRefreshHang()) {
			throw new UnansweredRequestException();
		}
		JsonRequestBody body = JsonRequestBody.read(request);
		body.requireValid();
		String apiKey = body.requiredString("apiKey");
		String refreshToken = body.requiredString("refreshToken");
		RegisteredApp app = this.apps.find(apiKey, request.pathParam("appCode"), request.pathParam("brokerId"))
			.orElseThrow(() -> new RejectedRequestException(401, "APP_NOT_FOUND", "Unknown app id or app code"));
		if (this.faults.isRefreshRejected()) {
			throw invalidRefreshToken();
		}
		IssuedTokens issued = this.tokens.refresh(refreshToken, app)
			.orElseThrow(RefreshTokenEndpoint::invalidRefreshToken);
		logger.debug("Refresh accepted for app {}: {}", app.appId(), issued);
		return SimulatorResponse.ok(this.bodies.tokens(issued));
	}

	private static RejectedRequestException invalidRefreshToken() {
		return new RejectedRequestException(401, "INVALID_REFRESH_TOKEN", "Refresh token is invalid or expired");
	}

}
