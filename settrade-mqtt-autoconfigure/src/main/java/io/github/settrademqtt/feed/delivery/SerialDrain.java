package io.github.settrademqtt.feed.delivery;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work that is drained by at most one task at a time: a conflation slot or the order
 * queue. It is marked scheduled from the moment a task is handed to the executor until
 * that task ends, and the task clears the mark however the consumer it calls ends: a mark
 * left set would keep the work from ever being scheduled again.
 *
 * @author settrade-mqtt
 */
abstract class SerialDrain implements Runnable {

	private final Executor executor;

	private final AtomicBoolean scheduled = new AtomicBoolean();

	SerialDrain(Executor executor) {
		this.executor = executor;
	}

	/**
	 * Hand a drain to the executor unless one is already queued or running.
	 */
	final void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(this);
			}
			catch (RejectedExecutionException ex) {
				// stopping: what is left is not delivered
				this.scheduled.set(false);
			}
		}
	}

	final boolean isScheduled() {
		return this.scheduled.get();
	}

	@Override
	public final void run() {
		try {
			drain();
		}
		finally {
			this.scheduled.set(false);
			if (hasMore()) {
				// what arrived meanwhile is scheduled again, behind other work
				schedule();
			}
			else {
				drained();
			}
		}
	}

	/**
	 * Deliver one turn's worth; may throw, the mark is cleared regardless.
	 */
	abstract void drain();

	/**
	 * Return whether something waits that the turn just ended did not deliver.
	 */
	abstract boolean hasMore();

	/**
	 * Called when a turn ended with nothing left waiting.
	 */
	void drained() {
	}

}
