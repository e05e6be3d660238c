package io.github.settrademqtt.test.rest;

/**
 * One REST endpoint of the simulator.
 *
 * @author settrade-mqtt
 */
@FunctionalInterface
interface RestEndpoint {

	/**
	 * Handles a request. Rejections may be returned or thrown as
	 * {@link RejectedRequestException}; {@link UnansweredRequestException} leaves the
	 * request unanswered.
	 * @param request the request
	 * @return the response
	 */
	SimulatorResponse handle(SimulatorRequest request);

}
