package io.github.settrademqtt.test.rest;

import io.github.settrademqtt.test.SimulatorFaults;

/**
 * Thrown by an endpoint to leave a request unanswered, as an injected
 * {@link SimulatorFaults} hang asks: the routes then hold the connection open without a
 * response (see {@link HungRequests}).
 *
 * @author settrade-mqtt
 */
final class UnansweredRequestException extends RuntimeException {

	UnansweredRequestException() {
		super("Simulated hang: no response", null, false, false);
	}

}
