package io.github.settrademqtt.connection;

import java.time.Duration;

import javax.net.ssl.SSLSocketFactory;

import io.github.settrademqtt.support.ExponentialBackoff;
import org.jspecify.annotations.Nullable;

/**
 * How to open and keep the MQTT connection.
 *
 * @param brokerId the broker id as sent on the wire
 * @param appCode the app code, the MQTT user name in {@link CredentialMode#PASSWORD} mode
 * @param port the port for hosts that carry none
 * @param keepAlive the MQTT keep-alive interval
 * @param connectTimeout how long one connection attempt may take
 * @param clientIdPrefix the prefix of each connection's random client id
 * @param credentialMode how the ticket is presented
 * @param socketFactory the TLS socket factory, or {@code null} for the JVM's default
 * trust
 * @param reconnectBackoff the delays between reconnect attempts
 * @param stableAfter how long the feed must have stayed up, rotations included, for a
 * loss to be met with the shortest back-off again
 * @param authFailureThreshold consecutive rejected logins before the state becomes
 * {@link ConnectionState#AUTH_FAILED}
 * @param rotation the rotation strategy
 * @param rotationTimeout how long an overlap rotation may take before it falls back to a
 * restart
 * @param disconnectTimeout how long closing a connection may take
 * @param failFast whether a failed first connection fails start-up
 * @author settrade-mqtt
 * @since 0.1.0
 */
public record ConnectionSettings(String brokerId, String appCode, int port, Duration keepAlive, Duration connectTimeout,
		String clientIdPrefix, CredentialMode credentialMode, @Nullable SSLSocketFactory socketFactory,
		ExponentialBackoff reconnectBackoff, Duration stableAfter, int authFailureThreshold, RotationStrategy rotation,
		Duration rotationTimeout, Duration disconnectTimeout, boolean failFast) {

}
