package io.github.settrademqtt.benchmarks.harness;

import java.util.List;
import java.util.Map;

import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;
import io.github.settrademqtt.test.SimulatorPayloads;
import org.jspecify.annotations.Nullable;

/**
 * A bare Paho client under a fault campaign: automatic reconnect, a fresh ticket for each
 * attempt from the starter's login service (the starter itself not started), the
 * campaign's keep-alive and REST read timeout. It has no rotation: the service closes its
 * connection when the token behind it expires, and it reconnects.
 *
 * @author settrade-mqtt
 * @see BarePahoSubscriber#reconnecting
 */
public final class PahoSubject implements CampaignSubject {

	private @Nullable StarterFeed login;

	private volatile @Nullable BarePahoSubscriber paho;

	@Override
	public String name() {
		return "bare Paho, automatic reconnect";
	}

	@Override
	public boolean supports(Fault fault) {
		return !fault.starterOnly();
	}

	@Override
	public boolean makeBeforeBreak() {
		return false;
	}

	@Override
	public List<String> routineSteps() {
		return List.of();
	}

	@Override
	public void start(CampaignSettings settings, SettradeSimulator simulator, SimulatedApp app, ArrivalLog raw,
			ArrivalLog delivered) throws Exception {
		StarterFeed login = StarterFeed.start(simulator, app, Map.of("settrade.mqtt.auto-startup", "false",
				"settrade.mqtt.http.read-timeout", CampaignSettings.READ_TIMEOUT.toMillis() + "ms"), Map.of());
		this.login = login;
		SettradeLoginService service = login.bean(SettradeLoginService.class);
		List<String> topics = settings.symbols().stream().map(SimulatorMarket::bidOfferTopic).toList();
		this.paho = BarePahoSubscriber.reconnecting(simulator, service::dispatcherTicket, topics,
				CampaignSettings.KEEP_ALIVE, (topic, payload) -> {
					long number = SimulatorPayloads.sequence(payload).orElse(-1);
					long connection = connection();
					raw.record(topic, number, connection);
					delivered.record(topic, number, connection);
				});
	}

	@Override
	public long connection() {
		BarePahoSubscriber paho = this.paho;
		return (paho != null && paho.isConnected()) ? paho.connections() : 0;
	}

	@Override
	public long nextRotationNanos() {
		BarePahoSubscriber paho = this.paho;
		return (paho != null) ? paho.ticketExpiresAtNanos() : 0;
	}

	@Override
	public @Nullable StarterFeed feed() {
		return null;
	}

	@Override
	public void close() throws Exception {
		try {
			if (this.paho != null) {
				this.paho.close();
			}
		}
		finally {
			if (this.login != null) {
				this.login.close();
			}
		}
	}

}
