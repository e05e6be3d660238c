package io.github.settrademqtt.autoconfigure.info;

import io.github.settrademqtt.actuate.info.SettradeMqttInfoContributor;
import io.github.settrademqtt.autoconfigure.SettradeConnectionDetails;
import io.github.settrademqtt.autoconfigure.SettradeMqttAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link SettradeMqttInfoContributor}.
 * {@code management.info.settrade.enabled=false} switches it off; like Boot's own
 * contributors it follows {@code management.info.defaults.enabled} otherwise.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration(after = SettradeMqttAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
@ConditionalOnBean(SettradeConnectionDetails.class)
@ConditionalOnEnabledInfoContributor("settrade")
public final class SettradeMqttInfoContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SettradeMqttInfoContributor settradeInfoContributor(SettradeConnectionDetails connectionDetails) {
		return new SettradeMqttInfoContributor(connectionDetails.getBrokerId(), connectionDetails.getEnvironment());
	}

}
