package io.github.settrademqtt.test;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the simulator records every secret it hands out or receives, and logs none
 * of them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretHygieneTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void issuedSecretsHoldsTokensTicketsSignaturesAndAppSecrets() {
		SettradeSimulator simulator = settrade.simulator();
		SimulatedApp app = settrade.app();
		SettradeTestClient client = SettradeTestClient.trusting(simulator);
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = SettradeTestClient.sign(app.appSecret(), app.appId() + ".." + timestamp);
		HttpResponse<String> response = client.postJson(SettradeTestClient.loginPath(app),
				SettradeTestClient.loginBody(app.appId(), "", timestamp, signature));
		JsonNode login = SettradeTestClient.json(response);
		JsonNode refreshed = SettradeTestClient.json(client.refresh(app, login.get("refresh_token").stringValue()));
		String ticket = SettradeTestClient
			.json(client.ticket(app.brokerId(), "Bearer " + refreshed.get("access_token").stringValue()))
			.get("token")
			.stringValue();
		assertThat(simulator.issuedSecrets()).contains(signature, login.get("access_token").stringValue(),
				login.get("refresh_token").stringValue(), refreshed.get("access_token").stringValue(),
				refreshed.get("refresh_token").stringValue(), ticket, app.appSecret());
		assertThat(simulator.issuedSecrets()).doesNotContain(app.appId(), app.appCode());
	}

	@Test
	void noSecretIsLoggedEvenAtDebugLevel(CapturedOutput output) {
		SettradeSimulator simulator = settrade.simulator();
		SimulatedApp app = settrade.app();
		SettradeTestClient client = SettradeTestClient.trusting(simulator);
		JsonNode login = client.loginOk(app);
		client.refresh(app, login.get("refresh_token").stringValue());
		client.refresh(app, login.get("refresh_token").stringValue());
		client.ticket(app.brokerId(), "Bearer " + login.get("access_token").stringValue());
		client.ticket(app.brokerId(), "Bearer " + login.get("refresh_token").stringValue());
		client.postJson(SettradeTestClient.loginPath(app), SettradeTestClient.loginBody(app.appId(), "",
				Long.toString(System.currentTimeMillis()), SettradeTestClient.sign(app.appSecret(), "other")));
		simulator.faults().failNextLogins(1, 503);
		client.login(app);
		client.loginOk(simulator.registerApp());
		// The debug lines are there, masked, so the check below is not vacuous
		assertThat(output.getAll()).contains("Login accepted", "Ticket tk-****", "INVALID_SIGNATURE");
		assertThat(simulator.issuedSecrets()).hasSizeGreaterThan(8)
			.allSatisfy((secret) -> assertThat(output.getAll()).doesNotContain(secret));
	}

	@Test
	void simulatedAppToStringMasksTheSecret() {
		SimulatedApp app = settrade.app();
		assertThat(app.toString()).contains(app.appId(), app.appCode(), app.brokerId()).doesNotContain(app.appSecret());
	}

}
