package io.github.settrademqtt.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

/**
 * Thrown at start-up when {@code settrade.mqtt.*} properties are missing or invalid. It
 * lists every problem found, each naming its property; no message ever contains the app
 * secret.
 *
 * @author settrade-mqtt
 * @since 0.1.0
 */
public class InvalidSettradePropertiesException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * Create a new exception.
	 * @param problems the problems found, at least one
	 */
	public InvalidSettradePropertiesException(List<Problem> problems) {
		super(message(problems));
		Assert.notEmpty(problems, "'problems' must not be empty");
		this.problems = List.copyOf(problems);
	}

	private static String message(List<Problem> problems) {
		return "Invalid Settrade MQTT configuration: " + problems.stream()
			.map((problem) -> problem.property() + ": " + problem.reason())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Return the problems found.
	 * @return the problems
	 */
	public List<Problem> getProblems() {
		return this.problems;
	}

	/**
	 * One invalid or missing property.
	 *
	 * @param property the full property name, such as {@code settrade.mqtt.app-id}
	 * @param reason what is wrong
	 * @param action what to do about it
	 */
	public record Problem(String property, String reason, String action) {

	}

}
