package io.github.settrademqtt.test.mqtt;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tells who waits for it that the broker took a client's {@code CONNECT}. Moquette 0.17
 * reports a connection from the listener of its {@code CONNACK} write, right after it
 * marked the connection connected: from then on it serves the client's other packets
 * (before, it drops the client for them). See {@link ConnectGate}.
 * <p>
 * Reports name the client id only. Two connections of the same id waiting at once (the
 * broker lets the later take the session over) are both released by the first report:
 * clients of the simulator use ids of their own.
 *
 * @author settrade-mqtt
 */
final class ConnectInterceptor extends AbstractInterceptHandler {

	private static final Class<?>[] INTERCEPTED = { InterceptConnectMessage.class };

	private final Map<String, Set<Sinks.Empty<Void>>> waiting = new ConcurrentHashMap<>();

	@Override
	public String getID() {
		return "settrade-simulator-connects";
	}

	@Override
	public Class<?>[] getInterceptedMessageTypes() {
		return INTERCEPTED.clone();
	}

	/**
	 * Returns a signal of the broker's next report that a client connected. The wait
	 * starts with this call, not with the subscription: call it before the client's
	 * {@code CONNECT} reaches the broker. Cancelling the signal ends the wait.
	 * @param clientId the client id of the {@code CONNECT}
	 * @return completes on the broker's interceptor thread once the client is connected;
	 * never when the broker refuses it
	 */
	Mono<Void> connected(String clientId) {
		Sinks.Empty<Void> signal = Sinks.empty();
		// Added in compute(), not to a set found before: onConnect may take the set out
		// of the map in between
		this.waiting.compute(clientId, (id, signals) -> {
			Set<Sinks.Empty<Void>> all = (signals != null) ? signals : ConcurrentHashMap.newKeySet();
			all.add(signal);
			return all;
		});
		return signal.asMono().doOnCancel(() -> this.waiting.computeIfPresent(clientId, (id, signals) -> {
			signals.remove(signal);
			return signals.isEmpty() ? null : signals;
		}));
	}

	@Override
	public void onConnect(InterceptConnectMessage message) {
		Set<Sinks.Empty<Void>> signals = this.waiting.remove(message.getClientID());
		if (signals != null) {
			signals.forEach(Sinks.Empty::tryEmitEmpty);
		}
	}

	@Override
	public void onSessionLoopError(Throwable error) {
		// Not told: this handler asks for connections only
	}

	/**
	 * Forgets every wait; the broker stopped.
	 */
	void clear() {
		this.waiting.clear();
	}

}
