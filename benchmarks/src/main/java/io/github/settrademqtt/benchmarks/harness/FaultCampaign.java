package io.github.settrademqtt.benchmarks.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import io.github.settrademqtt.actuate.health.SettradeMqttHealthIndicator;
import io.github.settrademqtt.benchmarks.harness.FaultSchedule.PlannedFault;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.SessionChange;
import io.github.settrademqtt.connection.SessionFacts;
import io.github.settrademqtt.connection.SettradeMqttConnection;
import io.github.settrademqtt.connection.StepHook;
import io.github.settrademqtt.connection.SubscriptionHandle;
import io.github.settrademqtt.connection.SubscriptionRegistry;
import io.github.settrademqtt.connection.SubscriptionState;
import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;
import io.github.settrademqtt.test.SimulatorMarket;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs a client against an embedded simulator and fires faults at it, one at a time, in
 * the order a {@link FaultSchedule} gives, while a {@link PacedFeed} publishes numbered
 * books and two {@link ArrivalLog}s record what arrives from the broker and what reaches
 * the application. The simulator's tokens are short (a rotation every few seconds), all
 * the time.
 * <p>
 * Each fault starts a window that lasts until the next one. Faults that must hit a
 * rotation are fired just before it is due; after a fault the campaign waits until it has
 * run its course and the feed is receiving again on every topic, then pauses and fires
 * the next. For each window it records: the longest silence on a topic (the recovery
 * time: from the fault, or from when the feed stopped, to the first message after it),
 * the messages lost (sequence gaps on the raw side), messages delivered twice or out of
 * order, tickets presented twice, and, sampled every 200 ms, whether the starter's health
 * said {@code UP} while nothing had been delivered for longer than the grace period. It
 * also follows every rotation, and samples live threads and heap after a warm-up and at
 * the end.
 * <p>
 * Nothing here asserts: the figures go to a {@link Result} that tests assert and reports
 * show.
 *
 * @author settrade-mqtt
 */
public final class FaultCampaign {

	private static final Log logger = LogFactory.getLog(FaultCampaign.class);

	/**
	 * How often health and the connection are sampled.
	 */
	static final Duration SAMPLE_EVERY = Duration.ofMillis(200);

	/**
	 * How long to wait for the feed to come back once its bound has passed, before the
	 * next fault is fired anyway.
	 */
	private static final Duration GIVE_UP = Duration.ofMinutes(2);

	/**
	 * How long before a rotation is due a fault that must hit it is fired.
	 */
	private static final Duration LEAD = Duration.ofMillis(300);

	/**
	 * How much more than the margin a connection's token may have left when its rotation
	 * starts: the time between two reads of the connection's state.
	 */
	public static final Duration ROTATION_SLACK = Duration.ofMillis(250);

	/**
	 * How many more live threads the end may have than the start: the other side of a
	 * connection being opened or closed.
	 */
	public static final int THREAD_TOLERANCE = 4;

	/**
	 * How long the end waits for live threads to come back within the tolerance before it
	 * is sampled: a connection given up on while it waited for its CONNACK (a stall at
	 * the wrong moment) keeps its Paho threads until its connect ends or its grace
	 * passes, the starter's connect timeout (10 s) plus 5 s. A leak never comes back and
	 * still fails.
	 */
	public static final Duration THREADS_SETTLE = Duration.ofSeconds(20);

	/**
	 * How much more heap the end may hold after a full collection than the start: the
	 * buffers of a second connection, and the simulator's ledger of every secret it
	 * issued.
	 */
	public static final long HEAP_TOLERANCE_BYTES = 8 * 1024 * 1024;

	/**
	 * How long an overlap rotation keeps comparing the two connections after its
	 * hand-over, and then some: processes are sampled only when no rotation is under way.
	 */
	private static final Duration AFTER_HAND_OVER = Duration.ofMillis(2500);

	private final CampaignSettings settings;

	private final CampaignSubject subject;

	private final List<String> topics;

	private final int mainTopics;

	private final List<Long> healthViolations = new ArrayList<>();

	/**
	 * The rotations seen while sampling, told apart as heals or not only at the end: the
	 * starter publishes a heal's {@code FeedHealedEvent} after the rotation's own event,
	 * and a sample taken between the two would take the heal for a planned rotation.
	 */
	private final List<TrackedRotation> rotations = new ArrayList<>();

	private @Nullable SettradeSimulator simulator;

	private @Nullable TicketLedger ledger;

	private @Nullable ArrivalLog raw;

	private @Nullable ArrivalLog delivered;

	private @Nullable SettradeMqttHealthIndicator health;

	// the sampler's thread only

	private long trackedEpoch;

	private long trackedExpiry;

	private @Nullable Instant pendingRotation;

	private long pendingExpiry;

	private FaultCampaign(CampaignSettings settings, CampaignSubject subject) {
		this.settings = settings;
		this.subject = subject;
		this.topics = Stream.concat(settings.symbols().stream(), settings.spareSymbols().stream())
			.map(SimulatorMarket::bidOfferTopic)
			.toList();
		this.mainTopics = settings.symbolCount();
	}

	/**
	 * Run a campaign against a client, on a simulator of its own.
	 * @param settings the campaign's settings
	 * @param subject the client, not started yet; closed at the end
	 * @return what happened
	 * @throws Exception when the client cannot start or never receives the feed
	 */
	public static Result run(CampaignSettings settings, CampaignSubject subject) throws Exception {
		return new FaultCampaign(settings, subject).run();
	}

	private Result run() throws Exception {
		logger.info(
				String.format(Locale.ROOT, "Fault campaign against %s, seed %d (--seed=%d gives the same schedule), %s",
						this.subject.name(), this.settings.seed(), this.settings.seed(), this.settings.duration()));
		try (SettradeSimulator simulator = SettradeSimulator.builder()
			.tokenLifetime(this.settings.tokenLifetime())
			.build()
			.start()) {
			this.simulator = simulator;
			this.ledger = new TicketLedger(simulator.mqtt());
			SimulatedApp app = simulator.registerApp();
			this.raw = new ArrivalLog(this.topics);
			this.delivered = new ArrivalLog(this.topics);
			List<String> published = Stream
				.concat(this.settings.symbols().stream(), this.settings.spareSymbols().stream())
				.toList();
			try (PacedFeed publisher = new PacedFeed(simulator, published, this.settings.rate());
					CampaignSubject subject = this.subject) {
				subject.start(this.settings, simulator, app, this.raw, this.delivered);
				StarterFeed feed = subject.feed();
				this.health = (feed != null) ? feed.bean(SettradeMqttHealthIndicator.class) : null;
				return campaign();
			}
		}
	}

	private Result campaign() {
		ArrivalLog raw = required(this.raw);
		ArrivalLog delivered = required(this.delivered);
		if (!NumberedRun.await(
				() -> raw.allTopicsSince(1, this.mainTopics) && delivered.allTopicsSince(1, this.mainTopics),
				Duration.ofSeconds(60))) {
			throw new IllegalStateException(this.subject.name() + ": not every topic delivered within 60 s");
		}
		warmUp();
		ProcessSample start = ProcessSample.take(0);
		long recordingStart = System.nanoTime();
		int ticketsAtStart = required(this.ledger).presented();
		raw.recording(true);
		delivered.recording(true);
		ScheduledExecutorService sampler = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("fault-campaign-sampler-"));
		sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_EVERY.toNanos(), TimeUnit.NANOSECONDS);
		List<Shot> shots = new ArrayList<>();
		List<PlannedFault> skipped = new ArrayList<>();
		FaultSchedule schedule = new FaultSchedule(this.settings.seed(), this.settings.faults(), this.settings.minGap(),
				this.settings.maxGap());
		try {
			while (true) {
				PlannedFault planned = schedule.next();
				if (System.nanoTime() - recordingStart >= this.settings.duration().toNanos()
						&& planned.round() > this.settings.minRounds()) {
					break;
				}
				parkFor(planned.gap());
				if (!this.subject.supports(planned.fault())) {
					skipped.add(planned);
					continue;
				}
				int tickets = required(this.ledger).presented();
				Shot shot = fire(planned).withTickets(tickets);
				logger.info(String.format(Locale.ROOT, "%s: fault #%d (round %d) %s: %s", this.subject.name(),
						planned.number(), planned.round(), planned.fault().label(), shot.detail()));
				shots.add(awaitRecovery(shot));
			}
		}
		finally {
			sampler.shutdownNow();
			awaitTermination(sampler);
		}
		long end = System.nanoTime();
		raw.recording(false);
		delivered.recording(false);
		Result result = analyse(shots, skipped, recordingStart, end, ticketsAtStart);
		raw.clear();
		delivered.clear();
		quietConnection();
		NumberedRun.await(
				() -> ManagementFactory.getThreadMXBean().getThreadCount() <= start.threads() + THREAD_TOLERANCE,
				THREADS_SETTLE);
		return result.withEnd(ProcessSample.take(0)).withStart(start);
	}

	/**
	 * Let the first connections be replaced, so that what they create once (pools,
	 * caches, compiled code) is in place before the start is sampled.
	 */
	private void warmUp() {
		long first = this.subject.connection();
		int rotations = this.settings.warmupRotations();
		if (!NumberedRun.await(() -> this.subject.connection() >= first + rotations,
				this.settings.tokenLifetime().multipliedBy(rotations + 2))) {
			throw new IllegalStateException(this.subject.name() + ": not " + rotations + " rotations in the warm-up");
		}
		NumberedRun.measureFor(AFTER_HAND_OVER);
	}

	/**
	 * Wait for the next change of connection and until its hand-over is complete.
	 */
	private void quietConnection() {
		long connection = this.subject.connection();
		awaitNewConnection(connection, this.settings.tokenLifetime().plusSeconds(15));
		NumberedRun.measureFor(AFTER_HAND_OVER);
	}

	private Shot fire(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		long connection = this.subject.connection();
		return switch (planned.fault()) {
			case DROP_ALL -> {
				long at = System.nanoTime();
				int dropped = simulator.mqtt().dropAllConnections();
				yield Shot.immediate(planned, at, connection, dropped + " connection(s) dropped");
			}
			case HALF_OPEN -> {
				long at = System.nanoTime();
				int stalled = simulator.mqtt().stallOpenConnections();
				yield Shot.immediate(planned, at, connection, stalled + " connection(s) stalled");
			}
			case HALF_OPEN_WHILE_SUBSCRIBING -> halfOpenWhileSubscribing(planned);
			case HALF_OPEN_AT_ROTATION -> halfOpenAtRotation(planned);
			case UPGRADES_REFUSED -> refuseUpgrades(planned);
			case REST_ERROR -> restError(planned);
			case REST_HANG -> restHang(planned);
			case SUBSCRIPTION_DENIED -> subscriptionDenied(planned);
			case SUBSCRIPTION_ERROR -> subscriptionError(planned);
			case STEP_EXCEPTION -> stepException(planned);
		};
	}

	private Shot halfOpenWhileSubscribing(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		SubscriptionRegistry registry = requiredFeed().bean(SubscriptionRegistry.class);
		String symbol = this.settings.spareSymbols().get(planned.number() % this.settings.spareSymbols().size());
		String topic = SimulatorMarket.bidOfferTopic(symbol);
		// right after a rotation, so that only the connection that delivers is stalled
		awaitNewConnection(this.subject.connection(), this.settings.tokenLifetime().plusSeconds(15));
		long connection = this.subject.connection();
		long at = System.nanoTime();
		int stalled = simulator.mqtt().stallOpenConnections();
		List<String> problems = new ArrayList<>();
		try (SubscriptionHandle handle = registry.subscribe(topic)) {
			boolean active = NumberedRun.await(() -> registry.states().get(topic) == SubscriptionState.ACTIVE
					&& required(this.delivered).lastArrival(topic) - at > 0, planned.fault().recoveryBound());
			if (!active) {
				problems.add(topic + ", claimed as the connection stalled, had no message within "
						+ planned.fault().recoveryBound().toSeconds() + " s");
			}
		}
		return new Shot(planned, true, at, at, connection, false,
				stalled + " connection(s) stalled as " + topic + " was claimed", problems, 0);
	}

	private Shot halfOpenAtRotation(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		long connection = awaitRotationDue();
		if (this.subject.makeBeforeBreak()) {
			// the new connection is open beside the old one
			NumberedRun.await(() -> simulator.mqtt().openConnections() >= 2, LEAD.plusSeconds(10));
		}
		long at = System.nanoTime();
		int stalled = simulator.mqtt().stallOpenConnections();
		return Shot.immediate(planned, at, connection, stalled + " connection(s) stalled during a rotation");
	}

	private Shot refuseUpgrades(PlannedFault planned) {
		long connection = awaitRotationDue();
		long at = System.nanoTime();
		required(this.simulator).mqtt().refuseUpgradesFor(planned.length());
		parkUntil(at + planned.length().toNanos());
		return new Shot(planned, true, at, System.nanoTime(), connection, true,
				"upgrades refused for " + planned.length().toMillis() + " ms", List.of(), 0);
	}

	private Shot restError(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		boolean logins = planned.pick() >= 0.5;
		long connection = awaitRotationDue();
		long at = System.nanoTime();
		List<String> problems = new ArrayList<>();
		Duration within = this.settings.tokenLifetime().plusSeconds(30);
		String detail;
		if (logins) {
			// the starter logs in only when a refresh fails
			long before = simulator.stats().successfulLogins();
			simulator.faults().rejectRefresh(true).failNextLogins(planned.count(), 503);
			if (!NumberedRun.await(() -> simulator.stats().successfulLogins() > before, within)) {
				problems.add("no successful login within " + within.toSeconds() + " s");
			}
			simulator.faults().rejectRefresh(false).failNextLogins(0, 503);
			detail = "refresh refused, then " + planned.count() + " login(s) answered 503";
		}
		else {
			long before = simulator.stats().rejectedTickets();
			simulator.faults().failNextTickets(planned.count(), 503);
			if (!NumberedRun.await(() -> simulator.stats().rejectedTickets() >= before + planned.count(), within)) {
				problems.add("fewer than " + planned.count() + " ticket requests within " + within.toSeconds() + " s");
			}
			simulator.faults().failNextTickets(0, 503);
			detail = planned.count() + " ticket request(s) answered 503";
		}
		return new Shot(planned, true, at, System.nanoTime(), connection, true, detail, problems, 0);
	}

	private Shot restHang(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		long connection = awaitRotationDue();
		long at = System.nanoTime();
		long before = simulator.stats().hungRequests();
		simulator.faults().hangNextTickets(1);
		Duration within = this.settings.tokenLifetime().plusSeconds(30);
		List<String> problems = new ArrayList<>();
		if (!NumberedRun.await(() -> simulator.stats().hungRequests() > before, within)) {
			problems.add("no ticket request within " + within.toSeconds() + " s");
		}
		// the client gives up on it after its read timeout
		parkUntil(System.nanoTime() + CampaignSettings.READ_TIMEOUT.toNanos());
		simulator.faults().hangNextTickets(0);
		return new Shot(planned, true, at, System.nanoTime(), connection, true, "a ticket request left unanswered",
				problems, 0);
	}

	private Shot subscriptionDenied(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		SubscriptionRegistry registry = requiredFeed().bean(SubscriptionRegistry.class);
		// right after a rotation, so that the retry is due long before the next one
		long previous = this.subject.connection();
		awaitNewConnection(previous, this.settings.tokenLifetime().plusSeconds(15));
		String symbol = this.settings.spareSymbols().get(planned.number() % this.settings.spareSymbols().size());
		String topic = SimulatorMarket.bidOfferTopic(symbol);
		simulator.mqtt().denySubscriptions(topic);
		long connection = this.subject.connection();
		long at = System.nanoTime();
		List<String> problems = new ArrayList<>();
		String detail;
		try (SubscriptionHandle handle = registry.subscribe(topic)) {
			if (!awaitFailed(registry, topic, Duration.ofSeconds(10))) {
				problems.add("the broker's refusal of " + topic + " never showed as FAILED");
			}
			long onConnection = this.subject.connection();
			long lifted = System.nanoTime();
			required(this.ledger).resetEndpoint();
			long[] changedAt = { 0 };
			boolean active = NumberedRun.await(() -> {
				if (changedAt[0] == 0 && this.subject.connection() != onConnection) {
					changedAt[0] = System.nanoTime();
				}
				return registry.states().get(topic) == SubscriptionState.ACTIVE
						&& required(this.delivered).lastArrival(topic) - lifted > 0;
			}, planned.fault().recoveryBound());
			long took = System.nanoTime() - lifted;
			if (!active) {
				problems.add(topic + " not subscribed again within " + planned.fault().recoveryBound().toSeconds()
						+ " s of the denial being lifted");
				detail = "refused, never subscribed again";
			}
			else if (changedAt[0] == 0) {
				detail = "refused, subscribed again on the same connection " + millis(took) + " ms after the denial "
						+ "was lifted";
			}
			else if (changedAt[0] - lifted < Duration.ofSeconds(3).toNanos()) {
				// a rotation came before the retry was due: the retry went unseen
				detail = "refused, subscribed again by a new connection " + millis(took) + " ms after the denial "
						+ "was lifted (a rotation came first)";
			}
			else {
				problems.add(topic + " subscribed again only by a new connection, " + millis(changedAt[0] - lifted)
						+ " ms after the denial was lifted");
				detail = "refused, not retried on the connection that had it";
			}
		}
		return new Shot(planned, true, at, System.nanoTime(), connection, false, detail, problems, 0);
	}

	private Shot subscriptionError(PlannedFault planned) {
		SettradeSimulator simulator = required(this.simulator);
		SubscriptionRegistry registry = requiredFeed().bean(SubscriptionRegistry.class);
		ArrivalLog raw = required(this.raw);
		ArrivalLog delivered = required(this.delivered);
		String symbol = String.format(Locale.ROOT, "U%04d", planned.number());
		String topic = SimulatorMarket.bidOfferTopic(symbol);
		simulator.mqtt().unknownSymbols(symbol);
		long connection = this.subject.connection();
		long at = System.nanoTime();
		List<String> problems = new ArrayList<>();
		long failedAt;
		try (SubscriptionHandle handle = registry.subscribe(topic)) {
			if (!awaitFailed(registry, topic, Duration.ofSeconds(10))) {
				problems.add("the service's error for " + topic + " never showed as FAILED");
			}
			failedAt = System.nanoTime();
			if (!NumberedRun.await(() -> raw.allTopicsSince(failedAt, this.mainTopics)
					&& delivered.allTopicsSince(failedAt, this.mainTopics), planned.fault().recoveryBound())) {
				problems.add("the other topics did not flow while " + topic + " failed");
			}
			// a rotation subscribes it again, granted at first, until the error comes
			// again
			if (!awaitFailed(registry, topic, Duration.ofSeconds(3))) {
				problems.add(topic + " shown " + registry.states().get(topic) + " while the rest flowed");
			}
		}
		finally {
			simulator.mqtt().clearUnknownSymbols();
		}
		return new Shot(planned, true, at, failedAt, connection, false,
				"unknown symbol shown FAILED after " + millis(failedAt - at) + " ms while the rest flowed", problems,
				0);
	}

	private Shot stepException(PlannedFault planned) {
		SettradeMqttConnection connection = requiredFeed().connection();
		String step = planned.pick(this.subject.routineSteps());
		long before = this.subject.connection();
		AtomicLong thrownAt = new AtomicLong();
		connection.setStepHook(StepHooks.throwingOnce(step, thrownAt::set));
		Duration within = this.settings.tokenLifetime().plusSeconds(15);
		boolean thrown = NumberedRun.await(() -> thrownAt.get() != 0, within);
		connection.setStepHook(StepHook.NONE);
		if (!thrown) {
			long now = System.nanoTime();
			return new Shot(planned, false, now, now, before, false,
					"step " + step + " not reached within " + within.toSeconds() + " s", List.of(), 0);
		}
		return new Shot(planned, true, thrownAt.get(), thrownAt.get(), before, true, "thrown before " + step, List.of(),
				0);
	}

	/**
	 * Wait until the connection that delivers is due to be replaced, less a lead; when it
	 * is due already (being replaced), wait for its successor.
	 * @return the connection's number
	 */
	private long awaitRotationDue() {
		long deadline = System.nanoTime() + this.settings.tokenLifetime().multipliedBy(3).toNanos();
		while (System.nanoTime() < deadline) {
			long connection = this.subject.connection();
			long due = this.subject.nextRotationNanos();
			if (connection != 0 && due != 0 && due - LEAD.toNanos() - System.nanoTime() > 0) {
				parkUntil(due - LEAD.toNanos());
				return connection;
			}
			awaitNewConnection(connection, this.settings.tokenLifetime());
		}
		throw new IllegalStateException(this.subject.name() + ": no rotation due within "
				+ this.settings.tokenLifetime().multipliedBy(3).toSeconds() + " s");
	}

	/**
	 * Wait until the fault has run its course: for one that hits a rotation, until the
	 * connection has been replaced; then until every topic has had a message, on both
	 * sides.
	 */
	private Shot awaitRecovery(Shot shot) {
		if (!shot.fired()) {
			return shot;
		}
		List<String> problems = new ArrayList<>(shot.problems());
		Duration bound = shot.planned().fault().recoveryBound();
		if (shot.atRotation() && !awaitNewConnection(shot.connection(), this.settings.tokenLifetime().plus(bound))) {
			problems.add("the connection was not replaced within "
					+ this.settings.tokenLifetime().plus(bound).toSeconds() + " s");
		}
		long from = Math.max(shot.spentAt(), System.nanoTime());
		ArrivalLog raw = required(this.raw);
		ArrivalLog delivered = required(this.delivered);
		BooleanSupplier receiving = () -> raw.allTopicsSince(from, this.mainTopics)
				&& delivered.allTopicsSince(from, this.mainTopics);
		if (!NumberedRun.await(receiving, bound.plusSeconds(10))) {
			problems.add("not receiving on every topic " + bound.plusSeconds(10).toSeconds() + " s after the fault");
			// the next fault waits for this one to be over, so that each window shows one
			if (!NumberedRun.await(receiving, GIVE_UP)) {
				problems.add("still not receiving " + GIVE_UP.toSeconds() + " s later");
			}
		}
		return shot.withProblems(problems);
	}

	// the sampler's thread

	private void sample() {
		StarterFeed feed = this.subject.feed();
		SettradeMqttHealthIndicator health = this.health;
		if (feed == null || health == null) {
			return;
		}
		try {
			long now = System.nanoTime();
			Status status = health.health().getStatus();
			long lastDelivery = required(this.delivered).lastArrival(this.mainTopics);
			if (Status.UP.equals(status) && now - lastDelivery > CampaignSettings.CONNECT_GRACE.toNanos()) {
				synchronized (this.healthViolations) {
					this.healthViolations.add(now);
				}
			}
			trackRotation(feed);
		}
		catch (RuntimeException ex) {
			logger.warn("Sampling the starter failed: " + ex);
		}
	}

	/**
	 * Follow the connection: remember the expiry of the one delivering, and on a
	 * rotation, once its outcome is known, how long the replaced one had left when it
	 * started.
	 */
	private void trackRotation(StarterFeed feed) {
		SettradeMqttConnection connection = feed.connection();
		SessionFacts facts = connection.getSessionFacts();
		Long expiry = connection.getTicketExpiresAtNanos();
		SessionFacts again = connection.getSessionFacts();
		if (facts == null || again == null || expiry == null || facts.epoch() != again.epoch()) {
			return;
		}
		if (facts.epoch() != this.trackedEpoch) {
			boolean rotated = this.trackedEpoch != 0 && facts.change() == SessionChange.ROTATION;
			this.pendingRotation = rotated ? facts.connectedAt() : null;
			this.pendingExpiry = this.trackedExpiry;
			this.trackedEpoch = facts.epoch();
		}
		this.trackedExpiry = expiry;
		RotationOutcome outcome = connection.getLastRotation();
		Instant pending = this.pendingRotation;
		if (pending != null && outcome != null && !outcome.at().isBefore(pending)) {
			long started = System.nanoTime() - Duration.between(outcome.at(), Instant.now()).toNanos()
					- outcome.took().toNanos();
			synchronized (this.rotations) {
				this.rotations
					.add(new TrackedRotation(started, Duration.ofNanos(this.pendingExpiry - started), outcome));
			}
			this.pendingRotation = null;
		}
	}

	// the analysis

	private Result analyse(List<Shot> shots, List<PlannedFault> skipped, long recordingStart, long end,
			int ticketsAtStart) {
		List<Shot> fired = shots.stream().filter(Shot::fired).toList();
		long[] starts = new long[fired.size() + 1];
		starts[0] = recordingStart;
		for (int i = 0; i < fired.size(); i++) {
			starts[i + 1] = fired.get(i).firedAt();
		}
		FaultWindows raw = FaultWindows.of(required(this.raw), this.mainTopics, this.topics.size(), starts, end);
		FaultWindows delivered = FaultWindows.of(required(this.delivered), this.mainTopics, this.topics.size(), starts,
				end);
		int[] ticketsTwice = new int[starts.length];
		for (int position : required(this.ledger).repeats()) {
			int window = 0;
			for (int i = 0; i < fired.size(); i++) {
				if (fired.get(i).tickets() <= position) {
					window = i + 1;
				}
			}
			if (position >= ticketsAtStart) {
				ticketsTwice[window]++;
			}
		}
		int[] healthUp = new int[starts.length];
		synchronized (this.healthViolations) {
			for (long at : this.healthViolations) {
				healthUp[windowOf(starts, at)]++;
			}
		}
		List<FiredFault> faults = new ArrayList<>();
		for (Shot shot : shots) {
			int window = fired.indexOf(shot) + 1;
			if (window == 0) {
				faults.add(new FiredFault(shot.planned(), false, shot.detail(), shot.firedAt(), Duration.ZERO,
						Duration.ZERO, 0, 0, 0, 0, 0, shot.problems()));
				continue;
			}
			faults.add(new FiredFault(shot.planned(), true, shot.detail(), shot.firedAt(),
					Duration.ofNanos(delivered.longestSilence(window)), Duration.ofNanos(raw.longestSilence(window)),
					raw.lost(window), raw.backwards(window), delivered.backwards(window), ticketsTwice[window],
					healthUp[window], shot.problems()));
		}
		Window quiet = new Window(Duration.ofNanos(delivered.longestSilence(0)), raw.lost(0), raw.backwards(0),
				delivered.backwards(0), ticketsTwice[0], healthUp[0]);
		return new Result(this.subject.name(), this.subject.feed() != null, this.subject.makeBeforeBreak(),
				this.settings, faults, skipped, quiet, rotations(), required(this.raw).size(),
				Duration.ofNanos(end - recordingStart), null, null);
	}

	/**
	 * The rotations while recording, each marked when it replaced a silent connection (a
	 * heal) rather than an expiring one.
	 */
	private List<Rotation> rotations() {
		StarterFeed feed = this.subject.feed();
		synchronized (this.rotations) {
			return this.rotations.stream()
				.map((rotation) -> new Rotation(rotation.startedAt(), rotation.remaining(),
						feed != null && feed.wasHeal(rotation.outcome())))
				.toList();
		}
	}

	/**
	 * A rotation as sampled, before it is told apart as a heal or not.
	 */
	private record TrackedRotation(long startedAt, Duration remaining, RotationOutcome outcome) {

	}

	private static int windowOf(long[] starts, long at) {
		int window = 0;
		for (int i = 1; i < starts.length; i++) {
			if (at - starts[i] >= 0) {
				window = i;
			}
		}
		return window;
	}

	/**
	 * Wait until a connection other than the given one delivers.
	 */
	private boolean awaitNewConnection(long previous, Duration within) {
		return NumberedRun.await(() -> this.subject.connection() != previous && this.subject.connection() != 0, within);
	}

	private static boolean awaitFailed(SubscriptionRegistry registry, String topic, Duration within) {
		return NumberedRun.await(() -> registry.states().get(topic) == SubscriptionState.FAILED, within);
	}

	private StarterFeed requiredFeed() {
		return required(this.subject.feed());
	}

	private static <T> T required(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("Not running");
		}
		return value;
	}

	private static void parkFor(Duration duration) {
		parkUntil(System.nanoTime() + duration.toNanos());
	}

	private static void parkUntil(long nanos) {
		long left;
		while ((left = nanos - System.nanoTime()) > 0) {
			LockSupport.parkNanos(left);
		}
	}

	private static void awaitTermination(ScheduledExecutorService executor) {
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	/**
	 * A fault as fired, before its window is analysed.
	 */
	private record Shot(PlannedFault planned, boolean fired, long firedAt, long spentAt, long connection,
			boolean atRotation, String detail, List<String> problems, int tickets) {

		static Shot immediate(PlannedFault planned, long at, long connection, String detail) {
			return new Shot(planned, true, at, at, connection, false, detail, List.of(), 0);
		}

		Shot withTickets(int tickets) {
			return new Shot(this.planned, this.fired, this.firedAt, this.spentAt, this.connection, this.atRotation,
					this.detail, this.problems, tickets);
		}

		Shot withProblems(List<String> problems) {
			return new Shot(this.planned, this.fired, this.firedAt, this.spentAt, this.connection, this.atRotation,
					this.detail, List.copyOf(problems), this.tickets);
		}

	}

	/**
	 * What one fault did.
	 *
	 * @param planned the fault as scheduled
	 * @param fired whether it took effect (a step the connection never ran does not)
	 * @param detail what was done, in words
	 * @param firedAt when, on {@link System#nanoTime()}
	 * @param recovery the longest a topic went without a delivery to the listener in the
	 * fault's window: from the fault, or from when the feed stopped, to the first
	 * delivery after it
	 * @param rawRecovery the same on the raw side, what arrived from the broker
	 * @param lost messages lost in the window (sequence gaps on the raw side)
	 * @param rawBackwards messages that arrived again or after a later one of their topic
	 * @param deliveredBackwards books handed to the listener again or after a later one
	 * of their topic
	 * @param ticketsPresentedTwice tickets presented again in the window
	 * @param healthUpWhileSilent health samples that said {@code UP} while nothing had
	 * been delivered for longer than the grace period
	 * @param problems what the fault's own checks found wrong
	 */
	public record FiredFault(PlannedFault planned, boolean fired, String detail, long firedAt, Duration recovery,
			Duration rawRecovery, long lost, long rawBackwards, long deliveredBackwards, int ticketsPresentedTwice,
			int healthUpWhileSilent, List<String> problems) {

		/**
		 * Return the fault's kind.
		 * @return the kind
		 */
		public Fault fault() {
			return this.planned.fault();
		}

		/**
		 * Name the fault for a message: its number, kind and what it did, with the seed
		 * that reproduces the schedule.
		 * @param seed the seed
		 * @return the description
		 */
		public String describe(long seed) {
			return String.format(Locale.ROOT, "seed %d, fault #%d (round %d) %s: %s", seed, this.planned.number(),
					this.planned.round(), fault().label(), this.detail);
		}

	}

	/**
	 * What happened before the first fault, with the short tokens only.
	 *
	 * @param longestSilence the longest a topic went without a delivery to the listener
	 * @param lost messages lost
	 * @param rawBackwards messages that arrived again or out of order
	 * @param deliveredBackwards books handed to the listener again or out of order
	 * @param ticketsPresentedTwice tickets presented again
	 * @param healthUpWhileSilent health samples that said {@code UP} while silent
	 */
	public record Window(Duration longestSilence, long lost, long rawBackwards, long deliveredBackwards,
			int ticketsPresentedTwice, int healthUpWhileSilent) {

	}

	/**
	 * A rotation of the starter's connection.
	 *
	 * @param startedAt when it started, on {@link System#nanoTime()}
	 * @param remaining how long the token of the connection it replaced had left then
	 * @param heal whether it replaced a silent connection, whatever its token had left
	 */
	public record Rotation(long startedAt, Duration remaining, boolean heal) {

	}

	/**
	 * What a campaign measured.
	 *
	 * @param subject the client's name
	 * @param starter whether the client is the starter (health and rotations apply)
	 * @param makeBeforeBreak whether the client replaces its connection make-before-break
	 * @param settings the settings
	 * @param faults the faults fired, in order
	 * @param skipped the faults that do not apply to the client
	 * @param beforeFaults the window before the first fault
	 * @param rotations the starter's rotations while recording
	 * @param received messages recorded on the raw side
	 * @param elapsed how long recording lasted
	 * @param start threads and heap after the warm-up
	 * @param end threads and heap at the end
	 */
	public record Result(String subject, boolean starter, boolean makeBeforeBreak, CampaignSettings settings,
			List<FiredFault> faults, List<PlannedFault> skipped, Window beforeFaults, List<Rotation> rotations,
			long received, Duration elapsed, @Nullable ProcessSample start, @Nullable ProcessSample end) {

		Result withStart(ProcessSample start) {
			return new Result(this.subject, this.starter, this.makeBeforeBreak, this.settings, this.faults,
					this.skipped, this.beforeFaults, this.rotations, this.received, this.elapsed, start, this.end);
		}

		Result withEnd(ProcessSample end) {
			return new Result(this.subject, this.starter, this.makeBeforeBreak, this.settings, this.faults,
					this.skipped, this.beforeFaults, this.rotations, this.received, this.elapsed, this.start, end);
		}

		/**
		 * Return every check that failed, each naming the seed and the fault: those of
		 * {@link #violations(FiredFault)}, anything wrong before the first fault, a
		 * rotation that came early or more rotations than one every half token lifetime,
		 * and threads or heap that grew beyond {@link #THREAD_TOLERANCE} or
		 * {@link #HEAP_TOLERANCE_BYTES}.
		 * @return the violations, empty when every check passed
		 */
		public List<String> violations() {
			long seed = this.settings.seed();
			List<String> violations = new ArrayList<>();
			this.faults.forEach((fault) -> violations.addAll(violations(fault)));
			Window quiet = this.beforeFaults;
			if (quiet.deliveredBackwards() + quiet.ticketsPresentedTwice() + quiet.healthUpWhileSilent() > 0) {
				violations.add("seed " + seed + ", before the first fault: " + quiet);
			}
			earlyRotations().forEach((rotation) -> violations
				.add("seed " + seed + ": a rotation started with " + rotation.remaining().toMillis()
						+ " ms left on the token, margin " + this.settings.margin().toMillis() + " ms"));
			if (this.start != null && this.end != null) {
				if (this.end.threads() - this.start.threads() > THREAD_TOLERANCE) {
					violations.add("seed " + seed + ": live threads " + this.start.threads() + " -> "
							+ this.end.threads() + " (" + this.end.threadsGrownSince(this.start) + ")");
				}
				if (this.end.heapAfterGc() - this.start.heapAfterGc() > HEAP_TOLERANCE_BYTES) {
					violations.add(String.format(Locale.ROOT, "seed %d: heap after GC %.1f -> %.1f MB", seed,
							this.start.heapAfterGc() / 1048576.0, this.end.heapAfterGc() / 1048576.0));
				}
			}
			return violations;
		}

		/**
		 * Return the checks one fault failed, each naming the seed and the fault: it
		 * never took effect, recovery beyond its bound on either side, a message lost to
		 * a fault that make-before-break must absorb, a book delivered twice or out of
		 * order, a ticket presented twice, health {@code UP} while silent, or the fault's
		 * own checks.
		 * @param fault one of {@link #faults()}
		 * @return the violations, empty when every check passed
		 */
		public List<String> violations(FiredFault fault) {
			String name = fault.describe(this.settings.seed());
			if (!fault.fired()) {
				return List.of(name + ": never took effect");
			}
			List<String> violations = new ArrayList<>();
			Duration bound = fault.fault().recoveryBound();
			if (fault.recovery().compareTo(bound) > 0 || fault.rawRecovery().compareTo(bound) > 0) {
				violations.add(name + ": recovery " + fault.recovery().toMillis() + " ms (raw "
						+ fault.rawRecovery().toMillis() + " ms), bound " + bound.toMillis() + " ms");
			}
			if (this.makeBeforeBreak && fault.fault().absorbedByOverlap() && fault.lost() > 0) {
				violations.add(name + ": " + fault.lost() + " message(s) lost");
			}
			if (fault.deliveredBackwards() > 0) {
				violations.add(name + ": " + fault.deliveredBackwards() + " book(s) delivered twice or out of order");
			}
			if (fault.ticketsPresentedTwice() > 0) {
				violations.add(name + ": " + fault.ticketsPresentedTwice() + " ticket(s) presented twice");
			}
			if (fault.healthUpWhileSilent() > 0) {
				violations.add(name + ": health UP in " + fault.healthUpWhileSilent()
						+ " sample(s) while nothing had been delivered for longer than the grace period");
			}
			fault.problems().forEach((problem) -> violations.add(name + ": " + problem));
			return violations;
		}

		/**
		 * Return the rotations that started while the token of the connection they
		 * replaced had more than the margin left, heals of a silent connection aside.
		 * @return the rotations that came early
		 */
		public List<Rotation> earlyRotations() {
			Duration latest = this.settings.margin().plus(ROTATION_SLACK);
			return this.rotations.stream()
				.filter((rotation) -> !rotation.heal() && rotation.remaining().compareTo(latest) > 0)
				.toList();
		}

		/**
		 * Return the most planned rotations the run could have: one every half token
		 * lifetime (the starter's capped margin), and one more for the start.
		 * @return the most rotations that do not replace a silent connection
		 */
		public long rotationsAllowed() {
			return this.elapsed.toNanos() / this.settings.tokenLifetime().dividedBy(2).toNanos() + 1;
		}

		/**
		 * Return the rotations that were not heals of a silent connection.
		 * @return the count
		 */
		public long plannedRotations() {
			return this.rotations.stream().filter((rotation) -> !rotation.heal()).count();
		}

		/**
		 * Return the faults of one kind that took effect.
		 * @param fault the kind
		 * @return the faults
		 */
		public List<FiredFault> fired(Fault fault) {
			return this.faults.stream().filter((fired) -> fired.fired() && fired.fault() == fault).toList();
		}

	}

}
