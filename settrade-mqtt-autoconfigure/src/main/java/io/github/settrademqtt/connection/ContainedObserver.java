package io.github.settrademqtt.connection;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells an observer what happened without letting it stop the connection: what it throws
 * is logged (at most once a minute) and passed over, so a failing metrics binding can
 * never keep a retry from being scheduled nor a hand-over from finishing.
 *
 * @author settrade-mqtt
 */
final class ContainedObserver implements ConnectionObserver {

	private static final Log logger = LogFactory.getLog(ContainedObserver.class);

	private final ConnectionObserver delegate;

	private final StepHook hook;

	private final LogThrottle failures = new LogThrottle(Duration.ofMinutes(1));

	ContainedObserver(ConnectionObserver delegate, StepHook hook) {
		this.delegate = delegate;
		this.hook = hook;
	}

	private void tell(Consumer<ConnectionObserver> call) {
		try {
			this.hook.before(ConnectionStep.OBSERVE);
			call.accept(this.delegate);
		}
		catch (RuntimeException ex) {
			if (this.failures.tryAcquire()) {
				logger.warn("A Settrade MQTT connection observer failed; carrying on", ex);
			}
		}
	}

	@Override
	public void connectionAttempted(String outcome) {
		tell((observer) -> observer.connectionAttempted(outcome));
	}

	@Override
	public void reconnected(SessionChange change) {
		tell((observer) -> observer.reconnected(change));
	}

	@Override
	public void rotated(RotationOutcome outcome) {
		tell((observer) -> observer.rotated(outcome));
	}

	@Override
	public void rotationFailed(String reason) {
		tell((observer) -> observer.rotationFailed(reason));
	}

	@Override
	public void subscriptionRejected(String topic) {
		tell((observer) -> observer.subscriptionRejected(topic));
	}

	@Override
	public void healed(String action) {
		tell((observer) -> observer.healed(action));
	}

}
