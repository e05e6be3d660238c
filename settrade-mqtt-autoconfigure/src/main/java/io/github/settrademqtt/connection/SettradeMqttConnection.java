package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.github.settrademqtt.connection.event.AuthenticationFailedEvent;
import io.github.settrademqtt.connection.event.ConnectedEvent;
import io.github.settrademqtt.connection.event.ConnectionFailedEvent;
import io.github.settrademqtt.connection.event.ConnectionLostEvent;
import io.github.settrademqtt.connection.event.FeedHealedEvent;
import io.github.settrademqtt.connection.event.RecoveredEvent;
import io.github.settrademqtt.connection.event.RotatedEvent;
import io.github.settrademqtt.connection.event.RotationFailedEvent;
import io.github.settrademqtt.connection.event.SubscriptionRefusedEvent;
import io.github.settrademqtt.connection.event.SubscriptionRefusedEvent.Refusal;
import io.github.settrademqtt.event.SettradeMqttEventPublisher;
import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeApiException;
import io.github.settrademqtt.login.SettradeLoginService;
import io.github.settrademqtt.support.SettradeMqttPhases;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;
import org.eclipse.paho.client.mqttv3.MqttMessage;

import org.springframework.messaging.Message;
import org.springframework.util.Assert;

/**
 * Owns the MQTT connection to Settrade: opens it, keeps its subscriptions in line with
 * the {@link SubscriptionRegistry}, replaces it before its token expires, and recovers it
 * after a loss. It is the one reconnect owner: Paho's automatic reconnect is off.
 * <p>
 * Every change of state runs on one thread of its own, in order; Paho's threads only hand
 * messages to the {@link HandOverGate} and report losses. Ticket fetching (network I/O)
 * happens on that thread too, never on Paho's. Every step that thread runs is contained:
 * whatever a step throws, what it opened is closed, the failure is logged once with its
 * cause and counted, and the next attempt is scheduled on the usual back-off, so nothing
 * can leave the feed stopped without a word.
 * <p>
 * Replacing a connection is make-before-break ({@link OverlapRotation}): the old
 * connection keeps delivering until a new one is open and lined up, and a rotation that
 * fails leaves it delivering and is tried again later, for as long as it lives. Only a
 * connection that is gone (lost, or closed by the service at token expiry) is recovered
 * by opening a new one.
 * <p>
 * What happens is published as application events ({@link ConnectedEvent},
 * {@link RotatedEvent}, {@link ConnectionLostEvent}, {@link RecoveredEvent} and the rest
 * of {@code connection.event}) on the thread where it happens, once the connection is
 * given an {@link ApplicationEventPublisher}; a listener that throws is logged and passed
 * over.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttConnection implements SmartLifecycle, ApplicationEventPublisherAware,
		TicketConnection.Listener, SubscriptionRegistry.Listener {

	private static final Log logger = LogFactory.getLog(SettradeMqttConnection.class);

	/**
	 * How long after the hand-over the new connection's messages are still compared with
	 * what the old one delivered: the new one may lag the old one a little.
	 */
	private static final Duration OVERLAP_GRACE = Duration.ofSeconds(2);

	private final SettradeLoginService loginService;

	private final ConnectionSettings settings;

	private final SubscriptionRegistry registry;

	private final LongSupplier nanoClock = System::nanoTime;

	private final StepHook hook = (step) -> this.stepHook.before(step);

	private final SettradeMqttEventPublisher events = new SettradeMqttEventPublisher();

	private final HandOverGate gate;

	private final SubscriptionReconciler reconciler;

	private final SubscriptionErrors subscriptionErrors;

	private final OverlapRotation overlapRotation;

	private final TicketConnections sessions;

	private final ConnectionWorker worker = new ConnectionWorker(this::ensureRecovering);

	private final RotationBackoff rotationBackoff;

	private final Object lifecycleMonitor = new Object();

	private final AtomicBoolean reconcileRequested = new AtomicBoolean();

	private volatile StepHook stepHook = StepHook.NONE;

	private volatile boolean running;

	private volatile StateChange state = new StateChange(ConnectionState.STOPPED, Instant.now());

	private boolean autoStartup = true;

	private volatile @Nullable TicketConnection current;

	private volatile @Nullable SessionFacts facts;

	private volatile @Nullable RotationOutcome lastRotation;

	private volatile @Nullable RotationFailure lastRotationFailure;

	private volatile @Nullable String lastFailure;

	private volatile @Nullable Throwable lastFailureCause;

	// the fields below are touched by the worker thread only

	private ConnectionStep step = ConnectionStep.TICKET;

	private int failedAttempts;

	/**
	 * Since when the feed has been up without a loss, planned rotations included: a loss
	 * after {@code stable-after} of that is met with the shortest back-off again.
	 */
	private long upSinceNanos;

	private int authFailures;

	private long lostAtNanos;

	private boolean connectScheduled;

	private @Nullable ScheduledFuture<?> reconcileRetry;

	/**
	 * Create a connection.
	 * @param loginService where tickets come from
	 * @param settings how to connect
	 * @param registry the wanted topics
	 * @param output where delivered messages go
	 * @param beanFactory the bean factory the Spring Integration adapters are given
	 */
	public SettradeMqttConnection(SettradeLoginService loginService, ConnectionSettings settings,
			SubscriptionRegistry registry, SettradeMqttMessageProducer output, BeanFactory beanFactory) {
		Assert.notNull(loginService, "'loginService' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(output, "'output' must not be null");
		this.loginService = loginService;
		this.settings = settings;
		this.registry = registry;
		this.gate = new HandOverGate(output::deliver, this.nanoClock);
		this.reconciler = new SubscriptionReconciler(registry, settings.reconnectBackoff(), this.nanoClock,
				(topic, reason) -> refused(topic, reason, Refusal.BROKER));
		this.subscriptionErrors = new SubscriptionErrors(registry,
				(topic, reason) -> refused(topic, reason, Refusal.SERVICE));
		this.sessions = new TicketConnections(settings, beanFactory, this);
		this.overlapRotation = new OverlapRotation(loginService, this.gate, this.sessions, this.reconciler,
				settings.rotationTimeout(), this::step, this.nanoClock);
		this.rotationBackoff = new RotationBackoff(settings.reconnectBackoff(), this.nanoClock);
		registry.addListener(this);
	}

	/**
	 * Set where the connection's events go; without one none is published. Each is
	 * published after {@link StepHook#before} for {@link ConnectionStep#PUBLISH}.
	 * @param publisher the publisher
	 */
	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		Assert.notNull(publisher, "'publisher' must not be null");
		this.events.setPublisher((event) -> {
			this.hook.before(ConnectionStep.PUBLISH_EVENT);
			publisher.publishEvent(event);
		});
	}

	/**
	 * Return the phase, {@link SettradeMqttPhases#CONNECTION}: after the token refresher,
	 * before the message producer.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SettradeMqttPhases.CONNECTION;
	}

	@Override
	public void start() {
		Future<?> first;
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			setState(ConnectionState.CONNECTING);
			this.registry.markAllPending();
			this.sessions.startAccepting();
			first = this.worker.start(() -> {
				resetWorkerState();
				connect(SessionChange.INITIAL);
			});
		}
		if (this.settings.failFast()) {
			awaitFirstConnection(first);
		}
	}

	private void resetWorkerState() {
		this.failedAttempts = 0;
		this.authFailures = 0;
		this.lostAtNanos = 0;
		this.rotationBackoff.reset();
		this.reconcileRetry = null;
		this.reconciler.reset();
	}

	private void awaitFirstConnection(Future<?> first) {
		try {
			first.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			// reported through the state below
		}
		if (this.state.state() != ConnectionState.CONNECTED) {
			String failure = this.lastFailure;
			Throwable cause = this.lastFailureCause;
			stop();
			throw new SettradeConnectionException(
					"Could not connect to Settrade MQTT (settrade.mqtt.fail-fast=true): " + failure, cause);
		}
	}

	/**
	 * Stop for good: no connection is installed after this returns, every connection
	 * opened is closed (one whose connect is still under way when it ends), and the
	 * connection's thread is gone.
	 */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
		}
		this.worker.stop(this.settings.connectTimeout().plusSeconds(5));
		this.gate.close();
		this.current = null;
		this.sessions.stopAndCloseAll();
		setState(ConnectionState.STOPPED);
	}

	/**
	 * Set whether to start with the application context.
	 * @param autoStartup whether to start automatically
	 */
	public void setAutoStartup(boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Set the hook called before each step of the connection's thread, for
	 * fault-injection tests: an exception it throws is contained like any other failure
	 * of that step.
	 * @param stepHook the hook, {@link StepHook#NONE} for none
	 */
	public void setStepHook(StepHook stepHook) {
		Assert.notNull(stepHook, "'stepHook' must not be null");
		this.stepHook = stepHook;
	}

	/**
	 * Replace the connection now, with the configured strategy, whatever the back-off
	 * after a failed rotation says. Does nothing unless connected.
	 */
	public void rotate() {
		rotateCurrent(OverlapRotation.Purpose.MANUAL, true);
	}

	/**
	 * Replace the connection of the given epoch because its token is about to expire,
	 * unless it has been replaced already or a failed rotation's back-off has not passed.
	 * @param epoch the epoch of the connection to replace
	 */
	public void rotate(long epoch) {
		execute(() -> rotateNow(epoch, OverlapRotation.Purpose.TOKEN, false));
	}

	/**
	 * Open a second connection beside the current one, which has gone silent while the
	 * market is open, and hand delivery over to it if it receives something; otherwise
	 * keep the current one. Follows the back-off of failed rotations.
	 */
	public void replaceSilentConnection() {
		rotateCurrent(OverlapRotation.Purpose.HEAL, false);
	}

	private void rotateCurrent(OverlapRotation.Purpose purpose, boolean force) {
		execute(() -> {
			TicketConnection session = this.current;
			if (session != null) {
				rotateNow(session.epoch(), purpose, force);
			}
		});
	}

	/**
	 * Unsubscribe and subscribe a topic again on the current connection, for a topic that
	 * went silent while the rest of the feed did not.
	 * @param topic the topic
	 */
	public void resubscribe(String topic) {
		execute(() -> {
			TicketConnection session = this.current;
			if (session != null && session.isOpen() && this.state.state() == ConnectionState.CONNECTED) {
				step(ConnectionStep.SUBSCRIBE);
				this.reconciler.unsubscribe(session, topic);
				reconcile();
				this.events.publish(new FeedHealedEvent(this, FeedHealedEvent.Action.RESUBSCRIBE, topic));
			}
		});
	}

	/**
	 * Return the state of the connection.
	 * @return the state
	 */
	public ConnectionState getState() {
		return this.state.state();
	}

	/**
	 * Return what the connection knows now, in one consistent snapshot: its state and
	 * since when, the current connection's facts, the last rotation and the last failure.
	 * Never a token, ticket or secret.
	 * @return the status
	 * @since 0.1.0
	 */
	public ConnectionStatus getStatus() {
		StateChange state = this.state;
		TicketConnection session = this.current;
		SessionFacts facts = this.facts;
		boolean current = session != null && facts != null;
		return new ConnectionStatus(state.state(), state.since(), current ? session.ticket().host() : null,
				current ? facts : null, current ? session.ticket().remaining(this.nanoClock.getAsLong()) : null,
				this.lastRotation, this.lastRotationFailure, this.lastFailure);
	}

	/**
	 * Return the facts of the connection that is delivering.
	 * @return the facts, or {@code null} when none is
	 */
	public @Nullable SessionFacts getSessionFacts() {
		return (this.current != null) ? this.facts : null;
	}

	/**
	 * Return how the last rotation that replaced the connection went.
	 * @return the outcome, or {@code null} before the first rotation
	 */
	public @Nullable RotationOutcome getLastRotation() {
		return this.lastRotation;
	}

	/**
	 * Return the last rotation that could not replace the connection, unless a rotation
	 * succeeded since.
	 * @return the failure, or {@code null}
	 */
	public @Nullable RotationFailure getLastRotationFailure() {
		return this.lastRotationFailure;
	}

	/**
	 * Return why the last connection attempt failed.
	 * @return the reason, or {@code null} when connected
	 */
	public @Nullable String getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * Return when the token behind the current connection expires: Settrade closes the
	 * connection then.
	 * @return the expiry on the monotonic clock, or {@code null} when not connected
	 */
	public @Nullable Long getTicketExpiresAtNanos() {
		TicketConnection session = this.current;
		return (session != null) ? session.ticket().expiresAtNanos() : null;
	}

	/**
	 * Return the host the current connection was offered.
	 * @return the host, or {@code null} when not connected
	 */
	public @Nullable String getHost() {
		TicketConnection session = this.current;
		return (session != null) ? session.ticket().host() : null;
	}

	/**
	 * Return how many messages were dropped because they came from a connection that had
	 * been superseded.
	 * @return the count
	 */
	public long getSupersededMessageCount() {
		return this.gate.supersededCount();
	}

	// Paho's threads

	@Override
	public void messageArrived(TicketConnection session, String topic, MqttMessage message, long arrivedNanos) {
		if (SubscriptionErrors.isErrorTopic(topic)) {
			this.subscriptionErrors.report(message.getPayload());
			return;
		}
		this.gate.accept(session.epoch(), topic, message, new HandOverGate.Received(Instant.now(), arrivedNanos));
	}

	@Override
	public void connectionLost(TicketConnection session, @Nullable Throwable cause) {
		execute(() -> lost(session, cause));
	}

	// the registry's callers' threads, under the registry's lock: only ask the worker

	@Override
	public void topicAdded(String topic) {
		requestReconcile();
	}

	@Override
	public void topicRemoved(String topic) {
		requestReconcile();
	}

	private void requestReconcile() {
		if (this.reconcileRequested.compareAndSet(false, true) && schedule(this::reconcile, Duration.ZERO) == null) {
			// not running: a new connection subscribes everything anyway
			this.reconcileRequested.set(false);
		}
	}

	// the worker thread

	/**
	 * Change the state, noting when: a state set again keeps the time it was entered.
	 */
	private void setState(ConnectionState state) {
		if (this.state.state() != state) {
			this.state = new StateChange(state, Instant.now());
		}
	}

	private void step(ConnectionStep step) {
		this.step = step;
		this.hook.before(step);
	}

	private void connect(SessionChange change) {
		this.connectScheduled = false;
		if (!this.running) {
			return;
		}
		TicketConnection session = null;
		try {
			step(ConnectionStep.TICKET);
			DispatcherTicket ticket = this.loginService.dispatcherTicket();
			step(ConnectionStep.OPEN);
			session = this.sessions.open(ticket);
			SessionFacts facts = new SessionFacts(session.epoch(), change, gap(), Instant.now());
			// the new epoch is accepted before the first SUBSCRIBE goes out, so that what
			// arrives at once is delivered, not dropped as superseded
			this.gate.deliverFrom(facts);
			step(ConnectionStep.SUBSCRIBE);
			this.reconciler.reset();
			List<SubscribeOutcome> outcomes = session.subscribe(this.reconciler.topicsToSend());
			if (outcomes.stream().noneMatch(SubscribeOutcome::answered)) {
				throw new ConnectAttemptException("the connection answered no SUBSCRIBE", null);
			}
			this.reconciler.record(outcomes);
			step(ConnectionStep.INSTALL);
			install(session, facts);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			abandon(session);
		}
		catch (RuntimeException | Error ex) {
			abandon(session);
			failed(change, ex);
		}
	}

	private Duration gap() {
		return (this.lostAtNanos != 0) ? Duration.ofNanos(this.nanoClock.getAsLong() - this.lostAtNanos)
				: Duration.ZERO;
	}

	private void abandon(@Nullable TicketConnection session) {
		if (session != null) {
			if (this.current == session) {
				this.current = null;
			}
			if (this.gate.deliveringEpoch() == session.epoch()) {
				this.gate.close();
			}
			this.sessions.close(session);
		}
	}

	/**
	 * Schedule the next attempt first, so that nothing below can keep it from happening,
	 * then say why this one failed.
	 */
	private void failed(SessionChange change, Throwable ex) {
		if (!this.running) {
			// interrupted by stop(): nothing failed
			return;
		}
		if (ex instanceof VirtualMachineError error) {
			throw error;
		}
		boolean authentication = ex instanceof SettradeApiException api
				&& (api.isAuthenticationFailure() || api.getStatus() == 400);
		this.authFailures = authentication ? this.authFailures + 1 : 0;
		boolean authFailed = this.authFailures >= this.settings.authFailureThreshold();
		// rejected credentials do not get better by asking often: the slowest pace only
		Duration delay = authFailed ? this.settings.reconnectBackoff().max()
				: this.settings.reconnectBackoff().delay(this.failedAttempts++);
		if (change != SessionChange.INITIAL && this.lostAtNanos == 0) {
			this.lostAtNanos = this.nanoClock.getAsLong();
		}
		setState(authFailed ? ConnectionState.AUTH_FAILED
				: (change == SessionChange.INITIAL) ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING);
		scheduleConnect(change, delay);
		String reason = FailureReasons.reason(ex);
		this.lastFailure = reason;
		this.lastFailureCause = ex;
		String message = "Settrade MQTT connection attempt failed while " + FailureReasons.describe(this.step) + " ("
				+ reason + "); next attempt in " + delay.toMillis() + " ms"
				+ (authFailed ? ": Settrade keeps rejecting the credentials, check settrade.mqtt.app-*" : "");
		if (FailureReasons.isExpected(ex)) {
			logger.warn(message);
		}
		else {
			logger.warn(message, ex);
		}
		this.events.publish(authentication ? new AuthenticationFailedEvent(this, this.step, reason, ex, delay)
				: new ConnectionFailedEvent(this, this.step, reason, ex, delay));
	}

	private void scheduleConnect(SessionChange change, Duration delay) {
		this.connectScheduled = true;
		schedule(() -> connect(change), delay);
	}

	private void install(TicketConnection session, SessionFacts facts) {
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				throw new ConnectAttemptException("stopped while connecting", null);
			}
			this.current = session;
			this.facts = facts;
			setState(ConnectionState.CONNECTED);
		}
		this.lostAtNanos = 0;
		this.authFailures = 0;
		this.lastFailure = null;
		this.lastFailureCause = null;
		SessionChange change = facts.change();
		logger.info("Connected to Settrade MQTT via " + session.ticket().host() + " (epoch " + session.epoch() + ", "
				+ FailureReasons.describe(change)
				+ ((change == SessionChange.INITIAL) ? "" : ", gap " + facts.gap().toMillis() + " ms") + ")");
		this.events.publish(new ConnectedEvent(this, facts, false));
		if (change == SessionChange.RECOVERY) {
			this.events.publish(new RecoveredEvent(this, facts));
		}
		if (change != SessionChange.ROTATION) {
			// a restart rotation is no loss: the feed has been up since before it
			this.upSinceNanos = this.nanoClock.getAsLong();
		}
		// claims made while connecting, and refusals to retry
		requestReconcile();
	}

	private void reconcile() {
		this.reconcileRequested.set(false);
		TicketConnection session = this.current;
		if (session == null || !session.isOpen() || this.state.state() != ConnectionState.CONNECTED) {
			// a new connection subscribes everything the registry wants
			return;
		}
		try {
			step(ConnectionStep.SUBSCRIBE);
			SubscribeRequest request = this.reconciler.reconcile(session,
					(answered) -> execute(() -> subscribeAnswered(session, answered)));
			if (request != null) {
				schedule(() -> subscribeAnswered(session, request), session.completionTimeout());
			}
			else {
				scheduleRetry();
			}
		}
		catch (RuntimeException ex) {
			Duration retry = this.settings.reconnectBackoff().initial();
			logger.warn("Could not update the Settrade MQTT subscriptions (" + ex + "); trying again in "
					+ retry.toMillis() + " ms");
			scheduleReconcile(retry);
		}
	}

	/**
	 * Take the answers to a reconciling request, when they are all in or when the
	 * completion timeout has passed, whichever comes first. A connection that answered
	 * none of it and received nothing since it was sent is taken for dead (half-open),
	 * without waiting for the MQTT keep-alive to say so.
	 */
	private void subscribeAnswered(TicketConnection session, SubscribeRequest request) {
		if (!request.take() || session != this.current) {
			// taken already, or a new connection subscribes everything anyway
			return;
		}
		int unanswered = this.reconciler.answered(session, request);
		if (unanswered == 0) {
			scheduleRetry();
			return;
		}
		if (session.isOpen() && !session.receivedSince(request.sentAtNanos())) {
			lost(session,
					new ConnectAttemptException(
							"no SUBACK within " + session.completionTimeout().toMillis()
									+ " ms and nothing received since the SUBSCRIBE: the connection is half-open",
							null));
			return;
		}
		// the broker is slow, not gone: ask again in a while
		scheduleReconcile(this.settings.reconnectBackoff().initial());
	}

	private void scheduleRetry() {
		Duration retry = this.reconciler.nextRetry();
		if (retry != null) {
			scheduleReconcile(retry);
		}
	}

	private void scheduleReconcile(Duration delay) {
		ScheduledFuture<?> pending = this.reconcileRetry;
		if (pending != null && !pending.isDone()) {
			if (pending.getDelay(TimeUnit.NANOSECONDS) <= delay.toNanos()) {
				return;
			}
			pending.cancel(false);
		}
		this.reconcileRetry = schedule(this::reconcile, delay);
	}

	private void lost(TicketConnection session, @Nullable Throwable cause) {
		if (session != this.current) {
			// a superseded connection, or the new side of a rotation that gave up on it
			this.sessions.close(session);
			return;
		}
		this.gate.close();
		this.current = null;
		this.lostAtNanos = this.nanoClock.getAsLong();
		if (this.lostAtNanos - this.upSinceNanos >= this.settings.stableAfter().toNanos()) {
			// only a feed that stayed up, through any number of rotations, earns a fresh
			// back-off
			this.failedAttempts = 0;
		}
		setState(ConnectionState.RECONNECTING);
		this.registry.markAllPending();
		Duration delay = this.settings.reconnectBackoff().delay(this.failedAttempts++);
		scheduleConnect(SessionChange.RECOVERY, delay);
		this.sessions.close(session);
		String reason = (cause instanceof ConnectAttemptException) ? cause.getMessage()
				: (cause != null) ? FailureReasons.mostSpecific(cause) : "closed by the server";
		logger.warn("Lost the Settrade MQTT connection (epoch " + session.epoch() + ": " + reason
				+ "); reconnecting in " + delay.toMillis() + " ms");
		this.events.publish(new ConnectionLostEvent(this, session.epoch(), reason, cause));
	}

	private void rotateNow(long epoch, OverlapRotation.Purpose purpose, boolean force) {
		TicketConnection old = this.current;
		if (old == null || old.epoch() != epoch || this.state.state() != ConnectionState.CONNECTED) {
			return;
		}
		long started = this.nanoClock.getAsLong();
		if (!force && !this.rotationBackoff.allows(purpose)) {
			return;
		}
		setState(ConnectionState.ROTATING);
		try {
			step(ConnectionStep.ROTATE);
			if (this.settings.rotation() == RotationStrategy.RESTART && purpose != OverlapRotation.Purpose.HEAL) {
				restart(old, started);
			}
			else {
				OverlapRotation.Result result = this.overlapRotation.run(old, purpose);
				if (result instanceof OverlapRotation.Ready ready) {
					handOver(old, ready, purpose);
				}
				else if (result instanceof OverlapRotation.Failed failed) {
					rotationFailed(old, purpose, failed.reason(), null);
				}
			}
		}
		catch (InterruptedException ex) {
			// stopping: stop() closes what is left
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException | Error ex) {
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
			rotationFailed(old, purpose,
					"failed while " + FailureReasons.describe(this.step) + ": " + FailureReasons.reason(ex), ex);
		}
		finally {
			if (this.state.state() == ConnectionState.ROTATING) {
				setState((this.current != null) ? ConnectionState.CONNECTED : ConnectionState.RECONNECTING);
			}
		}
	}

	private void handOver(TicketConnection old, OverlapRotation.Ready ready, OverlapRotation.Purpose purpose) {
		TicketConnection next = ready.next();
		SessionFacts facts;
		try {
			step(ConnectionStep.HAND_OVER);
			synchronized (this.lifecycleMonitor) {
				if (!this.running) {
					throw new ConnectAttemptException("stopped while rotating", null);
				}
				// the old connection may have closed while the new one lined up: then
				// messages may be missing from the time it closed
				long lostAt = old.lostAtNanos();
				Duration gap = (ready.oldClosed() && lostAt != 0)
						? Duration.ofNanos(this.nanoClock.getAsLong() - lostAt) : Duration.ZERO;
				facts = new SessionFacts(next.epoch(), SessionChange.ROTATION, gap, Instant.now());
				ready.overlap().handOver(facts, OverlapRotation.SETTLE.toNanos());
				this.current = next;
				this.facts = facts;
				setState(ConnectionState.CONNECTED);
			}
		}
		catch (RuntimeException | Error ex) {
			ready.overlap().end();
			this.sessions.close(next);
			throw ex;
		}
		this.reconciler.reset();
		this.reconciler.record(ready.outcomes());
		this.sessions.close(old);
		schedule(ready.overlap()::end, OVERLAP_GRACE);
		this.rotationBackoff.succeeded(purpose);
		this.lastRotationFailure = null;
		RotationOutcome outcome = new RotationOutcome(RotationStrategy.OVERLAP, Instant.now(), facts.gap(),
				ready.took());
		this.lastRotation = outcome;
		logger.info(((purpose == OverlapRotation.Purpose.HEAL) ? "Replaced the silent Settrade MQTT connection"
				: "Rotated the Settrade MQTT connection without a gap") + " (epoch " + old.epoch() + " -> "
				+ next.epoch() + ", " + outcome.took().toMillis() + " ms)");
		this.events.publish(new ConnectedEvent(this, facts, true));
		this.events.publish(new RotatedEvent(this, outcome, facts));
		if (purpose == OverlapRotation.Purpose.HEAL) {
			this.events.publish(new FeedHealedEvent(this, FeedHealedEvent.Action.REPLACE, null));
		}
		requestReconcile();
	}

	/**
	 * The old connection keeps delivering: try again after a back-off, for as long as it
	 * lives. Only a connection that is gone is recovered.
	 */
	private void rotationFailed(TicketConnection old, OverlapRotation.Purpose purpose, String reason,
			@Nullable Throwable cause) {
		if (!this.running) {
			return;
		}
		if (this.current == old && !old.isOpen()) {
			lost(old, cause);
			return;
		}
		Duration retryIn = this.rotationBackoff.failed(purpose);
		setState(ConnectionState.CONNECTED);
		RotationFailure failure = new RotationFailure(Instant.now(), reason, retryIn);
		this.lastRotationFailure = failure;
		Duration tokenLeft = old.ticket().remaining(this.nanoClock.getAsLong());
		logger.warn("Could not replace the Settrade MQTT connection (" + reason + "); epoch " + old.epoch()
				+ " keeps delivering, its token expires in " + tokenLeft.toSeconds() + " s; next attempt in "
				+ retryIn.toMillis() + " ms");
		this.events.publish(new RotationFailedEvent(this, old.epoch(), failure));
	}

	private void restart(TicketConnection old, long started) {
		this.lostAtNanos = this.nanoClock.getAsLong();
		this.gate.close();
		this.current = null;
		this.registry.markAllPending();
		this.sessions.close(old);
		connect(SessionChange.ROTATION);
		SessionFacts facts = this.facts;
		if (this.current != null && facts != null) {
			RotationOutcome outcome = new RotationOutcome(RotationStrategy.RESTART, Instant.now(), facts.gap(),
					Duration.ofNanos(this.nanoClock.getAsLong() - started));
			this.lastRotation = outcome;
			this.events.publish(new RotatedEvent(this, outcome, facts));
		}
	}

	/**
	 * A subscription was refused, on the connection's thread (by the broker) or Paho's
	 * (by the service).
	 */
	private void refused(String topic, String reason, Refusal refusal) {
		this.events.publish(new SubscriptionRefusedEvent(this, topic, reason, refusal));
	}

	private void execute(Runnable task) {
		schedule(task, Duration.ZERO);
	}

	private @Nullable ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return this.running ? this.worker.schedule(task, delay) : null;
	}

	/**
	 * After every task of the worker's: a connection that is neither connected nor has
	 * its next attempt scheduled gets one, whatever went wrong before.
	 */
	private void ensureRecovering() {
		if (this.running && this.current == null && !this.connectScheduled) {
			scheduleConnect(SessionChange.RECOVERY, this.settings.reconnectBackoff().delay(this.failedAttempts++));
		}
	}

	/**
	 * A state and when it was entered, read and written as one.
	 */
	private record StateChange(ConnectionState state, Instant since) {

	}

}
