package io.github.settrademqtt.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * A lifecycle bean that runs a check on a thread of its own at a fixed delay while it
 * runs: started with the context, stopped with it, leaving no thread behind.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public abstract class FixedDelayLifecycle implements SmartLifecycle {

	private final String threadNamePrefix;

	private final Duration interval;

	private boolean autoStartup = true;

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a lifecycle bean.
	 * @param threadNamePrefix the prefix of its thread's name
	 * @param interval the delay between the end of one check and the start of the next
	 */
	protected FixedDelayLifecycle(String threadNamePrefix, Duration interval) {
		this.threadNamePrefix = threadNamePrefix;
		this.interval = interval;
	}

	/**
	 * Run one check. What it throws is the subclass's to contain: an exception stops the
	 * checks.
	 */
	protected abstract void check();

	/**
	 * Return a check interval derived from a setting, kept within bounds.
	 * @param interval the interval the setting asks for
	 * @param min the shortest interval, so that a check is never too busy
	 * @param max the longest interval, so that a check is never too lazy
	 * @return the interval within bounds
	 */
	protected static Duration clamp(Duration interval, Duration min, Duration max) {
		return (interval.compareTo(min) < 0) ? min : (interval.compareTo(max) > 0) ? max : interval;
	}

	/**
	 * Return the delay between two checks.
	 * @return the interval
	 */
	protected Duration getInterval() {
		return this.interval;
	}

	@Override
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory(this.threadNamePrefix));
		scheduler.scheduleWithFixedDelay(this::check, this.interval.toNanos(), this.interval.toNanos(),
				TimeUnit.NANOSECONDS);
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		this.scheduler = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
			try {
				scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
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

}
