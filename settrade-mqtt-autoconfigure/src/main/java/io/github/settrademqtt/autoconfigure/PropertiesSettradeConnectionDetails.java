package io.github.settrademqtt.autoconfigure;

import java.net.URI;

import io.github.settrademqtt.login.AppSecret;
import io.github.settrademqtt.login.SettradeEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * {@link SettradeConnectionDetails} from {@link SettradeMqttProperties}, which must have
 * passed {@link SettradeMqttPropertiesValidator} first.
 *
 * @author settrade-mqtt
 */
final class PropertiesSettradeConnectionDetails implements SettradeConnectionDetails {

	private final URI baseUrl;

	private final String brokerId;

	private final SettradeEnvironment environment;

	private final String appId;

	private final String appCode;

	private final @Nullable AppSecret appSecret;

	PropertiesSettradeConnectionDetails(SettradeMqttProperties properties) {
		String configuredBrokerId = properties.getBrokerId().strip();
		this.environment = SettradeEnvironment.forBrokerId(configuredBrokerId);
		this.brokerId = SettradeEnvironment.wireBrokerId(configuredBrokerId);
		// an explicit URL always wins over the one the broker id implies
		this.baseUrl = (properties.getBaseUrl() != null) ? URI.create(properties.getBaseUrl().strip())
				: this.environment.baseUrl();
		this.appId = properties.getAppId().strip();
		this.appCode = properties.getAppCode().strip();
		String secret = properties.getAppSecret();
		this.appSecret = (secret != null && !secret.isBlank()) ? AppSecret.parse(secret) : null;
	}

	@Override
	public URI getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String getBrokerId() {
		return this.brokerId;
	}

	@Override
	public SettradeEnvironment getEnvironment() {
		return this.environment;
	}

	@Override
	public String getAppId() {
		return this.appId;
	}

	@Override
	public String getAppCode() {
		return this.appCode;
	}

	@Override
	public @Nullable AppSecret getAppSecret() {
		return this.appSecret;
	}

	@Override
	public String toString() {
		return "PropertiesSettradeConnectionDetails[baseUrl=" + this.baseUrl + ", brokerId=" + this.brokerId
				+ ", appId=" + this.appId + ", appCode=" + this.appCode + ", appSecret="
				+ ((this.appSecret != null) ? "******" : "none") + "]";
	}

}
