package io.github.settrademqtt.feed.delivery;

import java.time.Duration;

import io.github.settrademqtt.connection.SettradeMqttHeaders;
import io.github.settrademqtt.feed.MarketDataKind;
import io.github.settrademqtt.support.RateLimitedLog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;

/**
 * Keeps whatever a sink throws from a dispatcher's drain, so that a failure that got past
 * the sink's own isolation costs one message, never the delivery of its topic. Errors of
 * the virtual machine itself (out of memory, stack overflow) are passed on: nothing here
 * can handle them, and the drain still completes around them.
 *
 * @author settrade-mqtt
 */
final class GuardedSink implements ConflatingDispatcher.Sink {

	private static final Log logger = LogFactory.getLog(GuardedSink.class);

	private final ConflatingDispatcher.Sink sink;

	private final FeedObserver observer;

	private final RateLimitedLog failures = new RateLimitedLog(logger, "Settrade market data deliveries failed", 5,
			Duration.ofMinutes(1));

	GuardedSink(ConflatingDispatcher.Sink sink, FeedObserver observer) {
		this.sink = sink;
		this.observer = observer;
	}

	@Override
	public void accept(Message<?> message, MarketDataKind<?, ?> kind) {
		try {
			this.sink.accept(message, kind);
		}
		catch (Throwable ex) {
			rethrowIfFatal(ex);
			this.observer.listenerFailed(kind);
			this.failures.log(() -> "Delivery of a message from '" + message.getHeaders().get(SettradeMqttHeaders.TOPIC)
					+ "' failed: it is passed over", ex);
		}
	}

	/**
	 * Pass on what no one can handle: the virtual machine is broken, not the message.
	 */
	static void rethrowIfFatal(Throwable ex) {
		if (ex instanceof VirtualMachineError fatal) {
			throw fatal;
		}
	}

}
