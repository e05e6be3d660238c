package io.github.settrademqtt.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link SimulatorFaults}.
 */
class SimulatorFaultsTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private SettradeTestClient client;

	private SimulatedApp app;

	@BeforeEach
	void setUp() {
		this.client = SettradeTestClient.trusting(settrade.simulator());
		this.app = settrade.app();
	}

	@Test
	void latencyDelaysEveryResponse() {
		Duration latency = Duration.ofMillis(400);
		settrade.simulator().faults().latency(latency);
		long started = System.nanoTime();
		HttpResponse<String> login = this.client.login(this.app);
		long loginNanos = System.nanoTime() - started;
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(loginNanos)).isGreaterThanOrEqualTo(latency);
		started = System.nanoTime();
		this.client.ticket(this.app.brokerId(), null);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);
	}

	@Test
	void latencyDoesNotBlockTheServer() {
		// Ten delayed requests at once on a two-thread event loop finish in about one
		// latency, not five, when the delay does not hold a thread
		Duration latency = Duration.ofMillis(500);
		settrade.simulator().faults().latency(latency);
		long started = System.nanoTime();
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			responses.add(this.client.ticketAsync(this.app.brokerId()));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> responses.stream().allMatch(CompletableFuture::isDone));
		assertThat(responses).allSatisfy((response) -> assertThat(response.join().statusCode()).isEqualTo(401));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(latency.multipliedBy(5));
	}

	@Test
	void resetClearsEveryFault() {
		SimulatorFaults faults = settrade.simulator().faults();
		faults.failNextLogins(3, 503).failNextTickets(3, 429).latency(Duration.ofSeconds(5)).rejectRefresh(true);
		faults.reset();
		String refreshToken = this.client.loginOk(this.app).get("refresh_token").stringValue();
		assertThat(this.client.refresh(this.app, refreshToken).statusCode()).isEqualTo(200);
		assertThat(faults).hasToString("SimulatorFaults[loginFailures=0x503, ticketFailures=0x503, loginHangs=0, "
				+ "refreshHangs=0, ticketHangs=0, latency=PT0S, rejectRefresh=false, dispatcherHosts=default]");
	}

	@Test
	void simulatorResetClearsFaultsAndCounters() {
		settrade.simulator().faults().failNextLogins(1, 503);
		this.client.login(this.app);
		assertThat(settrade.simulator().stats().loginRequests()).isOne();
		settrade.simulator().faults().failNextLogins(1, 503);
		settrade.simulator().reset();
		assertThat(settrade.simulator().stats().loginRequests()).isZero();
		assertThat(this.client.login(this.app).statusCode()).isEqualTo(200);
	}

	@Test
	void faultArgumentsAreChecked() {
		SimulatorFaults faults = settrade.simulator().faults();
		assertThatIllegalArgumentException().isThrownBy(() -> faults.failNextLogins(1, 200));
		assertThatIllegalArgumentException().isThrownBy(() -> faults.failNextTickets(-1, 503));
		assertThatIllegalArgumentException().isThrownBy(() -> faults.latency(Duration.ofMillis(-1)));
	}

}
