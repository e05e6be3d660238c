package io.github.settrademqtt.test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for the hangs of {@link SimulatorFaults}: REST requests left unanswered.
 */
class SimulatorHangTests {

	@RegisterExtension
	static SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private SettradeSimulator simulator;

	private SettradeTestClient client;

	private SimulatedApp app;

	private final List<CompletableFuture<?>> pending = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.simulator = settrade.simulator();
		this.client = SettradeTestClient.trusting(this.simulator);
		this.app = settrade.app();
	}

	@AfterEach
	void releaseHungRequests() {
		this.simulator.faults().reset();
		this.pending.forEach((future) -> future.cancel(true));
		await().until(() -> this.simulator.openHungRequests() == 0);
	}

	@Test
	void aHungLoginIsNeverAnsweredUntilTheClientGivesUpThenTheNextOneIs() {
		this.simulator.faults().hangNextLogins(1);
		CompletableFuture<HttpResponse<String>> hung = send(loginRequest().timeout(Duration.ofMillis(700)));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(hung::join)
			.withCauseInstanceOf(HttpTimeoutException.class);
		SimulatorStats stats = this.simulator.stats();
		assertThat(stats.hungRequests()).isOne();
		assertThat(stats.loginRequests()).isOne();
		assertThat(stats.successfulLogins() + stats.rejectedLogins()).isZero();
		// The client closed the connection: the server lets go of it
		await().until(() -> this.simulator.openHungRequests() == 0);
		assertThat(this.client.login(this.app).statusCode()).isEqualTo(200);
	}

	@Test
	void ticketsHangFirstThenFail() {
		String authorization = "Bearer " + this.client.loginOk(this.app).get("access_token").stringValue();
		this.simulator.faults().hangNextTickets(2).failNextTickets(1, 503);
		CompletableFuture<HttpResponse<String>> first = send(ticketRequest(authorization));
		CompletableFuture<HttpResponse<String>> second = send(ticketRequest(authorization));
		await().until(() -> this.simulator.stats().hungRequests() == 2);
		assertThat(this.client.ticket(this.app.brokerId(), authorization).statusCode()).isEqualTo(503);
		assertThat(this.client.ticket(this.app.brokerId(), authorization).statusCode()).isEqualTo(200);
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();
		assertThat(this.simulator.stats().ticketsIssued()).isOne();
	}

	@Test
	void resetClosesHungRequestsWithoutAResponse() {
		String refreshToken = this.client.loginOk(this.app).get("refresh_token").stringValue();
		this.simulator.faults().hangNextRefreshes(1);
		CompletableFuture<HttpResponse<String>> hung = send(HttpRequest
			.newBuilder(this.client
				.uri("/api/oam/v1/" + this.app.brokerId() + "/broker-apps/" + this.app.appCode() + "/refresh-token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"apiKey\":\"" + this.app.appId() + "\",\"refreshToken\":\"" + refreshToken + "\"}")));
		await().until(() -> this.simulator.stats().hungRequests() == 1);
		assertThat(hung).isNotDone();
		this.simulator.reset();
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> hung.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join())
			.withCauseInstanceOf(IOException.class);
		assertThat(this.simulator.stats().hungRequests()).isZero();
		assertThat(this.client.refresh(this.app, refreshToken).statusCode()).isEqualTo(200);
	}

	@Test
	void hungRequestsHoldNoServerThread() {
		// More hung requests than the server has threads, and it still answers
		this.simulator.faults().hangNextLogins(6);
		for (int i = 0; i < 6; i++) {
			send(loginRequest());
		}
		await().until(() -> this.simulator.stats().hungRequests() == 6);
		assertThat(this.client.login(this.app).statusCode()).isEqualTo(200);
		assertThat(this.simulator.openHungRequests()).isEqualTo(6);
	}

	@Test
	void stopDoesNotWaitForHungRequests() {
		SettradeSimulator own = SettradeSimulator.builder().build().start();
		try (own) {
			SettradeTestClient ownClient = SettradeTestClient.trusting(own);
			own.faults().hangNextTickets(1);
			CompletableFuture<HttpResponse<String>> hung = ownClient.ticketAsync(own.brokerId());
			await().until(() -> own.stats().hungRequests() == 1);
			long started = System.nanoTime();
			own.stop();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> hung.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join())
				.withCauseInstanceOf(IOException.class);
		}
	}

	@Test
	void hangCountsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.simulator.faults().hangNextLogins(-1));
		assertThat(this.simulator.faults().hangNextRefreshes(2).toString()).contains("refreshHangs=2");
	}

	private HttpRequest.Builder loginRequest() {
		String timestamp = Long.toString(System.currentTimeMillis());
		String signature = SettradeTestClient.sign(this.app.appSecret(), this.app.appId() + ".." + timestamp);
		return HttpRequest.newBuilder(this.client.uri(SettradeTestClient.loginPath(this.app)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(SettradeTestClient.loginBody(this.app.appId(), "", timestamp, signature)));
	}

	private HttpRequest.Builder ticketRequest(String authorization) {
		return HttpRequest.newBuilder(this.client.uri("/api/dispatcher/v3/" + this.app.brokerId() + "/token"))
			.header("Authorization", authorization);
	}

	private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
		CompletableFuture<HttpResponse<String>> response = this.client.sendAsync(request.build());
		this.pending.add(response);
		return response;
	}

}
