package io.github.settrademqtt.autoconfigure;

import javax.net.ssl.SSLException;

import io.github.settrademqtt.connection.SettradeConnectionException;
import io.github.settrademqtt.login.SettradeApiException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a first connection that failed with {@code settrade.mqtt.fail-fast=true}: a
 * login Settrade rejected (wrong secret, unknown app), an untrusted certificate, or a
 * service out of reach, each with the properties to check. The exception messages it
 * quotes carry no secret.
 *
 * @author settrade-mqtt
 */
class SettradeConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SettradeConnectionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SettradeConnectionException cause) {
		SSLException tls = findCause(cause, SSLException.class);
		if (tls != null) {
			return new FailureAnalysis(
					"Could not connect to Settrade: the server's TLS certificate is not trusted (" + tls.getMessage()
							+ ").",
					"Make the certificate trusted: set settrade.mqtt.ssl.bundle to an SSL bundle "
							+ "(spring.ssl.bundle.*) holding the certificate or its issuing CA, or add it to the JVM's "
							+ "trust store. The starter never turns TLS verification off.",
					cause);
		}
		SettradeApiException api = findCause(cause, SettradeApiException.class);
		if (api != null && (api.isAuthenticationFailure() || api.getStatus() == 400)) {
			return new FailureAnalysis("Settrade rejected the login: " + api.getMessage(), loginAction(api), cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Check that Settrade is reachable from this host (settrade.mqtt.base-url, or the URL the broker id "
						+ "implies), or set settrade.mqtt.fail-fast=false to start anyway and keep trying in the "
						+ "background.",
				cause);
	}

	private static String loginAction(SettradeApiException api) {
		String code = String.valueOf(api.getErrorCode()).toUpperCase(java.util.Locale.ROOT);
		String message = String.valueOf(api.getMessage()).toLowerCase(java.util.Locale.ROOT);
		String credentials = "Check settrade.mqtt.app-id, settrade.mqtt.app-code and settrade.mqtt.broker-id "
				+ "(SANDBOX for the sandbox) against the Settrade Open API console.";
		String secret = "Check that settrade.mqtt.app-secret is the secret issued with settrade.mqtt.app-id, "
				+ "copied whole from the Settrade Open API console.";
		if (code.contains("SIGNATURE") || message.contains("signature")) {
			return secret;
		}
		if (code.contains("NOT_FOUND") || message.contains("unknown")) {
			return credentials;
		}
		return credentials + " " + secret;
	}

}
