package io.github.settrademqtt.autoconfigure.info;

import java.net.URI;

import io.github.settrademqtt.actuate.info.SettradeMqttInfoContributor;
import io.github.settrademqtt.actuate.info.SettradeMqttInfoRuntimeHints;
import io.github.settrademqtt.actuate.info.SettradeTarget;
import io.github.settrademqtt.autoconfigure.SettradeConnectionDetails;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link SettradeMqttInfoContributor}.
 * {@code management.info.settrade.enabled=false} switches it off; like Boot's own
 * contributors it follows {@code management.info.defaults.enabled} otherwise.
 * <p>
 * The environment shown is told from the base URL in effect. The embedded simulator of
 * {@code settrade-mqtt-test} announces its own in {@value #SIMULATOR_BASE_URL_PROPERTY}
 * (with the other properties it sets), so that a base URL on the loopback interface is
 * called {@code simulator} only when it is the simulator's.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = SettradeMqttAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnBean(SettradeConnectionDetails.class)
@ConditionalOnEnabledInfoContributor("settrade")
@ImportRuntimeHints(SettradeMqttInfoRuntimeHints.class)
public final class SettradeMqttInfoContributorAutoConfiguration {

	/**
	 * The property in which the embedded Settrade simulator announces its base URL.
	 */
	public static final String SIMULATOR_BASE_URL_PROPERTY = "settrade.simulator.base-url";

	@Bean
	@ConditionalOnMissingBean
	SettradeMqttInfoContributor settradeInfoContributor(SettradeConnectionDetails connectionDetails,
			Environment environment) {
		URI simulator = simulatorBaseUrl(environment.getProperty(SIMULATOR_BASE_URL_PROPERTY));
		return new SettradeMqttInfoContributor(connectionDetails.getBrokerId(),
				SettradeTarget.of(connectionDetails.getBaseUrl(), simulator));
	}

	private static @Nullable URI simulatorBaseUrl(@Nullable String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return URI.create(value.strip());
		}
		catch (IllegalArgumentException ex) {
			// not a URL, so no base URL can be the simulator's
			return null;
		}
	}

}
