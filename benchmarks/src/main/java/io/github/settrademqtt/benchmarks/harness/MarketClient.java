package io.github.settrademqtt.benchmarks.harness;

import java.util.List;

import io.github.settrademqtt.test.SettradeSimulator;
import io.github.settrademqtt.test.SimulatedApp;

/**
 * A client of the whole market under test: it connects to every topic, records every
 * message it receives on a {@link MarketTape}, and replaces its connection when asked.
 *
 * @author settrade-mqtt
 */
public interface MarketClient extends AutoCloseable {

	/**
	 * Return the client's name in the report.
	 * @return the name
	 */
	String name();

	/**
	 * Connect and subscribe every topic, and return once every topic is active.
	 * @param simulator the simulator
	 * @param app the app whose credentials to use
	 * @param symbols the symbols: their order books and price information
	 * @param feed the feed publishing on them
	 * @param tape where to record what arrives and what listeners are handed
	 * @return how the connection went
	 * @throws Exception when the client cannot connect or subscribe
	 */
	Opening connect(SettradeSimulator simulator, SimulatedApp app, List<String> symbols, PhasedFeed feed,
			MarketTape tape) throws Exception;

	/**
	 * Replace the connection by a new one, make-before-break, and return once the new one
	 * delivers.
	 * @return how the new connection went
	 * @throws Exception when the connection could not be replaced
	 */
	Opening rotate() throws Exception;

	/**
	 * Return the number of connections lost so far (a keep-alive timeout among them);
	 * connections closed by a rotation do not count.
	 * @return the count
	 */
	long losses();

	@Override
	void close() throws Exception;

	/**
	 * The moments of opening one connection, on {@link System#nanoTime()}.
	 *
	 * @param startNanos when it was asked for: the application's start (login and ticket
	 * to come) or the rotation's request
	 * @param openingNanos when the connection started opening, with its ticket in hand
	 * (TLS, WebSocket and MQTT {@code CONNECT} to come)
	 * @param connectedNanos when the broker's {@code CONNACK} was in
	 * @param grantedNanos when the broker had answered every {@code SUBSCRIBE} of this
	 * connection with grants (for the starter's first connection, when its
	 * {@code SubscriptionRegistry} has every topic active; on a rotation, when the new
	 * connection's streams start lining up with the old one's)
	 * @param activeNanos when every topic was active: the broker granted every topic (for
	 * the starter, as its {@code SubscriptionRegistry} has it)
	 * @param doneNanos when the new connection delivered and the old one, if any, was
	 * done
	 */
	record Opening(long startNanos, long openingNanos, long connectedNanos, long grantedNanos, long activeNanos,
			long doneNanos) {

	}

}
