package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The connection's own thread: every change of state runs on it, in order, and nothing a
 * task throws ends it. After every task a check runs that the connection is either
 * connected or has its next attempt scheduled: the last line of defence behind each
 * step's own containment.
 *
 * @author settrade-mqtt
 */
final class ConnectionWorker {

	private static final Log logger = LogFactory.getLog(ConnectionWorker.class);

	private final Runnable afterEachTask;

	private volatile @Nullable ScheduledExecutorService executor;

	/**
	 * Create a worker that runs {@code afterEachTask} after every task, whatever the task
	 * did.
	 */
	ConnectionWorker(Runnable afterEachTask) {
		this.afterEachTask = afterEachTask;
	}

	/**
	 * Start the thread with a first task, returning that task's completion.
	 */
	Future<?> start(Runnable first) {
		ScheduledExecutorService executor = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("settrade-mqtt-connection-"));
		this.executor = executor;
		return executor.submit(() -> runContained(first));
	}

	/**
	 * Interrupt what runs, drop what waits, and wait a while for the thread to end.
	 */
	void stop(Duration patience) {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * Run a task on the thread after a delay; {@code null} when stopped.
	 */
	@Nullable ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		ScheduledExecutorService executor = this.executor;
		if (executor == null) {
			return null;
		}
		try {
			return executor.schedule(() -> runContained(task), delay.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// stopping
			return null;
		}
	}

	private void runContained(Runnable task) {
		try {
			task.run();
		}
		catch (VirtualMachineError error) {
			throw error;
		}
		catch (Throwable ex) {
			logger.warn("Unexpected failure in the Settrade MQTT connection; carrying on", ex);
		}
		finally {
			this.afterEachTask.run();
		}
	}

}
