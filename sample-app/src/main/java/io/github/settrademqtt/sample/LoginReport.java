package io.github.settrademqtt.sample;

import io.github.settrademqtt.autoconfigure.SettradeConnectionDetails;
import io.github.settrademqtt.login.AccessToken;
import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeApiException;
import io.github.settrademqtt.login.SettradeLoginService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Logs in at start-up and reports where the MQTT feed would connect and how long the
 * access token lives. It never prints a token.
 *
 * @author settrade-mqtt
 */
@Component
class LoginReport implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(LoginReport.class);

	private final ObjectProvider<SettradeLoginService> loginService;

	private final ObjectProvider<SettradeConnectionDetails> connectionDetails;

	LoginReport(ObjectProvider<SettradeLoginService> loginService,
			ObjectProvider<SettradeConnectionDetails> connectionDetails) {
		this.loginService = loginService;
		this.connectionDetails = connectionDetails;
	}

	@Override
	public void run(ApplicationArguments args) {
		SettradeLoginService loginService = this.loginService.getIfAvailable();
		SettradeConnectionDetails connectionDetails = this.connectionDetails.getIfAvailable();
		if (loginService == null || connectionDetails == null) {
			// the starter is inactive: it has already said why
			return;
		}
		try {
			AccessToken token = loginService.accessToken();
			DispatcherTicket ticket = loginService.dispatcherTicket();
			logger.info("Logged in to Settrade at " + connectionDetails.getBaseUrl() + " (broker "
					+ connectionDetails.getBrokerId() + "): MQTT host " + ticket.host() + ", access token valid for "
					+ token.remaining(System.nanoTime()).toSeconds() + " s");
		}
		catch (SettradeApiException ex) {
			logger.error("Could not log in to Settrade: " + ex.getMessage());
		}
	}

}
