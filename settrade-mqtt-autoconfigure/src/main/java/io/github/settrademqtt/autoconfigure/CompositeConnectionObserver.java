package io.github.settrademqtt.autoconfigure;

import java.util.List;

import io.github.settrademqtt.connection.ConnectionObserver;
import io.github.settrademqtt.connection.RotationOutcome;
import io.github.settrademqtt.connection.TopicKind;

/**
 * Tells every {@link ConnectionObserver} bean what the connection does.
 *
 * @author settrade-mqtt
 */
final class CompositeConnectionObserver implements ConnectionObserver {

	private final List<ConnectionObserver> observers;

	private CompositeConnectionObserver(List<ConnectionObserver> observers) {
		this.observers = observers;
	}

	static ConnectionObserver of(List<ConnectionObserver> observers) {
		return switch (observers.size()) {
			case 0 -> ConnectionObserver.NONE;
			case 1 -> observers.get(0);
			default -> new CompositeConnectionObserver(List.copyOf(observers));
		};
	}

	@Override
	public void messageDelivered(TopicKind kind) {
		for (ConnectionObserver observer : this.observers) {
			observer.messageDelivered(kind);
		}
	}

	@Override
	public void connectionAttempted(String outcome) {
		for (ConnectionObserver observer : this.observers) {
			observer.connectionAttempted(outcome);
		}
	}

	@Override
	public void rotated(RotationOutcome outcome) {
		for (ConnectionObserver observer : this.observers) {
			observer.rotated(outcome);
		}
	}

}
