package io.github.settrademqtt.feed.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.settrademqtt.feed.MarketDataEvent;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.feed.MarketDataKinds;
import io.github.settrademqtt.feed.listener.MarketDataListener;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * The application's listener beans, sorted once by the rows of a {@link MarketDataKinds}
 * table: each kind's own listeners (the row's listener type), then the
 * {@link MarketDataListener}s of every kind. Each listener is called in isolation: one
 * that throws, an {@link Error} included, is logged and counted, and the others still get
 * the event. Only an error of the virtual machine itself (out of memory, stack overflow)
 * is passed on.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public final class MarketDataListeners {

	private static final Log logger = LogFactory.getLog(MarketDataListeners.class);

	private final MarketDataKinds kinds;

	/**
	 * The listeners of each kind, by the kind's index in the table.
	 */
	private final List<List<Object>> byKind;

	private final List<MarketDataListener> all;

	private final RateLimitedLog failures = new RateLimitedLog(logger, "Settrade market data listeners failed", 5,
			Duration.ofMinutes(1));

	private MarketDataListeners(MarketDataKinds kinds, List<List<Object>> byKind, List<MarketDataListener> all) {
		this.kinds = kinds;
		this.byKind = byKind;
		this.all = all;
	}

	/**
	 * Return an instance of the standard kinds with no listeners.
	 * @return the instance
	 */
	public static MarketDataListeners none() {
		return builder(MarketDataKinds.standard()).build();
	}

	/**
	 * Start listeners of the kinds of a table.
	 * @param kinds the table
	 * @return a builder
	 */
	public static Builder builder(MarketDataKinds kinds) {
		Assert.notNull(kinds, "'kinds' must not be null");
		return new Builder(kinds);
	}

	/**
	 * Return the table the listeners are sorted by.
	 * @return the kinds
	 */
	public MarketDataKinds kinds() {
		return this.kinds;
	}

	/**
	 * Hand an event to every listener of its kind and to every listener of all kinds,
	 * telling the observer of each that throws.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void deliver(MarketDataEvent event, MarketDataKind<?, ?> kind, FeedObserver observer) {
		int index = this.kinds.indexOf(kind);
		if (index >= 0) {
			for (Object listener : this.byKind.get(index)) {
				try {
					((MarketDataKind) kind).call(listener, event);
				}
				catch (Throwable ex) {
					failed(listener, ex, event, kind, observer);
				}
			}
		}
		for (MarketDataListener listener : this.all) {
			try {
				listener.onMarketData(event);
			}
			catch (Throwable ex) {
				failed(listener, ex, event, kind, observer);
			}
		}
	}

	private void failed(Object listener, Throwable ex, MarketDataEvent event, MarketDataKind<?, ?> kind,
			FeedObserver observer) {
		// an AssertionError or a sneaky checked exception is as much the listener's own
		// failure as a RuntimeException
		GuardedSink.rethrowIfFatal(ex);
		observer.listenerFailed(kind);
		this.failures.log(() -> "Listener " + listener.getClass().getName() + " failed on " + kind.tag() + " '"
				+ event.key() + "'", ex);
	}

	/**
	 * Collects listeners, in the order they are to be called.
	 */
	public static final class Builder {

		private final MarketDataKinds kinds;

		private final List<List<Object>> byKind = new ArrayList<>();

		private final List<MarketDataListener> all = new ArrayList<>();

		private Builder(MarketDataKinds kinds) {
			this.kinds = kinds;
			for (int i = 0; i < kinds.size(); i++) {
				this.byKind.add(new ArrayList<>());
			}
		}

		/**
		 * Add a listener of one kind.
		 * @param <L> the type of listener
		 * @param kind the kind, a row of the table
		 * @param listener the listener
		 * @return this builder
		 */
		public <L> Builder listener(MarketDataKind<?, L> kind, L listener) {
			int index = this.kinds.indexOf(kind);
			Assert.isTrue(index >= 0, () -> "'" + kind + "' is not a row of " + this.kinds);
			this.byKind.get(index).add(kind.listenerType().cast(listener));
			return this;
		}

		/**
		 * Add a listener of every kind.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MarketDataListener listener) {
			Assert.notNull(listener, "'listener' must not be null");
			this.all.add(listener);
			return this;
		}

		/**
		 * Add an object as the listener of every kind whose listener type it implements,
		 * and of all kinds if it is a {@link MarketDataListener}.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder add(Object listener) {
			Assert.notNull(listener, "'listener' must not be null");
			List<MarketDataKind<?, ?>> kinds = this.kinds.all();
			for (int i = 0; i < kinds.size(); i++) {
				if (kinds.get(i).listenerType().isInstance(listener)) {
					this.byKind.get(i).add(listener);
				}
			}
			if (listener instanceof MarketDataListener all) {
				this.all.add(all);
			}
			return this;
		}

		/**
		 * Build the listeners.
		 * @return the listeners
		 */
		public MarketDataListeners build() {
			return new MarketDataListeners(this.kinds, this.byKind.stream().map(List::copyOf).toList(),
					List.copyOf(this.all));
		}

	}

}
