package io.github.settrademqtt.connection;

import io.github.settrademqtt.feed.SettradeTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.support.ExponentialBackoff;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link OverlapRotation}: it hands over only to an open, lined-up connection,
 * and never closes the old one.
 */
class OverlapRotationTests {

	private static final String PTT = SettradeTopics.bidOffer("PTT");

	private final SettradeLoginService loginService = mock(SettradeLoginService.class);

	private final TicketConnection old = mock(TicketConnection.class);

	private final TicketConnection next = mock(TicketConnection.class);

	private final List<Message<?>> delivered = new ArrayList<>();

	private final HandOverGate gate = new HandOverGate(this.delivered::add, System::nanoTime);

	private final SubscriptionRegistry registry = new SubscriptionRegistry();

	private final List<ConnectionStep> steps = new ArrayList<>();

	private OverlapRotation rotation;

	@BeforeEach
	void setUp() throws InterruptedException {
		this.registry.subscribe(PTT);
		given(this.loginService.dispatcherTicket()).willReturn(ticket(Duration.ofMinutes(30)));
		given(this.old.isOpen()).willReturn(true);
		given(this.old.ticket()).willReturn(ticket(Duration.ofMinutes(5)));
		given(this.next.subscribe(anyCollection()))
			.willReturn(List.of(SubscribeOutcome.granted(PTT), SubscribeOutcome.granted(SubscriptionErrors.TOPIC)));
		this.gate.deliverFrom(new SessionFacts(1, SessionChange.INITIAL, Duration.ZERO, Instant.EPOCH));
		SubscriptionReconciler reconciler = new SubscriptionReconciler(this.registry,
				new ExponentialBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0), System::nanoTime,
				(topic, reason) -> {
				});
		TicketConnections sessions = mock(TicketConnections.class);
		given(sessions.nextEpoch()).willReturn(2L);
		given(sessions.open(any())).willReturn(this.next);
		this.rotation = new OverlapRotation(this.loginService, this.gate, sessions, reconciler, Duration.ofSeconds(5),
				this.steps::add, System::nanoTime);
	}

	/**
	 * The old rotation handed over without looking: a new connection that closed while
	 * the streams lined up took over a feed it could not deliver.
	 */
	@Test
	void aNewConnectionThatClosedBeforeTheHandOverIsNotHandedOverTo() throws InterruptedException {
		given(this.next.isOpen()).willReturn(false);
		OverlapRotation.Result result = this.rotation.run(this.old, OverlapRotation.Purpose.TOKEN);
		assertThat(result).isInstanceOfSatisfying(OverlapRotation.Failed.class,
				(failed) -> assertThat(failed.reason()).isEqualTo("the new connection closed before the hand-over"));
		verify(this.next).close();
		verify(this.old, never()).close();
		assertThat(this.gate.deliveringEpoch()).as("the old connection keeps delivering").isEqualTo(1);
		this.gate.accept(2, PTT, message(), new HandOverGate.Received(Instant.EPOCH, 0));
		assertThat(this.gate.supersededCount()).as("the new one's messages go nowhere").isEqualTo(1);
		assertThat(this.delivered).isEmpty();
	}

	@Test
	void aNewConnectionThatAnswersNoSubscribeIsNotHandedOverTo() throws InterruptedException {
		given(this.next.isOpen()).willReturn(true);
		given(this.next.subscribe(anyCollection())).willReturn(List.of(SubscribeOutcome.unanswered(PTT, "timed out"),
				SubscribeOutcome.unanswered(SubscriptionErrors.TOPIC, "timed out")));
		OverlapRotation.Result result = this.rotation.run(this.old, OverlapRotation.Purpose.TOKEN);
		assertThat(result).isInstanceOfSatisfying(OverlapRotation.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("answered no SUBSCRIBE"));
		verify(this.next).close();
		verify(this.old, never()).close();
	}

	@Test
	void aRenewedTokenThatExpiresNoLaterIsNotWorthANewConnection() throws InterruptedException {
		given(this.loginService.dispatcherTicket()).willReturn(ticket(Duration.ofMinutes(4)));
		OverlapRotation.Result result = this.rotation.run(this.old, OverlapRotation.Purpose.TOKEN);
		assertThat(result).isInstanceOfSatisfying(OverlapRotation.Failed.class,
				(failed) -> assertThat(failed.reason()).contains("expires no later"));
		assertThat(this.gate.deliveringEpoch()).isEqualTo(1);
	}

	@Test
	void anOpenLinedUpConnectionIsReadyAndTheOldOneStaysOpen() throws InterruptedException {
		// quiet streams line up once the settle time has passed, on the real clock
		given(this.next.isOpen()).willReturn(true);
		OverlapRotation.Result result = this.rotation.run(this.old, OverlapRotation.Purpose.TOKEN);
		assertThat(result).isInstanceOfSatisfying(OverlapRotation.Ready.class,
				(ready) -> assertThat(ready.next()).isSameAs(this.next));
		verify(this.old, never()).close();
		verify(this.next, never()).close();
	}

	/**
	 * The rotation announced {@code OPEN} itself before the sessions announced it again:
	 * a hook saw the step twice, and a failure was named after the wrong step.
	 */
	@Test
	void eachStepOfARotationIsAnnouncedOnce() throws InterruptedException {
		given(this.next.isOpen()).willReturn(true);
		this.rotation.run(this.old, OverlapRotation.Purpose.TOKEN);
		assertThat(this.steps).containsExactly(ConnectionStep.TICKET, ConnectionStep.OPEN, ConnectionStep.SUBSCRIBE,
				ConnectionStep.ALIGN);
	}

	private DispatcherTicket ticket(Duration remaining) {
		return new DispatcherTicket(List.of("localhost"), "ticket", "Bearer", System.nanoTime() + remaining.toNanos());
	}

	private static MqttMessage message() {
		return new MqttMessage(new byte[] { 1 });
	}

}
