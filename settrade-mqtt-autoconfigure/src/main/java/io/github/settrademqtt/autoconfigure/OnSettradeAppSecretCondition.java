package io.github.settrademqtt.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code settrade.mqtt.app-secret} has a value. Unlike
 * {@code @ConditionalOnProperty} a blank value (an unset environment variable) does not
 * match, and the outcome message never quotes the secret.
 *
 * @author settrade-mqtt
 */
class OnSettradeAppSecretCondition extends SpringBootCondition {

	static final String PROPERTY = "settrade.mqtt.app-secret";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Settrade app secret");
		if (StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))) {
			return ConditionOutcome.match(message.found("property").items(PROPERTY));
		}
		return ConditionOutcome.noMatch(message.didNotFind("property").items(PROPERTY));
	}

}
