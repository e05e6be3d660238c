package io.github.settrademqtt.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.github.settrademqtt.login.DispatcherTicket;
import io.github.settrademqtt.login.SettradeApiException;
import io.github.settrademqtt.login.SettradeLoginService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Owns the MQTT connection to Settrade: opens it, re-subscribes every wanted topic on
 * every new connection, replaces it before its token expires, and recovers it after a
 * loss. It is the one reconnect owner: Paho's automatic reconnect is off.
 * <p>
 * Every change of state runs on one thread of its own, in order; Paho's threads only hand
 * messages to the {@link DeliveryGate} and report losses. Ticket fetching (network I/O)
 * happens on that thread too, never on Paho's.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class SettradeMqttConnection implements SmartLifecycle, MqttSession.Listener, SubscriptionRegistry.Listener {

	/**
	 * The phase of the connection.
	 */
	public static final int PHASE = SettradeTokenRefresher.PHASE + 1;

	private static final Log logger = LogFactory.getLog(SettradeMqttConnection.class);

	/**
	 * How long a topic must stay quiet on the old connection before an overlap stops
	 * waiting for it to line up; covers messages in flight when the new one subscribed.
	 */
	private static final Duration SETTLE = Duration.ofMillis(300);

	/**
	 * How long after the hand-over the new connection's messages are still compared with
	 * what the old one delivered: the new one may lag the old one a little.
	 */
	private static final Duration OVERLAP_GRACE = Duration.ofSeconds(2);

	private final SettradeLoginService loginService;

	private final ConnectionSettings settings;

	private final SubscriptionRegistry registry;

	private final BeanFactory beanFactory;

	private final ConnectionObserver observer;

	private final LongSupplier nanoClock = System::nanoTime;

	private final DeliveryGate gate;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean running;

	private volatile ConnectionState state = ConnectionState.STOPPED;

	private boolean autoStartup = true;

	private volatile @Nullable ScheduledExecutorService worker;

	private volatile @Nullable MqttSession current;

	/**
	 * A session being opened (a connect attempt, or the new side of an overlap), closed
	 * by {@link #stop()} if it is still opening.
	 */
	private volatile @Nullable MqttSession opening;

	private volatile @Nullable SessionFacts facts;

	private volatile @Nullable RotationOutcome lastRotation;

	private volatile @Nullable String lastFailure;

	private volatile @Nullable Throwable lastFailureCause;

	// the fields below are touched by the worker thread only

	private long epochs;

	private int failedAttempts;

	private int authFailures;

	private long lostAtNanos;

	/**
	 * Create a connection.
	 * @param loginService where tickets come from
	 * @param settings how to connect
	 * @param registry the wanted topics
	 * @param output where delivered messages go
	 * @param beanFactory the bean factory the Spring Integration adapters are given
	 * @param observer told what happens, for metrics
	 */
	public SettradeMqttConnection(SettradeLoginService loginService, ConnectionSettings settings,
			SubscriptionRegistry registry, SettradeMqttMessageProducer output, BeanFactory beanFactory,
			ConnectionObserver observer) {
		Assert.notNull(loginService, "'loginService' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(output, "'output' must not be null");
		this.loginService = loginService;
		this.settings = settings;
		this.registry = registry;
		this.beanFactory = beanFactory;
		this.observer = observer;
		this.gate = new DeliveryGate(new ObservedOutput(output, observer), this.nanoClock);
		registry.addListener(this);
	}

	/**
	 * Return the phase: after the {@link SettradeTokenRefresher} (which must keep the
	 * token alive for as long as any connection is open, so starts first and stops last)
	 * and before the {@link SettradeMqttMessageProducer} (which stops delivering before
	 * the connection is closed, and starts once there is a connection to deliver from).
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void start() {
		Future<?> first;
		synchronized (this.lifecycleMonitor) {
			if (this.running) {
				return;
			}
			this.running = true;
			this.state = ConnectionState.CONNECTING;
			this.registry.markAllPending();
			ScheduledExecutorService worker = Executors
				.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("settrade-mqtt-connection-"));
			this.worker = worker;
			first = worker.submit(() -> connect(SessionChange.INITIAL));
		}
		if (this.settings.failFast()) {
			awaitFirstConnection(first);
		}
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
		if (this.state != ConnectionState.CONNECTED) {
			String failure = this.lastFailure;
			Throwable cause = this.lastFailureCause;
			stop();
			throw new SettradeConnectionException(
					"Could not connect to Settrade MQTT (settrade.mqtt.fail-fast=true): " + failure, cause);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService worker;
		synchronized (this.lifecycleMonitor) {
			if (!this.running) {
				return;
			}
			this.running = false;
			worker = this.worker;
			this.worker = null;
		}
		if (worker != null) {
			worker.shutdownNow();
			try {
				worker.awaitTermination(this.settings.connectTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.gate.close();
		closeQuietly(this.opening);
		closeQuietly(this.current);
		this.opening = null;
		this.current = null;
		this.state = ConnectionState.STOPPED;
	}

	private static void closeQuietly(@Nullable MqttSession session) {
		if (session != null) {
			try {
				session.close();
			}
			catch (RuntimeException ex) {
				logger.debug("Failed to close " + session, ex);
			}
		}
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
	 * Replace the connection now, with the configured strategy. Does nothing unless
	 * connected; a connection that is being recovered gets a fresh ticket anyway.
	 */
	public void rotate() {
		execute(() -> {
			MqttSession session = this.current;
			if (session != null) {
				rotateNow(session.epoch());
			}
		});
	}

	/**
	 * Replace the connection of the given epoch, unless it has been replaced already.
	 * @param epoch the epoch of the connection to replace
	 */
	public void rotate(long epoch) {
		execute(() -> rotateNow(epoch));
	}

	/**
	 * Return the state of the connection.
	 * @return the state
	 */
	public ConnectionState getState() {
		return this.state;
	}

	/**
	 * Return the facts of the connection that is delivering.
	 * @return the facts, or {@code null} when none is
	 */
	public @Nullable SessionFacts getSessionFacts() {
		return (this.current != null) ? this.facts : null;
	}

	/**
	 * Return how the last rotation went.
	 * @return the outcome, or {@code null} before the first rotation
	 */
	public @Nullable RotationOutcome getLastRotation() {
		return this.lastRotation;
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
		MqttSession session = this.current;
		return (session != null) ? session.ticket().expiresAtNanos() : null;
	}

	/**
	 * Return the host the current connection was offered.
	 * @return the host, or {@code null} when not connected
	 */
	public @Nullable String getHost() {
		MqttSession session = this.current;
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
	public void messageArrived(MqttSession session, Message<?> message) {
		this.gate.accept(session.epoch(), message,
				new DeliveryGate.Received(Instant.now(), this.nanoClock.getAsLong()));
	}

	@Override
	public void connectionLost(MqttSession session, @Nullable Throwable cause) {
		execute(() -> lost(session, cause));
	}

	// the registry's callers' threads

	@Override
	public void topicAdded(String topic) {
		execute(() -> {
			MqttSession session = this.current;
			if (session != null && session.isOpen()) {
				record(session.subscribe(List.of(topic)));
			}
		});
	}

	@Override
	public void topicRemoved(String topic) {
		execute(() -> {
			MqttSession session = this.current;
			if (session != null) {
				session.unsubscribe(List.of(topic));
			}
		});
	}

	// the worker thread

	private void connect(SessionChange change) {
		if (!this.running) {
			return;
		}
		DispatcherTicket ticket;
		try {
			ticket = this.loginService.dispatcherTicket();
		}
		catch (SettradeApiException ex) {
			failed(change, ex.isAuthenticationFailure() || ex.getStatus() == 400, ex.getMessage(), ex);
			return;
		}
		catch (RuntimeException ex) {
			failed(change, false, "could not obtain a dispatcher ticket: " + ex, ex);
			return;
		}
		MqttSession session = open(ticket);
		if (!session.isOpen()) {
			session.close();
			// Paho cannot tell a refused upgrade (a spent or stale ticket) from a network
			// failure, so every failed attempt gets a fresh ticket
			Throwable cause = session.openFailure();
			failed(change, false, "could not connect to " + ticket.hosts()
					+ ((cause != null) ? " (" + mostSpecific(cause) + ")" : ""), cause);
			return;
		}
		subscribeAll(session);
		Duration gap = (this.lostAtNanos != 0) ? Duration.ofNanos(this.nanoClock.getAsLong() - this.lostAtNanos)
				: Duration.ZERO;
		install(session, change, gap);
		this.observer.connectionAttempted("success");
	}

	private MqttSession open(DispatcherTicket ticket) {
		MqttSession session = new MqttSession(++this.epochs, ticket, this.settings, this.beanFactory, this);
		this.opening = session;
		try {
			session.open();
		}
		finally {
			this.opening = null;
		}
		return session;
	}

	private static String mostSpecific(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private void failed(SessionChange change, boolean authentication, @Nullable String reason,
			@Nullable Throwable cause) {
		if (!this.running) {
			// interrupted by stop(): nothing failed
			return;
		}
		this.lastFailure = reason;
		this.lastFailureCause = cause;
		this.authFailures = authentication ? this.authFailures + 1 : 0;
		boolean authFailed = this.authFailures >= this.settings.authFailureThreshold();
		this.observer.connectionAttempted(authentication ? "auth-failure" : "failure");
		if (change != SessionChange.INITIAL && this.lostAtNanos == 0) {
			this.lostAtNanos = this.nanoClock.getAsLong();
		}
		// rejected credentials do not get better by asking often: the slowest pace only
		Duration delay = authFailed ? this.settings.reconnectBackoff().max()
				: this.settings.reconnectBackoff().delay(this.failedAttempts++);
		this.state = authFailed ? ConnectionState.AUTH_FAILED
				: (change == SessionChange.INITIAL) ? ConnectionState.CONNECTING : ConnectionState.RECONNECTING;
		logger.warn("Settrade MQTT connection attempt failed (" + reason + "); next attempt in " + delay.toMillis()
				+ " ms" + (authFailed ? ": Settrade keeps rejecting the credentials, check settrade.mqtt.app-*" : ""));
		schedule(() -> connect(change), delay);
	}

	private void install(MqttSession session, SessionChange change, Duration gap) {
		SessionFacts facts = new SessionFacts(session.epoch(), change, gap, Instant.now());
		this.facts = facts;
		this.gate.deliverFrom(facts);
		this.current = session;
		this.lostAtNanos = 0;
		this.authFailures = 0;
		this.lastFailure = null;
		this.lastFailureCause = null;
		this.state = ConnectionState.CONNECTED;
		if (change != SessionChange.INITIAL) {
			this.observer.reconnected(change);
		}
		logger.info("Connected to Settrade MQTT via " + session.ticket().host() + " (epoch " + session.epoch() + ", "
				+ describe(change) + ((change == SessionChange.INITIAL) ? "" : ", gap " + gap.toMillis() + " ms")
				+ ")");
		schedule(() -> {
			// only a connection that stayed up earns a fresh back-off
			if (this.current == session && session.isOpen()) {
				this.failedAttempts = 0;
			}
		}, this.settings.stableAfter());
	}

	private static String describe(SessionChange change) {
		return switch (change) {
			case INITIAL -> "first connection";
			case ROTATION -> "planned rotation";
			case RECOVERY -> "recovered after loss";
		};
	}

	private void subscribeAll(MqttSession session) {
		record(session.subscribe(this.registry.topics()));
	}

	private void record(List<SubscribeOutcome> outcomes) {
		for (SubscribeOutcome outcome : outcomes) {
			this.registry.record(outcome);
			if (!outcome.granted()) {
				logger.warn("Settrade MQTT subscription to '" + outcome.topic() + "' failed: " + outcome.reason()
						+ "; retried on the next connection");
			}
		}
	}

	private void lost(MqttSession session, @Nullable Throwable cause) {
		if (session != this.current) {
			// a superseded connection, already replaced
			return;
		}
		this.gate.close();
		this.current = null;
		this.lostAtNanos = this.nanoClock.getAsLong();
		this.state = ConnectionState.RECONNECTING;
		this.registry.markAllPending();
		session.close();
		Duration delay = this.settings.reconnectBackoff().delay(this.failedAttempts++);
		logger.warn("Lost the Settrade MQTT connection (epoch " + session.epoch() + ": "
				+ ((cause != null) ? cause.getMessage() : "closed by the server") + "); reconnecting in "
				+ delay.toMillis() + " ms");
		schedule(() -> connect(SessionChange.RECOVERY), delay);
	}

	private void rotateNow(long epoch) {
		MqttSession old = this.current;
		if (old == null || old.epoch() != epoch || this.state != ConnectionState.CONNECTED) {
			return;
		}
		this.state = ConnectionState.ROTATING;
		long started = this.nanoClock.getAsLong();
		if (this.settings.rotation() == RotationStrategy.RESTART) {
			restart(old, started, null);
			return;
		}
		DispatcherTicket ticket;
		try {
			ticket = this.loginService.dispatcherTicket();
		}
		catch (RuntimeException ex) {
			// still connected: the refresher asks again on its next check
			this.state = ConnectionState.CONNECTED;
			logger.warn("Could not obtain a ticket to rotate the Settrade MQTT connection: " + ex.getMessage());
			return;
		}
		overlap(old, ticket, started);
	}

	private void overlap(MqttSession old, DispatcherTicket ticket, long started) {
		long deadline = started + this.settings.rotationTimeout().toNanos();
		DeliveryGate.Overlap overlap = this.gate.beginOverlap(this.epochs + 1);
		MqttSession next = open(ticket);
		if (!next.isOpen()) {
			abandon(overlap, next, old, started, "the new connection could not connect to " + ticket.hosts());
			return;
		}
		subscribeAll(next);
		overlap.newSubscribed();
		try {
			if (!overlap.awaitAligned(SETTLE.toNanos(), deadline) && this.nanoClock.getAsLong() - deadline >= 0) {
				logger.info("Settrade MQTT rotation: the connections' streams did not line up within "
						+ this.settings.rotationTimeout().toMillis() + " ms; handing over anyway");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			abandon(overlap, next, old, started, "interrupted");
			return;
		}
		SessionFacts facts = new SessionFacts(next.epoch(), SessionChange.ROTATION, Duration.ZERO, Instant.now());
		this.facts = facts;
		overlap.handOver(facts);
		this.current = next;
		this.state = ConnectionState.CONNECTED;
		this.observer.reconnected(SessionChange.ROTATION);
		old.close();
		schedule(overlap::finish, OVERLAP_GRACE);
		RotationOutcome outcome = new RotationOutcome(RotationStrategy.OVERLAP, Instant.now(), Duration.ZERO,
				Duration.ofNanos(this.nanoClock.getAsLong() - started), null);
		this.lastRotation = outcome;
		this.observer.rotated(outcome);
		logger.info("Rotated the Settrade MQTT connection without a gap (epoch " + old.epoch() + " -> " + next.epoch()
				+ ", " + outcome.took().toMillis() + " ms)");
	}

	private void abandon(DeliveryGate.Overlap overlap, MqttSession next, MqttSession old, long started, String reason) {
		overlap.cancel();
		next.close();
		if (!this.running) {
			// stopping interrupted the new connection: stop() closes the old one
			return;
		}
		logger.warn("Settrade MQTT overlap rotation failed (" + reason + "); falling back to a restart");
		restart(old, started, reason);
	}

	private void restart(MqttSession old, long started, @Nullable String fallbackReason) {
		this.lostAtNanos = this.nanoClock.getAsLong();
		this.gate.close();
		this.current = null;
		this.registry.markAllPending();
		old.close();
		connect(SessionChange.ROTATION);
		SessionFacts facts = this.facts;
		Duration gap = (this.current != null && facts != null) ? facts.gap()
				: Duration.ofNanos(this.nanoClock.getAsLong() - started);
		RotationOutcome outcome = new RotationOutcome(RotationStrategy.RESTART, Instant.now(), gap,
				Duration.ofNanos(this.nanoClock.getAsLong() - started), fallbackReason);
		this.lastRotation = outcome;
		this.observer.rotated(outcome);
	}

	private void execute(Runnable task) {
		schedule(task, Duration.ZERO);
	}

	private void schedule(Runnable task, Duration delay) {
		ScheduledExecutorService worker = this.worker;
		if (worker == null || !this.running) {
			return;
		}
		try {
			worker.schedule(() -> runSafely(task), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	private void runSafely(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.error("Unexpected failure in the Settrade MQTT connection", ex);
		}
	}

	/**
	 * Counts what reaches the application and passes it on.
	 */
	private record ObservedOutput(SettradeMqttMessageProducer output,
			ConnectionObserver observer) implements DeliveryGate.Downstream {

		@Override
		public void deliver(Message<?> message) {
			this.output.deliver(message);
			String topic = message.getHeaders().get(SettradeMqttHeaders.TOPIC, String.class);
			TopicKind kind = (topic != null) ? TopicKind.of(topic) : null;
			if (kind != null) {
				this.observer.messageDelivered(kind);
			}
		}

		@Override
		public void failed(Message<?> message, RuntimeException ex) {
			this.output.failed(message, ex);
		}

	}

}
