package io.github.settrademqtt.autoconfigure;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * The inverse of {@link SettradeConfiguredCondition}.
 *
 * @author settrade-mqtt
 */
class SettradeNotConfiguredCondition extends NoneNestedConditions {

	SettradeNotConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(SettradeConfiguredCondition.class)
	static class Configured {

	}

}
