package io.github.settrademqtt.autoconfigure;

import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.login.SettradeSigner;

import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the application has given the starter a way to log in: an app secret, or
 * its own connection details, signer or login service.
 *
 * @author settrade-mqtt
 */
class SettradeConfiguredCondition extends AnyNestedCondition {

	SettradeConfiguredCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@Conditional(OnSettradeAppSecretCondition.class)
	static class AppSecret {

	}

	@ConditionalOnBean(SettradeConnectionDetails.class)
	static class ConnectionDetails {

	}

	@ConditionalOnBean(SettradeSigner.class)
	static class Signer {

	}

	@ConditionalOnBean(SettradeLoginService.class)
	static class LoginService {

	}

}
