package io.github.settrademqtt.test.market;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import reactor.util.Logger;
import reactor.util.Loggers;

/**
 * Runs publications in turn on one thread of its own, evenly spaced: with {@code n}
 * publications at {@code r} per second each, one every {@code 1 / (n r)} seconds, so that
 * every publication runs {@code r} times a second at an even pace. Below a millisecond
 * per tick, several run per tick instead, to keep the scheduler's overhead down. A tick
 * that runs late is caught up, so the rate holds over time.
 *
 * @author settrade-mqtt
 */
public final class PacedPublisher {

	public static final String THREAD_NAME = "settrade-simulator-market";

	private static final long MIN_TICK_NANOS = Duration.ofMillis(1).toNanos();

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = Loggers.getLogger(PacedPublisher.class);

	private final List<Runnable> publications;

	private final ScheduledExecutorService executor;

	private int next;

	public PacedPublisher(List<Runnable> publications, double perSecondEach) {
		this.publications = List.copyOf(publications);
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		this.executor = executor;
		double nanosPerPublication = 1e9 / (perSecondEach * this.publications.size());
		int perTick = (int) Math.max(1, Math.ceil(MIN_TICK_NANOS / nanosPerPublication));
		long tickNanos = Math.max(1, Math.round(nanosPerPublication * perTick));
		this.executor.scheduleAtFixedRate(() -> tick(perTick), 0, tickNanos, TimeUnit.NANOSECONDS);
	}

	private void tick(int perTick) {
		for (int i = 0; i < perTick; i++) {
			try {
				this.publications.get(this.next).run();
			}
			catch (RuntimeException ex) {
				// Caught, or the executor would cancel the generator silently
				logger.warn("Market generator failed to publish: {}", ex.getClass().getName());
			}
			this.next = (this.next + 1) % this.publications.size();
		}
	}

	/**
	 * Stops publishing; returns once the thread is gone.
	 */
	public void stop() {
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("Market generator did not stop within {}", STOP_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
