package io.github.settrademqtt.autoconfigure.endpoint;

import io.github.settrademqtt.actuate.endpoint.SettradeSecretSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that keeps the Settrade app secret off Actuator's endpoints. It
 * applies whether or not the rest of the starter is active: a secret in the environment
 * is a secret either way.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class SettradeSecretSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SettradeSecretSanitizingFunction settradeSecretSanitizingFunction() {
		return new SettradeSecretSanitizingFunction();
	}

}
