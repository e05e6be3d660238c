package io.github.settrademqtt.login;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.retry.RetryOperations;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.util.Assert;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Speaks the Open API's authentication endpoints: login, refresh-token and the dispatcher
 * ticket. Each call is retried on I/O errors, 5xx and 429 with the given
 * {@link RetryOperations}; a login rejected while the local clock is off is retried once
 * with the skew read from the server's {@code Date} header.
 * <p>
 * This class keeps no token: {@link DefaultSettradeLoginService} does.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeLoginClient {

	private static final Log logger = LogFactory.getLog(SettradeLoginClient.class);

	/**
	 * Responses are a few hundred bytes; anything far larger is not Settrade talking.
	 */
	private static final int MAX_BODY_BYTES = 1024 * 1024;

	static final String LOGIN = "login";

	static final String REFRESH = "refresh-token";

	static final String TICKET = "dispatcher ticket";

	private final RestClient restClient;

	private final SettradeCredentials credentials;

	private final SettradeSigner signer;

	private final RetryOperations retry;

	private final ClockSkew clockSkew;

	private final LongSupplier nanoClock;

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final SettradeResponseReader reader = new SettradeResponseReader(this.mapper);

	/**
	 * Create a client on the system clocks.
	 * @param restClient the REST client (timeouts and TLS already applied)
	 * @param credentials where and as whom to log in
	 * @param signer the login signer
	 * @param retry how to retry failed calls
	 */
	public SettradeLoginClient(RestClient restClient, SettradeCredentials credentials, SettradeSigner signer,
			RetryOperations retry) {
		this(restClient, credentials, signer, retry, Clock.systemUTC(), System::nanoTime);
	}

	/**
	 * Create a client.
	 * @param restClient the REST client (timeouts and TLS already applied)
	 * @param credentials where and as whom to log in
	 * @param signer the login signer
	 * @param retry how to retry failed calls
	 * @param clock the wall clock login timestamps are taken from
	 * @param nanoClock the monotonic clock token lifetimes are measured on
	 */
	public SettradeLoginClient(RestClient restClient, SettradeCredentials credentials, SettradeSigner signer,
			RetryOperations retry, Clock clock, LongSupplier nanoClock) {
		Assert.notNull(restClient, "'restClient' must not be null");
		Assert.notNull(credentials, "'credentials' must not be null");
		Assert.notNull(signer, "'signer' must not be null");
		Assert.notNull(retry, "'retry' must not be null");
		this.restClient = restClient;
		this.credentials = credentials;
		this.signer = signer;
		this.retry = retry;
		this.clockSkew = new ClockSkew(clock);
		this.nanoClock = nanoClock;
	}

	/**
	 * Create the retry the client uses by default.
	 * @param maxAttempts the maximum number of attempts, the first included
	 * @param backOff the back-off between attempts
	 * @return the retry operations
	 */
	public static RetryOperations retry(int maxAttempts, ExponentialBackoff backOff) {
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(new RetryableFailureRetryPolicy(maxAttempts));
		template.setBackOffPolicy(backOff);
		return template;
	}

	/**
	 * Return the credentials this client logs in with.
	 * @return the credentials
	 */
	public SettradeCredentials getCredentials() {
		return this.credentials;
	}

	/**
	 * Log in with a freshly signed request.
	 * @return the access token
	 * @throws SettradeApiException if Settrade rejects the login or cannot be reached
	 */
	public AccessToken login() {
		try {
			return withRetry(LOGIN, this::attemptLogin);
		}
		catch (SettradeApiException ex) {
			boolean rejected = ex.isAuthenticationFailure() || ex.getStatus() == 400;
			if (!rejected || !this.clockSkew.learnFrom(ex.getServerDate())) {
				throw ex;
			}
			logger.warn("Settrade rejected the login while the local clock is " + describe(this.clockSkew.offset())
					+ " Settrade's; retrying once with the timestamp corrected by the server's Date header");
			return withRetry(LOGIN, this::attemptLogin);
		}
	}

	/**
	 * Obtain a new access token with the refresh token of the given one.
	 * @param token the current token, which must carry a refresh token
	 * @return the new access token
	 * @throws SettradeApiException if Settrade rejects the refresh or cannot be reached
	 */
	public AccessToken refresh(AccessToken token) {
		Assert.notNull(token.refreshToken(), "'token' must carry a refresh token");
		return withRetry(REFRESH, () -> {
			ObjectNode body = this.mapper.createObjectNode()
				.put("apiKey", this.credentials.appId())
				.put("refreshToken", token.refreshToken());
			return post(REFRESH, appPath("refresh-token"), body,
					(response, sentAtNanos) -> this.reader.readToken(REFRESH, response, sentAtNanos));
		});
	}

	/**
	 * Ask the dispatcher for the MQTT hosts and a ticket for one connection.
	 * @param token the access token to present
	 * @return the ticket
	 * @throws SettradeApiException if Settrade refuses (401 when the token is stale) or
	 * cannot be reached
	 */
	public DispatcherTicket dispatcherTicket(AccessToken token) {
		URI uri = uri("/api/dispatcher/v3/{brokerId}/token", this.credentials.brokerId());
		return withRetry(TICKET,
				() -> exchange(TICKET,
						this.restClient.get().uri(uri).header(HttpHeaders.AUTHORIZATION, token.authorization()),
						(response, sentAtNanos) -> this.reader.readTicket(TICKET, response, token)));
	}

	private AccessToken attemptLogin() {
		long timestamp = this.clockSkew.now().toEpochMilli();
		String params = "";
		String signature = this.signer.sign(SettradeSigner.loginContent(this.credentials.appId(), params, timestamp));
		ObjectNode body = this.mapper.createObjectNode()
			.put("apiKey", this.credentials.appId())
			.put("params", params)
			.put("signature", signature)
			.put("timestamp", Long.toString(timestamp));
		return post(LOGIN, appPath("login"), body,
				(response, sentAtNanos) -> this.reader.readToken(LOGIN, response, sentAtNanos));
	}

	private URI appPath(String action) {
		return uri("/api/oam/v1/{brokerId}/broker-apps/{appCode}/" + action, this.credentials.brokerId(),
				this.credentials.appCode());
	}

	private URI uri(String path, Object... variables) {
		return UriComponentsBuilder.fromUri(this.credentials.baseUrl())
			.path(path)
			.buildAndExpand(variables)
			.encode()
			.toUri();
	}

	private <T> T post(String operation, URI uri, ObjectNode body, BodyReader<T> bodyReader) {
		return exchange(operation,
				this.restClient.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body.toString()),
				bodyReader);
	}

	private <T> T exchange(String operation, RestClient.RequestHeadersSpec<?> request, BodyReader<T> bodyReader) {
		// a token's lifetime counts from before the request: never longer than the
		// server's
		long sentAtNanos = this.nanoClock.getAsLong();
		try {
			return request.accept(MediaType.APPLICATION_JSON).exchange((clientRequest, response) -> {
				HttpStatusCode status = response.getStatusCode();
				byte[] body = read(response.getBody());
				if (status.is2xxSuccessful()) {
					return bodyReader.read(body, sentAtNanos);
				}
				SettradeResponseReader.ErrorBody error = this.reader.readError(body);
				String detail = (error.message() != null) ? error.message() : "HTTP status " + status.value();
				throw new SettradeApiException(operation, status.value(), error.code(), detail,
						serverDate(response.getHeaders()), null);
			});
		}
		catch (ResourceAccessException ex) {
			throw new SettradeApiException(operation, SettradeApiException.NO_RESPONSE, null,
					"no response from " + this.credentials.baseUrl().getHost() + " ("
							+ ex.getMostSpecificCause().getClass().getSimpleName() + ": "
							+ ex.getMostSpecificCause().getMessage() + ")",
					null, ex);
		}
	}

	private static byte[] read(InputStream body) throws IOException {
		try (body) {
			return body.readNBytes(MAX_BODY_BYTES);
		}
	}

	private static @Nullable Instant serverDate(HttpHeaders headers) {
		try {
			long date = headers.getDate();
			return (date > 0) ? Instant.ofEpochMilli(date) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private <T> T withRetry(String operation, Supplier<T> call) {
		return this.retry.execute((context) -> {
			if (context.getRetryCount() > 0 && logger.isDebugEnabled()) {
				logger.debug("Retrying Settrade " + operation + " (attempt " + (context.getRetryCount() + 1)
						+ ") after: " + context.getLastThrowable().getMessage());
			}
			return call.get();
		});
	}

	private static String describe(Duration offset) {
		return offset.abs().toSeconds() + " s" + (offset.isNegative() ? " ahead of" : " behind");
	}

	@FunctionalInterface
	private interface BodyReader<T> {

		T read(byte[] body, long sentAtNanos);

	}

}
