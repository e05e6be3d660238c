package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;

import io.github.settrademqtt.login.AccessToken;
import io.github.settrademqtt.login.SettradeLoginService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link SettradeTokenRefresher}: when it rotates, and that a token shorter
 * than the margin never makes a rotation storm.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettradeTokenRefresherTests {

	private static final Duration MARGIN = Duration.ofSeconds(300);

	private final SettradeLoginService loginService = mock(SettradeLoginService.class);

	private final SettradeMqttConnection connection = mock(SettradeMqttConnection.class);

	private final SettradeTokenRefresher refresher = new SettradeTokenRefresher(this.loginService, this.connection,
			MARGIN);

	/**
	 * 120-second tokens with the default 300-second margin: the old refresher found every
	 * new connection due at once and replaced it on every check, about every 5 s, for
	 * ever. The margin is capped at half the lifetime.
	 */
	@Test
	void aTokenShorterThanTheMarginIsReplacedAtHalfItsLifetimeNotAtOnce(CapturedOutput output) {
		long now = System.nanoTime();
		connected(7, now + Duration.ofSeconds(90).toNanos());
		given(this.loginService.accessToken()).willReturn(token(Duration.ofSeconds(120), now - seconds(30)));
		this.refresher.check();
		verify(this.connection, never()).rotate(anyLong());
		connected(7, now + Duration.ofSeconds(55).toNanos());
		this.refresher.check();
		verify(this.connection).rotate(7);
		assertThat(output).containsOnlyOnce("settrade.mqtt.token-refresh-before-expiry");
		this.refresher.check();
		assertThat(output.toString().split("token-refresh-before-expiry", -1)).as("warned once").hasSize(2);
	}

	@Test
	void aTokenLongerThanTwiceTheMarginIsReplacedAtTheMargin(CapturedOutput output) {
		long now = System.nanoTime();
		given(this.loginService.accessToken()).willReturn(token(Duration.ofMinutes(30), now));
		connected(3, now + Duration.ofSeconds(301).toNanos());
		this.refresher.check();
		verify(this.connection, never()).rotate(anyLong());
		connected(3, now + Duration.ofSeconds(299).toNanos());
		this.refresher.check();
		verify(this.connection).rotate(3);
		assertThat(output).doesNotContain("token-refresh-before-expiry");
	}

	@Test
	void effectiveMarginIsTheSmallerOfTheSettingAndHalfTheLifetime() {
		assertThat(this.refresher.effectiveMargin(Duration.ofMinutes(30))).isEqualTo(MARGIN);
		assertThat(this.refresher.effectiveMargin(Duration.ofMinutes(10))).isEqualTo(MARGIN);
		assertThat(this.refresher.effectiveMargin(Duration.ofSeconds(120))).isEqualTo(Duration.ofSeconds(60));
		assertThat(this.refresher.effectiveMargin(Duration.ZERO)).as("no lifetime known").isEqualTo(MARGIN);
	}

	private void connected(long epoch, long expiresAtNanos) {
		given(this.connection.getSessionFacts())
			.willReturn(new SessionFacts(epoch, SessionChange.INITIAL, Duration.ZERO, Instant.EPOCH));
		given(this.connection.getTicketExpiresAtNanos()).willReturn(expiresAtNanos);
		given(this.connection.getState()).willReturn(ConnectionState.CONNECTED);
	}

	private static AccessToken token(Duration lifetime, long obtainedAtNanos) {
		return new AccessToken("access", "refresh", "Bearer", lifetime, obtainedAtNanos);
	}

	private static long seconds(long seconds) {
		return Duration.ofSeconds(seconds).toNanos();
	}

}
