package io.github.settrademqtt.autoconfigure;

import java.time.Duration;

import javax.net.ssl.SSLSocketFactory;

import io.github.settrademqtt.connection.ConnectionSettings;
import io.github.settrademqtt.support.ExponentialBackoff;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;

/**
 * Maps {@code settrade.mqtt.*} to the connection's settings.
 *
 * @author settrade-mqtt
 */
final class ConnectionSettingsMapper {

	/**
	 * Consecutive rejected logins before the connection reports that authentication
	 * failed, rather than a passing outage.
	 */
	private static final int AUTH_FAILURE_THRESHOLD = 2;

	/**
	 * How long closing a connection may take: Paho otherwise waits up to 30 s.
	 */
	private static final Duration DISCONNECT_TIMEOUT = Duration.ofMillis(500);

	private ConnectionSettingsMapper() {
	}

	static ConnectionSettings map(SettradeMqttProperties properties, SettradeConnectionDetails connectionDetails,
			ObjectProvider<SslBundles> sslBundles) {
		SettradeMqttProperties.Reconnect reconnect = properties.getReconnect();
		return new ConnectionSettings(connectionDetails.getBrokerId(), connectionDetails.getAppCode(),
				properties.getPort(), properties.getKeepAlive(), properties.getConnectTimeout(),
				properties.getClientIdPrefix(), properties.getCredentialMode(),
				socketFactory(properties.getSsl().getBundle(), sslBundles),
				new ExponentialBackoff(reconnect.getMinDelay(), reconnect.getMaxDelay(), 2.0, 0.2),
				reconnect.getStableAfter(), AUTH_FAILURE_THRESHOLD, properties.getRotation(),
				properties.getRotationTimeout(), DISCONNECT_TIMEOUT, properties.isFailFast());
	}

	private static @Nullable SSLSocketFactory socketFactory(@Nullable String bundle,
			ObjectProvider<SslBundles> sslBundles) {
		return (bundle != null) ? sslBundles.getObject().getBundle(bundle).createSslContext().getSocketFactory() : null;
	}

}
