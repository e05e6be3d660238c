package io.github.settrademqtt.docs;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorExtensionTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	@Test
	void eachTestGetsARunningSimulatorAndARegisteredApp() {
		SettradeSimulator simulator = settrade.simulator();
		SimulatedApp app = settrade.app();
		assertThat(simulator.isRunning()).isTrue();
		assertThat(simulator.baseUrl()).startsWith("https://localhost:");
		assertThat(simulator.springProperties(app, "settrade-simulator")).containsEntry("settrade.mqtt.app-id",
				app.appId());
	}

}
