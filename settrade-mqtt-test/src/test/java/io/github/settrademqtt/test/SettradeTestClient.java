package io.github.settrademqtt.test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Settrade client for the tests, written from the protocol page with the JDK
 * HTTP client and JCA only, so that it shares no code with the simulator it checks.
 */
final class SettradeTestClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String baseUrl;

	private final Clock clock;

	SettradeTestClient(String baseUrl, SSLContext sslContext) {
		this(baseUrl, sslContext, Clock.systemUTC());
	}

	/**
	 * Creates a client whose login timestamps come from {@code clock}, to stay in step
	 * with a simulator whose clock a test moves.
	 */
	SettradeTestClient(String baseUrl, SSLContext sslContext, Clock clock) {
		this.baseUrl = baseUrl;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.sslContext(sslContext)
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	static SettradeTestClient trusting(SettradeSimulator simulator) {
		return new SettradeTestClient(simulator.baseUrl(), sslContext(simulator.trustStore()));
	}

	static SettradeTestClient trusting(SettradeSimulator simulator, Clock clock) {
		return new SettradeTestClient(simulator.baseUrl(), sslContext(simulator.trustStore()), clock);
	}

	static SSLContext sslContext(KeyStore trustStore) {
		try {
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<String> login(SimulatedApp app) {
		return login(app, this.clock.instant());
	}

	HttpResponse<String> login(SimulatedApp app, Instant timestamp) {
		String ts = Long.toString(timestamp.toEpochMilli());
		return postJson(loginPath(app), loginBody(app.appId(), "", ts, sign(app.appSecret(), app.appId() + ".." + ts)));
	}

	/**
	 * Logs in and returns the parsed snake-case body, failing unless the login succeeds.
	 */
	JsonNode loginOk(SimulatedApp app) {
		HttpResponse<String> response = login(app);
		if (response.statusCode() != 200) {
			throw new AssertionError("Login failed: " + response.statusCode() + " " + response.body());
		}
		return json(response);
	}

	HttpResponse<String> refresh(SimulatedApp app, String refreshToken) {
		ObjectNode body = JSON.createObjectNode();
		body.put("apiKey", app.appId());
		body.put("refreshToken", refreshToken);
		return postJson("/api/oam/v1/" + app.brokerId() + "/broker-apps/" + app.appCode() + "/refresh-token",
				body.toString());
	}

	HttpResponse<String> ticket(String brokerId, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/dispatcher/v3/" + brokerId + "/token")).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request.build());
	}

	CompletableFuture<HttpResponse<String>> ticketAsync(String brokerId) {
		return sendAsync(HttpRequest.newBuilder(uri("/api/dispatcher/v3/" + brokerId + "/token")).build());
	}

	CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> postJson(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	static String loginPath(SimulatedApp app) {
		return "/api/oam/v1/" + app.brokerId() + "/broker-apps/" + app.appCode() + "/login";
	}

	static String loginBody(String apiKey, String params, String timestamp, String signature) {
		ObjectNode body = JSON.createObjectNode();
		body.put("apiKey", apiKey);
		body.put("params", params);
		body.put("signature", signature);
		body.put("timestamp", timestamp);
		return body.toString();
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/**
	 * Signs as the protocol page says: ECDSA P-256 / SHA-256 over the UTF-8 content, DER
	 * as lower-case hex, the key being the base64 private scalar of the app secret.
	 */
	static String sign(String appSecret, String content) {
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(privateKey(appSecret));
			signer.update(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static ECPrivateKey privateKey(String appSecret) throws GeneralSecurityException {
		byte[] scalar = Base64.getDecoder().decode(appSecret.strip());
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
		return (ECPrivateKey) KeyFactory.getInstance("EC")
			.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), params));
	}

}
