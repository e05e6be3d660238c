package io.github.settrademqtt.login;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.settrademqtt.test.SettradeSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Token expiry is judged on the monotonic clock the service is given.
 */
class DefaultSettradeLoginServiceExpiryTests {

	@RegisterExtension
	static final SettradeSimulatorExtension settrade = new SettradeSimulatorExtension(
			(builder) -> builder.tokenLifetime(Duration.ofMinutes(30)));

	@Test
	void expiredTokenIsRefreshedOnNextUseAndValidOneIsNot() {
		AtomicLong nanos = new AtomicLong(System.nanoTime());
		SettradeLoginClient client = SimulatorLoginClients.client(settrade.simulator(), settrade.app(),
				settrade.app().appSecret(), Clock.systemUTC(), nanos::get);
		DefaultSettradeLoginService service = new DefaultSettradeLoginService(client, nanos::get);
		AccessToken first = service.accessToken();
		assertThat(first.remaining(nanos.get())).isEqualTo(Duration.ofMinutes(30));
		nanos.addAndGet(Duration.ofMinutes(29).toNanos());
		assertThat(service.accessToken()).isSameAs(first);
		nanos.addAndGet(Duration.ofMinutes(1).toNanos());
		AccessToken second = service.accessToken();
		assertThat(second).isNotSameAs(first);
		assertThat(settrade.simulator().stats().successfulRefreshes()).isEqualTo(1);
		assertThat(settrade.simulator().stats().successfulLogins()).isEqualTo(1);
	}

}
