package io.github.settrademqtt.login;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.settrademqtt.test.ResponseStyle;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SettradeSimulatorExtension;
import io.github.settrademqtt.test.SimulatedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DefaultSettradeLoginService} and {@link SettradeLoginClient} against the
 * embedded simulator: real HTTPS, real ECDSA keys.
 */
class SettradeLoginServiceIntegrationTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension();

	private SettradeSimulator simulator() {
		return settrade.simulator();
	}

	private DefaultSettradeLoginService service() {
		return new DefaultSettradeLoginService(SimulatorLoginClients.client(simulator(), settrade.app()));
	}

	@Test
	void loginRefreshAndTicketSucceed() {
		DefaultSettradeLoginService service = service();
		AccessToken token = service.accessToken();
		assertThat(token.remaining(System.nanoTime())).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
		assertThat(service.accessToken()).isSameAs(token);
		AccessToken refreshed = service.renewAccessToken();
		assertThat(refreshed.value()).isNotEqualTo(token.value());
		DispatcherTicket ticket = service.dispatcherTicket();
		assertThat(ticket.host()).isEqualTo(simulator().dispatcherHost());
		assertThat(simulator().consumeTicket(ticket.token())).isPresent();
		assertThat(simulator().stats().successfulLogins()).isEqualTo(1);
		assertThat(simulator().stats().successfulRefreshes()).isEqualTo(1);
		assertThat(simulator().stats().ticketsIssued()).isEqualTo(1);
	}

	@Test
	void wrongKeyIsRejectedClearlyAndNotRetried() throws Exception {
		KeyPair wrongKey = P256.generate();
		SettradeLoginClient client = SimulatorLoginClients.client(simulator(), settrade.app(),
				P256.settradeSecret(wrongKey), Clock.systemUTC());
		assertThatExceptionOfType(SettradeApiException.class).isThrownBy(client::login)
			.withMessageContaining("Settrade login failed (HTTP 401")
			.withMessageContaining("Signature rejected")
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(401));
		assertThat(simulator().stats().loginRequests()).isEqualTo(1);
	}

	@Test
	void injected401IsNotRetried() {
		simulator().faults().failNextLogins(1, 401);
		assertThatExceptionOfType(SettradeApiException.class).isThrownBy(service()::accessToken)
			.satisfies((ex) -> assertThat(ex.isAuthenticationFailure()).isTrue());
		assertThat(simulator().stats().loginRequests()).isEqualTo(1);
	}

	@Test
	void two503sAreRetriedThenLoginSucceeds() {
		simulator().faults().failNextLogins(2, 503);
		AccessToken token = service().accessToken();
		assertThat(token.value()).isNotBlank();
		assertThat(simulator().stats().loginRequests()).isEqualTo(3);
		assertThat(simulator().stats().successfulLogins()).isEqualTo(1);
	}

	@Test
	void tooManyRequestsIsRetried() {
		simulator().faults().failNextLogins(1, 429);
		service().accessToken();
		assertThat(simulator().stats().loginRequests()).isEqualTo(2);
	}

	@Test
	void persistent503GivesUpAfterMaxAttempts() {
		simulator().faults().failNextLogins(100, 503);
		assertThatExceptionOfType(SettradeApiException.class).isThrownBy(service()::accessToken)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(503));
		assertThat(simulator().stats().loginRequests()).isEqualTo(5);
	}

	@ParameterizedTest
	@EnumSource(names = { "behind", "ahead" })
	void clockFiveMinutesOffStillLogsIn(Skew skew) {
		Clock skewed = Clock.offset(Clock.systemUTC(), skew.offset);
		SettradeLoginClient client = SimulatorLoginClients.client(simulator(), settrade.app(),
				settrade.app().appSecret(), skewed);
		assertThat(client.login().value()).isNotBlank();
		assertThat(simulator().stats().loginRequests()).isEqualTo(2);
		assertThat(client.login().value()).isNotBlank();
		assertThat(simulator().stats().loginRequests()).as("the correction is kept").isEqualTo(3);
	}

	@Test
	void tenConcurrentCallersShareOneLogin() throws Exception {
		simulator().faults().latency(Duration.ofMillis(300));
		DefaultSettradeLoginService service = service();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(10);
		try {
			Callable<AccessToken> caller = () -> {
				start.await();
				return service.accessToken();
			};
			List<Future<AccessToken>> results = IntStream.range(0, 10)
				.mapToObj((i) -> executor.submit(caller))
				.collect(Collectors.toList());
			start.countDown();
			Set<String> tokens = new java.util.HashSet<>();
			for (Future<AccessToken> result : results) {
				tokens.add(result.get().value());
			}
			assertThat(tokens).hasSize(1);
			assertThat(simulator().stats().loginRequests()).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void rejectedRefreshFallsBackToLogin() {
		DefaultSettradeLoginService service = service();
		AccessToken first = service.accessToken();
		simulator().faults().rejectRefresh(true);
		AccessToken second = service.renewAccessToken();
		assertThat(second.value()).isNotEqualTo(first.value());
		assertThat(simulator().stats().refreshRequests()).isEqualTo(1);
		assertThat(simulator().stats().successfulRefreshes()).isZero();
		assertThat(simulator().stats().successfulLogins()).isEqualTo(2);
	}

	@Test
	void staleTokenAtDispatcherIsRenewedAndTicketAskedOnceMore() {
		DefaultSettradeLoginService service = service();
		service.accessToken();
		simulator().faults().revokeAccessTokens();
		DispatcherTicket ticket = service.dispatcherTicket();
		assertThat(simulator().consumeTicket(ticket.token())).isPresent();
		assertThat(simulator().stats().ticketRequests()).isEqualTo(2);
		assertThat(simulator().stats().successfulRefreshes()).isEqualTo(1);
	}

	@Test
	void ticketsAreNeverHandedOutTwice() {
		DefaultSettradeLoginService service = service();
		Set<String> tickets = IntStream.range(0, 5)
			.mapToObj((i) -> service.dispatcherTicket().token())
			.collect(Collectors.toSet());
		assertThat(tickets).hasSize(5);
	}

	@ParameterizedTest
	@EnumSource(ResponseStyle.class)
	void everyResponseStyleIsUnderstood(ResponseStyle style) {
		simulator().responseStyle(style);
		DefaultSettradeLoginService service = service();
		AccessToken token = service.accessToken();
		assertThat(token.tokenType()).isEqualTo("Bearer");
		assertThat(service.renewAccessToken().value()).isNotEqualTo(token.value());
		assertThat(service.dispatcherTicket().host()).isEqualTo(simulator().dispatcherHost());
	}

	@Test
	void unreachableServiceFailsWithNoResponseAfterRetries() {
		SimulatedApp app = settrade.app();
		SettradeSimulator stopped = SettradeSimulator.builder().build().start();
		SettradeLoginClient client = SimulatorLoginClients.client(stopped, stopped.registerApp(), app.appSecret(),
				Clock.systemUTC());
		stopped.close();
		assertThatExceptionOfType(SettradeApiException.class).isThrownBy(client::login)
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(SettradeApiException.NO_RESPONSE))
			.withMessageContaining("no response from localhost");
	}

	@Test
	void noSecretAppearsInAnyExceptionMessage() throws Exception {
		SettradeLoginClient client = SimulatorLoginClients.client(simulator(), settrade.app(),
				P256.settradeSecret(P256.generate()), Clock.systemUTC());
		SettradeApiException ex = org.junit.jupiter.api.Assertions.assertThrows(SettradeApiException.class,
				client::login);
		assertThat(simulator().issuedSecrets()).isNotEmpty()
			.allSatisfy((secret) -> assertThat(ex.getMessage()).doesNotContain(secret));
		assertThat(ex.getMessage()).doesNotContain(settrade.app().appSecret());
	}

	enum Skew {

		behind(Duration.ofMinutes(-5)), ahead(Duration.ofMinutes(5));

		private final Duration offset;

		Skew(Duration offset) {
			this.offset = offset;
		}

	}

}
